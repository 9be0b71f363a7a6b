package io.synthbeam.gan.ctgan;

import io.synthbeam.nn.BatchNorm1d;
import io.synthbeam.nn.Linear;
import io.synthbeam.nn.Parameter;
import io.synthbeam.nn.ReLU;
import io.synthbeam.nn.Rng;
import io.synthbeam.nn.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * CTGAN's generator block: {@code [ReLU(BatchNorm(Linear(x))), x]}, the block's output followed by
 * its input, so later layers see every earlier representation.
 */
final class ResidualBlock {
  final Linear linear;
  final BatchNorm1d norm;
  private final ReLU relu = new ReLU();
  private final int in;
  private final int out;
  private Tensor output;
  private Tensor dHidden;
  private Tensor dInput;

  ResidualBlock(int in, int out, boolean needInputGrad, Rng rng) {
    this.in = in;
    this.out = out;
    this.linear = new Linear(in, out, rng);
    this.linear.setNeedsInputGrad(needInputGrad);
    this.norm = new BatchNorm1d(out);
  }

  int outputWidth() {
    return out + in;
  }

  Tensor forward(Tensor x, boolean training) {
    Tensor h = relu.forward(norm.forward(linear.forward(x, training), training), training);
    output = Tensor.reuse(output, x.rows, out + in);
    int w = out + in;
    for (int r = 0; r < x.rows; r++) {
      System.arraycopy(h.data, r * out, output.data, r * w, out);
      System.arraycopy(x.data, r * in, output.data, r * w + out, in);
    }
    return output;
  }

  /** Backward from the gradient of the block's output; returns the input gradient or null. */
  Tensor backward(Tensor dOutput) {
    int rows = dOutput.rows;
    int w = out + in;
    dHidden = Tensor.reuse(dHidden, rows, out);
    for (int r = 0; r < rows; r++) {
      System.arraycopy(dOutput.data, r * w, dHidden.data, r * out, out);
    }
    Tensor dx = linear.backward(norm.backward(relu.backward(dHidden)));
    if (dx == null) {
      return null;
    }
    // The skip path: the input's gradient also flows straight through the concatenation.
    dInput = Tensor.reuse(dInput, rows, in);
    for (int r = 0; r < rows; r++) {
      int src = r * w + out;
      int dst = r * in;
      for (int c = 0; c < in; c++) {
        dInput.data[dst + c] = dx.data[dst + c] + dOutput.data[src + c];
      }
    }
    return dInput;
  }

  List<Parameter> parameters() {
    List<Parameter> p = new ArrayList<>(linear.parameters());
    p.addAll(norm.parameters());
    return p;
  }
}
