package io.synthbeam.privacy.accounting;

import java.util.Arrays;

/**
 * An RDP guarantee at several orders: the mechanism is (&alpha;<sub>i</sub>,
 * &rho;<sub>i</sub>)-RDP for every i. Immutable. Composition adds curves order by order (Mironov
 * 2017, Proposition 1), so {@link #times} and {@link #plus} are exact, and (&epsilon;, &delta;) is
 * read off with {@link #epsilon}.
 */
public final class RdpCurve {
  private final double[] orders;
  private final double[] rdp;

  private RdpCurve(double[] orders, double[] rdp) {
    this.orders = orders;
    this.rdp = rdp;
  }

  /** The curve of a mechanism that reveals nothing (RDP 0 at every order). */
  public static RdpCurve zero(double... orders) {
    double[] sorted = RdpOrders.validated(orders);
    return new RdpCurve(sorted, new double[sorted.length]);
  }

  /** One step of the Sampled Gaussian Mechanism with sampling rate q and noise multiplier sigma. */
  public static RdpCurve sampledGaussian(double q, double sigma, double... orders) {
    double[] sorted = RdpOrders.validated(orders);
    return new RdpCurve(sorted, SampledGaussianRdp.rdp(q, sigma, sorted));
  }

  /** A curve from explicit values (e.g. read back from storage). */
  public static RdpCurve of(double[] orders, double[] rdp) {
    if (orders.length != rdp.length) {
      throw new IllegalArgumentException("orders and rdp differ in length: " + orders.length
          + " vs " + rdp.length);
    }
    double[] sorted = RdpOrders.validated(orders);
    double[] values = new double[rdp.length];
    for (int i = 0; i < orders.length; i++) {
      if (!(rdp[i] >= 0.0)) {
        throw new IllegalArgumentException("RDP at order " + orders[i] + " must be >= 0, got "
            + rdp[i]);
      }
      values[Arrays.binarySearch(sorted, orders[i])] = rdp[i];
    }
    return new RdpCurve(sorted, values);
  }

  /** The orders, ascending (a copy). */
  public double[] orders() {
    return orders.clone();
  }

  /** The RDP at each of {@link #orders()} (a copy). */
  public double[] rdp() {
    return rdp.clone();
  }

  /** The RDP at {@code order}, which must be one of this curve's orders. */
  public double rdpAt(double order) {
    int i = Arrays.binarySearch(orders, order);
    if (i < 0) {
      throw new IllegalArgumentException("order " + order + " is not tracked; tracked orders: "
          + Arrays.toString(orders));
    }
    return rdp[i];
  }

  /** This mechanism run {@code count} times (count &ge; 0). */
  public RdpCurve times(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("composition count must be >= 0, got " + count);
    }
    double[] out = new double[rdp.length];
    for (int i = 0; i < rdp.length; i++) {
      out[i] = count == 0 ? 0.0 : rdp[i] * count; // 0 * infinity would be NaN
    }
    return new RdpCurve(orders, out);
  }

  /** This mechanism followed by {@code other}; both must track the same orders. */
  public RdpCurve plus(RdpCurve other) {
    if (!Arrays.equals(orders, other.orders)) {
      throw new IllegalArgumentException("cannot compose RDP curves over different orders: "
          + Arrays.toString(orders) + " vs " + Arrays.toString(other.orders));
    }
    double[] out = new double[rdp.length];
    for (int i = 0; i < rdp.length; i++) {
      out[i] = rdp[i] + other.rdp[i];
    }
    return new RdpCurve(orders, out);
  }

  /** The smallest &epsilon; at {@code delta} over all orders, with the default conversion. */
  public DpGuarantee epsilon(double delta) {
    return epsilon(delta, DpConversion.DEFAULT);
  }

  /**
   * The smallest &epsilon; at {@code delta} over all orders, clamped at 0, and the order that gave
   * it.
   */
  public DpGuarantee epsilon(double delta, DpConversion conversion) {
    checkDelta(delta);
    double best = Double.POSITIVE_INFINITY;
    double bestOrder = Double.NaN;
    for (int i = 0; i < orders.length; i++) {
      double eps = conversion.epsilon(orders[i], rdp[i], delta);
      if (eps < best) {
        best = eps;
        bestOrder = orders[i];
      }
    }
    return new DpGuarantee(Math.max(0.0, best), delta, bestOrder, conversion);
  }

  /** The smallest &delta; (at most 1) at which the mechanism is {@code epsilon}-DP. */
  public double delta(double epsilon, DpConversion conversion) {
    if (!(epsilon >= 0.0)) {
      throw new IllegalArgumentException("epsilon must be >= 0, got " + epsilon);
    }
    double best = 0.0; // log 1
    for (int i = 0; i < orders.length; i++) {
      best = Math.min(best, conversion.logDelta(orders[i], rdp[i], epsilon));
    }
    return Math.exp(best);
  }

  static void checkDelta(double delta) {
    if (!(delta > 0.0 && delta < 1.0)) {
      throw new IllegalArgumentException("delta must be in (0, 1), got " + delta
          + "; a common choice is 1/n^2 or 1e-5 for n rows");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RdpCurve c && Arrays.equals(orders, c.orders) && Arrays.equals(rdp, c.rdp);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(orders) + Arrays.hashCode(rdp);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("RdpCurve{");
    for (int i = 0; i < orders.length; i++) {
      s.append(i == 0 ? "" : ", ").append(orders[i]).append(": ").append(rdp[i]);
    }
    return s.append('}').toString();
  }
}
