package io.synthbeam.validation;

import java.util.HashMap;
import java.util.Map;

/** Total variation distance between the category frequencies of two samples. */
public final class TotalVariation {
  private TotalVariation() {}

  /**
   * Half the L1 distance between the relative frequencies of codes in {@code a} and {@code b}
   * (codes are non-negative and below {@code categories}); 0 when both are empty.
   */
  public static double distance(int[] a, int[] b, int categories) {
    double[] pa = frequencies(a, categories);
    double[] pb = frequencies(b, categories);
    double sum = 0;
    for (int k = 0; k < categories; k++) {
      sum += Math.abs(pa[k] - pb[k]);
    }
    return 0.5 * sum;
  }

  /** The same for keys of any range (joint categories of two columns, say). */
  public static double distance(long[] a, long[] b) {
    Map<Long, double[]> shares = new HashMap<>();
    for (long key : a) {
      shares.computeIfAbsent(key, k -> new double[2])[0]++;
    }
    for (long key : b) {
      shares.computeIfAbsent(key, k -> new double[2])[1]++;
    }
    double na = Math.max(1, a.length);
    double nb = Math.max(1, b.length);
    double sum = 0;
    for (double[] p : shares.values()) {
      sum += Math.abs(p[0] / na - p[1] / nb);
    }
    return 0.5 * sum;
  }

  private static double[] frequencies(int[] codes, int categories) {
    double[] p = new double[categories];
    for (int code : codes) {
      p[code]++;
    }
    if (codes.length > 0) {
      for (int k = 0; k < categories; k++) {
        p[k] /= codes.length;
      }
    }
    return p;
  }
}
