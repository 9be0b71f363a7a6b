package io.synthbeam.validation.privacy;

/**
 * Distances to the closest training row, binned for a chart: synthetic rows next to real holdout
 * rows (which show what fresh draws from the population look like).
 *
 * @param edges bin edges, ascending ({@code edges.length - 1} bins; the last bin also holds
 *     larger distances)
 * @param synthetic share of scored synthetic rows per bin
 * @param holdout share of holdout rows per bin
 */
public record DistanceHistogram(double[] edges, double[] synthetic, double[] holdout) {

  static DistanceHistogram of(double[] synthetic, double[] holdout, int bins) {
    double top = Math.max(quantile(synthetic, 0.99), quantile(holdout, 0.99));
    if (!(top > 0)) {
      top = 1;
    }
    double[] edges = new double[bins + 1];
    for (int b = 0; b <= bins; b++) {
      edges[b] = top * b / bins;
    }
    return new DistanceHistogram(edges, shares(synthetic, top, bins), shares(holdout, top, bins));
  }

  private static double[] shares(double[] values, double top, int bins) {
    double[] out = new double[bins];
    for (double v : values) {
      int b = (int) Math.min(bins - 1, Math.floor(v / top * bins));
      out[Math.max(0, b)] += 1.0;
    }
    for (int b = 0; b < bins; b++) {
      out[b] /= Math.max(1, values.length);
    }
    return out;
  }

  static double quantile(double[] values, double q) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    double position = q * (sorted.length - 1);
    int lo = (int) Math.floor(position);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
  }
}
