package io.synthbeam.nn;

/** Mean of all entries of a tensor, and its gradient (every entry gets {@code upstream / n}). */
public final class Mean {
  private int rows;
  private int cols;
  private Tensor gradInput;

  /** Mean of all entries (summed in double); remembers the shape for {@link #backward}. */
  public double forward(Tensor x) {
    rows = x.rows;
    cols = x.cols;
    return mean(x);
  }

  /** Gradient of {@code upstream * mean} for the latest input's shape, owned by this object. */
  public Tensor backward(float upstream) {
    gradInput = Tensor.reuse(gradInput, rows, cols);
    fillGradient(upstream, gradInput);
    return gradInput;
  }

  /** Mean of all entries, summed in double; NaN for an empty tensor. */
  public static double mean(Tensor x) {
    double s = 0.0;
    float[] d = x.data;
    for (float v : d) {
      s += v;
    }
    return s / d.length;
  }

  /** Fills {@code dx} with {@code upstream / dx.size()}: the gradient of a mean over its shape. */
  public static void fillGradient(float upstream, Tensor dx) {
    dx.fill((float) ((double) upstream / dx.size()));
  }
}
