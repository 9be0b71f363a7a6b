package io.synthbeam.privacy.accounting;

import java.util.Arrays;
import java.util.stream.DoubleStream;
import java.util.stream.LongStream;

/** The Rényi orders &alpha; at which an accountant tracks privacy loss. */
public final class RdpOrders {
  /**
   * The default grid: 1.1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3, 3.5, 4, 4.5, every integer 5..64,
   * then 80, 96, 128, 256, 512. This is the grid of TensorFlow Privacy's DP-SGD analysis
   * (1.25..4.5, 5..63, 128, 256, 512) made a little denser where the optimum falls for
   * single-digit &epsilon;; low orders serve large &epsilon;, high orders tiny &epsilon; or large
   * &sigma;. More orders can only lower &epsilon; (it is a minimum over orders).
   */
  private static final double[] DEFAULT = DoubleStream.concat(
          DoubleStream.concat(
              DoubleStream.of(1.1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3, 3.5, 4, 4.5),
              LongStream.rangeClosed(5, 64).asDoubleStream()),
          DoubleStream.of(80, 96, 128, 256, 512))
      .toArray();

  private RdpOrders() {}

  /** A fresh copy of the default grid (ascending). */
  public static double[] defaults() {
    return DEFAULT.clone();
  }

  /**
   * Checks that {@code orders} is non-empty, finite, &gt; 1 and free of duplicates, and returns
   * a sorted copy.
   */
  public static double[] validated(double... orders) {
    if (orders == null || orders.length == 0) {
      throw new IllegalArgumentException("at least one Rényi order is needed");
    }
    double[] sorted = orders.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      if (!(sorted[i] > 1.0) || Double.isInfinite(sorted[i])) {
        throw new IllegalArgumentException(
            "Rényi orders must be finite and > 1, got " + sorted[i]);
      }
      if (i > 0 && sorted[i] == sorted[i - 1]) {
        throw new IllegalArgumentException("Rényi order " + sorted[i] + " is listed twice");
      }
    }
    return sorted;
  }
}
