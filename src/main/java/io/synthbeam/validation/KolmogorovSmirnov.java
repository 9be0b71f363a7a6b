package io.synthbeam.validation;

import java.util.Arrays;

/** The two-sample Kolmogorov-Smirnov statistic. */
public final class KolmogorovSmirnov {
  private KolmogorovSmirnov() {}

  /**
   * The largest gap between the empirical distribution functions of {@code a} and {@code b},
   * NaN values left out; 1 when either has no value left (judge.py's convention).
   */
  public static double statistic(double[] a, double[] b) {
    double[] x = sortedFinite(a);
    double[] y = sortedFinite(b);
    if (x.length == 0 || y.length == 0) {
      return 1.0;
    }
    int i = 0;
    int j = 0;
    double worst = 0;
    while (i < x.length || j < y.length) {
      double v = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
      while (i < x.length && x[i] <= v) {
        i++;
      }
      while (j < y.length && y[j] <= v) {
        j++;
      }
      worst = Math.max(worst, Math.abs((double) i / x.length - (double) j / y.length));
    }
    return worst;
  }

  private static double[] sortedFinite(double[] values) {
    double[] kept = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    Arrays.sort(kept);
    return kept;
  }
}
