package io.synthbeam.nn;

/** Leaky ReLU: {@code x} for {@code x > 0}, else {@code slope * x} (the CTGAN critic uses 0.2). */
public final class LeakyReLU implements Layer {
  private final float slope;
  private Tensor input;
  private Tensor output;
  private Tensor gradInput;

  public LeakyReLU(float slope) {
    this.slope = slope;
  }

  public float slope() {
    return slope;
  }

  /** The input of the latest forward call (not a copy), or null before the first call. */
  public Tensor input() {
    return input;
  }

  @Override
  public Tensor forward(Tensor x, boolean training) {
    input = x;
    output = Tensor.reuse(output, x.rows, x.cols);
    float[] in = x.data;
    float[] y = output.data;
    float s = slope;
    for (int i = 0; i < in.length; i++) {
      float v = in[i];
      // Exactly v for v > 0 and s*v otherwise, without a data-dependent branch.
      y[i] = Math.max(v, 0f) + s * Math.min(v, 0f);
    }
    return output;
  }

  @Override
  public Tensor backward(Tensor gradOutput) {
    gradInput = Tensor.reuse(gradInput, input.rows, input.cols);
    float[] in = input.data;
    float[] dy = gradOutput.data;
    float[] dx = gradInput.data;
    float s = slope;
    for (int i = 0; i < in.length; i++) {
      int pos = Branchless.positive(in[i]);
      float d = dy[i];
      dx[i] = d * pos + s * d * (1 - pos);
    }
    return gradInput;
  }
}
