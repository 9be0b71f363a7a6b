package io.synthbeam.nn;

/**
 * Inverted dropout: in training each unit is kept with probability {@code 1-p} and scaled by
 * {@code 1/(1-p)}, so inference is the identity.
 */
public final class Dropout implements Layer {
  private final float p;
  private final float scale;
  private final Rng rng;
  private boolean maskFrozen;
  private boolean lastTraining;
  private Tensor mask;
  private Tensor output;
  private Tensor gradInput;

  /** @param p drop probability in {@code [0, 1)} */
  public Dropout(float p, Rng rng) {
    if (!(p >= 0f && p < 1f)) {
      throw new IllegalArgumentException("Dropout probability must be in [0, 1), got " + p);
    }
    this.p = p;
    this.scale = 1f / (1f - p);
    this.rng = rng;
  }

  public float p() {
    return p;
  }

  /**
   * The mask of the latest training-mode forward call: per element 0 (dropped) or {@code 1/(1-p)}
   * (kept), so {@code output = input * mask}. Null before the first training-mode call.
   */
  public Tensor mask() {
    return mask;
  }

  /**
   * When true, training-mode forward calls reuse the current mask (if it has the input's shape)
   * instead of drawing a new one: for gradient checks and for re-running a forward pass exactly.
   */
  public void setMaskFrozen(boolean frozen) {
    this.maskFrozen = frozen;
  }

  @Override
  public Tensor forward(Tensor x, boolean training) {
    lastTraining = training;
    output = Tensor.reuse(output, x.rows, x.cols);
    float[] in = x.data;
    float[] y = output.data;
    if (!training) {
      System.arraycopy(in, 0, y, 0, in.length);
      return output;
    }
    boolean reuseMask = maskFrozen && mask != null && mask.rows == x.rows && mask.cols == x.cols;
    if (!reuseMask) {
      mask = Tensor.reuse(mask, x.rows, x.cols);
      drawMask(mask.data);
    }
    float[] m = mask.data;
    for (int i = 0; i < in.length; i++) {
      y[i] = in[i] * m[i];
    }
    return output;
  }

  private void drawMask(float[] m) {
    // Keep when a uniform 24-bit integer k satisfies k * 2^-24 < 1-p, i.e. k < threshold; the
    // sign of k - threshold gives the keep bit without a branch.
    long threshold = (long) Math.ceil((1.0 - p) * 0x1.0p24);
    float s = scale;
    for (int i = 0; i < m.length; i++) {
      long k = rng.nextLong() >>> 40;
      m[i] = s * (int) ((k - threshold) >>> 63);
    }
  }

  @Override
  public Tensor backward(Tensor gradOutput) {
    gradInput = Tensor.reuse(gradInput, gradOutput.rows, gradOutput.cols);
    float[] dy = gradOutput.data;
    float[] dx = gradInput.data;
    if (!lastTraining) {
      System.arraycopy(dy, 0, dx, 0, dy.length);
      return gradInput;
    }
    float[] m = mask.data;
    for (int i = 0; i < dy.length; i++) {
      dx[i] = dy[i] * m[i];
    }
    return gradInput;
  }
}
