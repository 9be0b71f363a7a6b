package io.synthbeam.nn;

/**
 * Hyperbolic tangent, as a layer over whole tensors and as static functions over a column span of
 * each row (the generator applies tanh only to the continuous-value columns of its output).
 */
public final class Tanh implements Layer {
  private Tensor output;
  private Tensor gradInput;

  @Override
  public Tensor forward(Tensor x, boolean training) {
    output = Tensor.reuse(output, x.rows, x.cols);
    forward(x.data, output.data, x.rows, x.cols, 0, x.cols);
    return output;
  }

  @Override
  public Tensor backward(Tensor gradOutput) {
    gradInput = Tensor.reuse(gradInput, output.rows, output.cols);
    backward(output.data, gradOutput.data, gradInput.data, output.rows, output.cols, 0,
        output.cols);
    return gradInput;
  }

  /**
   * {@code out = tanh(in)} on columns {@code [off, off+len)} of each of {@code rows} rows of width
   * {@code stride}; other columns are left alone. {@code out} may be {@code in}.
   */
  public static void forward(float[] in, float[] out, int rows, int stride, int off, int len) {
    for (int r = 0; r < rows; r++) {
      for (int i = r * stride + off, end = i + len; i < end; i++) {
        out[i] = (float) Math.tanh(in[i]);
      }
    }
  }

  /**
   * {@code dx = dy * (1 - y²)} on the span, where {@code y} is the forward output; overwrites the
   * span of {@code dx} (which may be {@code dy}).
   */
  public static void backward(float[] y, float[] dy, float[] dx, int rows, int stride, int off,
      int len) {
    for (int r = 0; r < rows; r++) {
      for (int i = r * stride + off, end = i + len; i < end; i++) {
        float v = y[i];
        dx[i] = dy[i] * (1f - v * v);
      }
    }
  }
}
