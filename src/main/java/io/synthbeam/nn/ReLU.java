package io.synthbeam.nn;

/** Rectified linear unit {@code max(0, x)}; the gradient at exactly 0 is taken as 0. */
public final class ReLU implements Layer {
  private Tensor input;
  private Tensor output;
  private Tensor gradInput;

  @Override
  public Tensor forward(Tensor x, boolean training) {
    input = x;
    output = Tensor.reuse(output, x.rows, x.cols);
    float[] in = x.data;
    float[] y = output.data;
    for (int i = 0; i < in.length; i++) {
      y[i] = Math.max(in[i], 0f);
    }
    return output;
  }

  @Override
  public Tensor backward(Tensor gradOutput) {
    gradInput = Tensor.reuse(gradInput, input.rows, input.cols);
    float[] in = input.data;
    float[] dy = gradOutput.data;
    float[] dx = gradInput.data;
    for (int i = 0; i < in.length; i++) {
      dx[i] = dy[i] * Branchless.positive(in[i]);
    }
    return gradInput;
  }
}
