package io.synthbeam.nn;

/**
 * Weighted softmax cross-entropy over a column span of logits per row (the CTGAN generator's
 * conditional loss): {@code value = sum_r w_r * CE_r / rows} with
 * {@code CE_r = logsumexp(x_r) - x_r[target_r]}, the span taken as the classes. A row with weight 0
 * is ignored (its target is not read, so it may be anything, e.g. -1).
 */
public final class CrossEntropy {
  private CrossEntropy() {}

  /**
   * The loss value.
   *
   * @param targets per row, a class index in {@code [0, len)} relative to the span start
   * @param weights per row weight, or null for all 1
   */
  public static double forward(float[] logits, int rows, int stride, int off, int len,
      int[] targets, float[] weights) {
    Softmax.checkSpan(rows, stride, off, len, 1f);
    double total = 0.0;
    for (int r = 0; r < rows; r++) {
      float w = weights == null ? 1f : weights[r];
      if (w == 0f) {
        continue;
      }
      int start = r * stride + off;
      int t = target(targets, r, len);
      total += w * (logSumExp(logits, start, len) - logits[start + t]);
    }
    return total / rows;
  }

  /**
   * Adds {@code upstream * d(value)/d(logits)} into the span of {@code dLogits}:
   * {@code upstream * w_r / rows * (softmax(x_r) - onehot(target_r))}. Accumulates, because the
   * same logits usually receive gradients from other losses too.
   */
  public static void backward(float[] logits, int rows, int stride, int off, int len,
      int[] targets, float[] weights, float upstream, float[] dLogits) {
    Softmax.checkSpan(rows, stride, off, len, 1f);
    double perRow = (double) upstream / rows;
    for (int r = 0; r < rows; r++) {
      float w = weights == null ? 1f : weights[r];
      if (w == 0f) {
        continue;
      }
      int start = r * stride + off;
      int t = target(targets, r, len);
      double lse = logSumExp(logits, start, len);
      float scale = (float) (perRow * w);
      for (int j = 0; j < len; j++) {
        float p = (float) Math.exp(logits[start + j] - lse);
        dLogits[start + j] += scale * (j == t ? p - 1f : p);
      }
    }
  }

  private static int target(int[] targets, int r, int len) {
    int t = targets[r];
    if (t < 0 || t >= len) {
      throw new IllegalArgumentException("cross-entropy target " + t + " of row " + r
          + " is outside the " + len + " classes of the span; give the row weight 0 to skip it");
    }
    return t;
  }

  private static double logSumExp(float[] x, int start, int len) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = start, end = start + len; i < end; i++) {
      max = Math.max(max, x[i]);
    }
    double sum = 0.0;
    for (int i = start, end = start + len; i < end; i++) {
      sum += Math.exp(x[i] - max);
    }
    return max + Math.log(sum);
  }
}
