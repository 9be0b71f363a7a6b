package io.synthbeam.nn;

/**
 * Softmax with temperature over a column span of each row: {@code y = softmax(x / tau)} on columns
 * {@code [off, off+len)} of each of {@code rows} rows of width {@code stride}. Columns outside the
 * span are never read or written, so several spans of one output can be handled independently.
 */
public final class Softmax {
  private Softmax() {}

  /**
   * Forward pass; {@code out} may be {@code in}. Numerically stable: the row maximum is subtracted
   * before exponentiating.
   */
  public static void forward(float[] in, float[] out, int rows, int stride, int off, int len,
      float tau) {
    forwardRows(in, out, 0, rows, stride, off, len, tau);
  }

  /** {@link #forward(float[], float[], int, int, int, int, float)} on rows [from, to) only. */
  public static void forwardRows(float[] in, float[] out, int from, int to, int stride, int off,
      int len, float tau) {
    checkSpan(to - from, stride, off, len, tau);
    double invTau = 1.0 / tau;
    for (int r = from; r < to; r++) {
      int start = r * stride + off;
      int end = start + len;
      float max = Float.NEGATIVE_INFINITY;
      for (int i = start; i < end; i++) {
        max = Math.max(max, in[i]);
      }
      double sum = 0.0;
      for (int i = start; i < end; i++) {
        float e = (float) Math.exp((in[i] - max) * invTau);
        out[i] = e;
        sum += e;
      }
      float inv = (float) (1.0 / sum);
      for (int i = start; i < end; i++) {
        out[i] *= inv;
      }
    }
  }

  /** {@link #forward(float[], float[], int, int, int, int, float)} on whole tensors of one shape. */
  public static void forward(Tensor in, Tensor out, int off, int len, float tau) {
    forward(in.data, out.data, in.rows, in.cols, off, len, tau);
  }

  /**
   * Backward pass from the forward output {@code y}: {@code dx = y * (dy - sum(dy * y)) / tau} on
   * the span. Overwrites the span of {@code dx}, which may be {@code dy}.
   */
  public static void backward(float[] y, float[] dy, float[] dx, int rows, int stride, int off,
      int len, float tau) {
    checkSpan(rows, stride, off, len, tau);
    float invTau = 1f / tau;
    for (int r = 0; r < rows; r++) {
      int start = r * stride + off;
      int end = start + len;
      double dot = 0.0;
      for (int i = start; i < end; i++) {
        dot += dy[i] * y[i];
      }
      float d = (float) dot;
      for (int i = start; i < end; i++) {
        dx[i] = y[i] * (dy[i] - d) * invTau;
      }
    }
  }

  /** {@link #backward(float[], float[], float[], int, int, int, int, float)} on whole tensors. */
  public static void backward(Tensor y, Tensor dy, Tensor dx, int off, int len, float tau) {
    backward(y.data, dy.data, dx.data, y.rows, y.cols, off, len, tau);
  }

  static void checkSpan(int rows, int stride, int off, int len, float tau) {
    if (off < 0 || len <= 0 || off + len > stride || rows < 0) {
      throw new IllegalArgumentException("span [" + off + ", " + (off + len)
          + ") does not fit rows of width " + stride);
    }
    if (!(tau > 0f)) {
      throw new IllegalArgumentException("softmax temperature must be positive, got " + tau);
    }
  }
}
