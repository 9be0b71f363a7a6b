package io.synthbeam.validation;

import java.util.Arrays;

/**
 * Bins a continuous column by the deciles of its real values, as judge.py's {@code binned}: the
 * edges are numpy's {@code nanquantile(real, linspace(0, 1, 11))} (linear interpolation) without
 * duplicates; a value's bin is the number of inner edges at or below it ({@code digitize}), and a
 * missing value has a bin of its own.
 */
public final class QuantileBins {
  private final double[] innerEdges;

  private QuantileBins(double[] innerEdges) {
    this.innerEdges = innerEdges;
  }

  /** Bins from the real values (NaN ignored; no bins but the missing one when all are NaN). */
  public static QuantileBins fromReal(double[] real) {
    double[] sorted = Arrays.stream(real).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (sorted.length == 0) {
      return new QuantileBins(new double[0]);
    }
    double[] edges = new double[11];
    double step = 1.0 / 10;
    for (int k = 0; k <= 10; k++) {
      edges[k] = quantile(sorted, k == 10 ? 1.0 : k * step);
    }
    double[] unique = Arrays.stream(edges).distinct().sorted().toArray();
    return new QuantileBins(unique.length <= 2 ? new double[0]
        : Arrays.copyOfRange(unique, 1, unique.length - 1));
  }

  /** Number of bins for present values (the missing bin is one more). */
  public int bins() {
    return innerEdges.length + 1;
  }

  /** The bin of {@code x}: 0 .. bins()-1, or bins() for NaN. */
  public int bin(double x) {
    if (Double.isNaN(x)) {
      return bins();
    }
    int lo = 0;
    int hi = innerEdges.length;
    while (lo < hi) { // count of inner edges <= x
      int mid = (lo + hi) >>> 1;
      if (innerEdges[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The inner edges (bin boundaries), ascending. */
  public double[] innerEdges() {
    return innerEdges.clone();
  }

  /** Bins of every value. */
  public int[] binAll(double[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = bin(values[i]);
    }
    return out;
  }

  /** numpy's default ("linear") quantile of sorted values, with its interpolation rounding. */
  static double quantile(double[] sorted, double q) {
    int n = sorted.length;
    double virtual = n * q + (1.0 + q * -1.0) - 1.0;
    if (virtual >= n - 1) {
      return sorted[n - 1];
    }
    if (virtual < 0) {
      return sorted[0];
    }
    int previous = (int) Math.floor(virtual);
    double a = sorted[previous];
    double b = sorted[previous + 1];
    double gamma = virtual - previous;
    double diff = b - a;
    return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
  }
}
