package io.synthbeam.nn;

/** A trainable tensor with its gradient accumulator. */
public final class Parameter {
  public final String name;
  public final Tensor value;
  public final Tensor grad;

  public Parameter(String name, Tensor value) {
    this.name = name;
    this.value = value;
    this.grad = new Tensor(value.rows, value.cols);
  }

  public void zeroGrad() {
    grad.fill(0f);
  }
}
