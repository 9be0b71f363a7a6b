package io.synthbeam.privacy.accounting;

/**
 * How an RDP guarantee (&alpha;, &rho;) becomes an (&epsilon;, &delta;)-DP guarantee. Both are
 * sound; the accountant takes the minimum over its orders of whichever is chosen.
 */
public enum DpConversion {
  /**
   * Mironov 2017 (arXiv 1702.07476), Proposition 3: &epsilon; = &rho; + log(1/&delta;)/(&alpha;-1).
   * The conversion of the original TensorFlow Privacy and Opacus accountants and, with integer
   * orders, the same bound as the moments accountant of Abadi et al. 2016.
   */
  CLASSIC {
    @Override
    public double epsilon(double order, double rdp, double delta) {
      return rdp - Math.log(delta) / (order - 1.0);
    }

    @Override
    public double logDelta(double order, double rdp, double epsilon) {
      return (order - 1.0) * (rdp - epsilon);
    }
  },

  /**
   * Balle, Barthe, Gaboardi, Hsu, Sato 2020 (arXiv 1905.09982), Theorem 21; also Canonne, Kamath,
   * Steinke 2020 (arXiv 2004.00010), Proposition 12: &epsilon; = &rho; + log((&alpha;-1)/&alpha;) -
   * (log &delta; + log &alpha;)/(&alpha;-1). Always below {@link #CLASSIC} (by log(&alpha;)/(&alpha;-1)
   * - log(1 - 1/&alpha;) &gt; 0). The conversion of Google's dp_accounting (and so of current
   * TensorFlow Privacy) and of current Opacus; the default here.
   */
  IMPROVED {
    @Override
    public double epsilon(double order, double rdp, double delta) {
      return rdp + Math.log1p(-1.0 / order) - (Math.log(delta) + Math.log(order)) / (order - 1.0);
    }

    @Override
    public double logDelta(double order, double rdp, double epsilon) {
      return (order - 1.0) * (rdp - epsilon + Math.log1p(-1.0 / order)) - Math.log(order);
    }
  };

  /** The conversion the accountant uses unless told otherwise. */
  public static final DpConversion DEFAULT = IMPROVED;

  /**
   * &epsilon; implied at {@code delta} by RDP {@code rdp} at {@code order} (may be negative or
   * +&infin;; callers clamp at 0).
   */
  public abstract double epsilon(double order, double rdp, double delta);

  /** log &delta; implied at {@code epsilon} by RDP {@code rdp} at {@code order} (not capped). */
  public abstract double logDelta(double order, double rdp, double epsilon);
}
