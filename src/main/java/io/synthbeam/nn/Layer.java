package io.synthbeam.nn;

import java.util.List;

/**
 * A differentiable step of a network with explicit forward and backward passes.
 *
 * <p>Contract: {@link #forward} returns a tensor the layer owns and reuses on the next call (copy it
 * if you need it longer); {@link #backward} takes the gradient of the loss with respect to that
 * output (same shape), <em>adds</em> the parameter gradients into {@link Parameter#grad}, and
 * returns the gradient with respect to the input of the latest forward call (also layer-owned).
 * The input tensor passed to forward must stay unchanged until backward has run.
 */
public interface Layer {
  Tensor forward(Tensor input, boolean training);

  Tensor backward(Tensor gradOutput);

  /** Trainable parameters, empty for parameter-free layers. */
  default List<Parameter> parameters() {
    return List.of();
  }
}
