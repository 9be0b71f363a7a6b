package io.synthbeam.nn;

/**
 * Gumbel-softmax relaxation of a categorical sample (Jang, Gu and Poole 2017; soft version):
 * {@code y = softmax((x + g) / tau)} on a column span of each row, with {@code g} standard Gumbel
 * noise. The noise is a constant for differentiation, so the backward pass is the softmax backward
 * through the same {@code y} ({@link #backward}).
 */
public final class GumbelSoftmax {
  private GumbelSoftmax() {}

  /**
   * Forward pass on columns {@code [off, off+len)} of each row. The noise is written into (or, when
   * {@code rng} is null, read from) the same span of {@code noise}, an array laid out like
   * {@code in}, so the caller keeps it. {@code out} may be {@code in}.
   */
  public static void forward(float[] in, float[] out, float[] noise, int rows, int stride,
      int off, int len, float tau, Rng rng) {
    forwardRows(in, out, noise, 0, rows, stride, off, len, tau, rng);
  }

  /**
   * {@link #forward(float[], float[], float[], int, int, int, int, float, Rng)} on rows
   * [from, to) only, so that row blocks can run on different threads with their own noise streams.
   */
  public static void forwardRows(float[] in, float[] out, float[] noise, int from, int to,
      int stride, int off, int len, float tau, Rng rng) {
    Softmax.checkSpan(to - from, stride, off, len, tau);
    for (int r = from; r < to; r++) {
      for (int i = r * stride + off, end = i + len; i < end; i++) {
        if (rng != null) {
          noise[i] = (float) rng.nextGumbel();
        }
        out[i] = in[i] + noise[i];
      }
    }
    Softmax.forwardRows(out, out, from, to, stride, off, len, tau);
  }

  /** Tensor form of {@link #forward(float[], float[], float[], int, int, int, int, float, Rng)}. */
  public static void forward(Tensor in, Tensor out, Tensor noise, int off, int len, float tau,
      Rng rng) {
    forward(in.data, out.data, noise.data, in.rows, in.cols, off, len, tau, rng);
  }

  /** Gradient with respect to the logits: exactly {@link Softmax#backward} through {@code y}. */
  public static void backward(float[] y, float[] dy, float[] dx, int rows, int stride, int off,
      int len, float tau) {
    Softmax.backward(y, dy, dx, rows, stride, off, len, tau);
  }

  /** Tensor form of {@link #backward(float[], float[], float[], int, int, int, int, float)}. */
  public static void backward(Tensor y, Tensor dy, Tensor dx, int off, int len, float tau) {
    Softmax.backward(y, dy, dx, off, len, tau);
  }
}
