package io.synthbeam.validation;

import java.util.HashMap;
import java.util.Map;

/** Cramer's V: the strength of association of two categorical variables, in [0, 1]. */
public final class CramersV {
  /** Contingency tables up to this many cells are counted in an array. */
  private static final int DENSE_CELLS = 1 << 20;

  private CramersV() {}

  /**
   * Cramer's V of the contingency table of codes {@code a} (below {@code aCount}) and {@code b}
   * (below {@code bCount}); 0 when either variable takes a single value.
   */
  public static double of(int[] a, int[] b, int aCount, int bCount) {
    int n = a.length;
    if (n == 0) {
      return 0;
    }
    double[] rowTotals = new double[aCount];
    double[] columnTotals = new double[bCount];
    Map<Long, Integer> cells = new HashMap<>();
    boolean dense = (long) aCount * bCount <= DENSE_CELLS;
    int[] denseCells = dense ? new int[aCount * bCount] : null;
    for (int i = 0; i < n; i++) {
      rowTotals[a[i]]++;
      columnTotals[b[i]]++;
      if (dense) {
        denseCells[a[i] * bCount + b[i]]++;
      } else {
        cells.merge((long) a[i] * bCount + b[i], 1, Integer::sum);
      }
    }
    if (dense) {
      for (int k = 0; k < denseCells.length; k++) {
        if (denseCells[k] > 0) {
          cells.put((long) k, denseCells[k]);
        }
      }
    }
    int rows = 0;
    int cols = 0;
    for (double t : rowTotals) {
      rows += t > 0 ? 1 : 0;
    }
    for (double t : columnTotals) {
      cols += t > 0 ? 1 : 0;
    }
    if (rows < 2 || cols < 2) {
      return 0;
    }
    // chi2 / n = sum over observed cells of O^2 / (R C / n) - n, all over n.
    double sum = 0;
    for (Map.Entry<Long, Integer> e : cells.entrySet()) {
      int ia = (int) (e.getKey() / bCount);
      int ib = (int) (e.getKey() % bCount);
      double observed = e.getValue();
      sum += observed * observed / (rowTotals[ia] * columnTotals[ib]);
    }
    double phi2 = Math.max(0, sum - 1);
    return Math.min(1, Math.sqrt(phi2 / (Math.min(rows, cols) - 1)));
  }
}
