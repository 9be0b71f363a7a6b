package io.synthbeam.nn;

import java.util.List;

/**
 * Fully connected layer {@code y = x·W + b}, with W stored as {@code in x out} so that the forward
 * pass is one plain GEMM and no transpose is needed. Initialised like PyTorch's {@code nn.Linear}:
 * W and b uniform in {@code ±1/sqrt(in)}.
 */
public final class Linear implements Layer {
  private final int in;
  private final int out;
  private final Parameter weight;
  private final Parameter bias;
  private final List<Parameter> parameters;
  private boolean needsInputGrad = true;

  private Tensor input;
  private Tensor output;
  private Tensor gradInput;

  public Linear(int in, int out, Rng rng) {
    if (in <= 0 || out <= 0) {
      throw new IllegalArgumentException("Linear needs positive sizes, got " + in + " -> " + out);
    }
    this.in = in;
    this.out = out;
    float bound = (float) (1.0 / Math.sqrt(in));
    Tensor w = new Tensor(in, out);
    rng.fillUniform(w.data, 0, w.data.length, -bound, bound);
    Tensor b = new Tensor(1, out);
    rng.fillUniform(b.data, 0, out, -bound, bound);
    this.weight = new Parameter("weight", w);
    this.bias = new Parameter("bias", b);
    this.parameters = List.of(weight, bias);
  }

  public int inFeatures() {
    return in;
  }

  public int outFeatures() {
    return out;
  }

  /** The {@code in x out} weight matrix W (y = x·W + b). */
  public Parameter weight() {
    return weight;
  }

  /** The {@code 1 x out} bias row. */
  public Parameter bias() {
    return bias;
  }

  /**
   * When false, {@link #backward} still accumulates the parameter gradients but skips the input
   * gradient and returns null: for the first layer of a network, whose input is data.
   */
  public void setNeedsInputGrad(boolean needsInputGrad) {
    this.needsInputGrad = needsInputGrad;
  }

  public boolean needsInputGrad() {
    return needsInputGrad;
  }

  /** The input of the latest forward call (not a copy), or null before the first call. */
  public Tensor input() {
    return input;
  }

  @Override
  public Tensor forward(Tensor x, boolean training) {
    if (x.cols != in) {
      throw new IllegalArgumentException(
          "Linear(" + in + " -> " + out + ") got input with " + x.cols + " columns");
    }
    input = x;
    output = Tensor.reuse(output, x.rows, out);
    float[] y = output.data;
    float[] b = bias.value.data;
    for (int r = 0; r < x.rows; r++) {
      System.arraycopy(b, 0, y, r * out, out);
    }
    Gemm.matmul(x, false, weight.value, false, output, true);
    return output;
  }

  @Override
  public Tensor backward(Tensor gradOutput) {
    if (gradOutput.rows != input.rows || gradOutput.cols != out) {
      throw new IllegalArgumentException("Linear(" + in + " -> " + out + ") backward got "
          + gradOutput + ", expected " + input.rows + "x" + out);
    }
    Gemm.matmul(input, true, gradOutput, false, weight.grad, true);
    float[] db = bias.grad.data;
    float[] dy = gradOutput.data;
    for (int r = 0, rows = gradOutput.rows; r < rows; r++) {
      int base = r * out;
      for (int j = 0; j < out; j++) {
        db[j] += dy[base + j];
      }
    }
    if (!needsInputGrad) {
      return null;
    }
    gradInput = Tensor.reuse(gradInput, input.rows, in);
    Gemm.matmul(gradOutput, false, weight.value, true, gradInput, false);
    return gradInput;
  }

  @Override
  public List<Parameter> parameters() {
    return parameters;
  }
}
