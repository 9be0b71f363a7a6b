package io.synthbeam.table.dp;

/**
 * The upper tail of the standard normal distribution, Q(z) = P(N(0, 1) &gt; z), its inverse, and
 * the release threshold of a stability-based histogram with Gaussian noise.
 *
 * <p>Q is computed from the series &Phi;(z) - 1/2 = &phi;(z) &Sigma; z<sup>2n+1</sup>/(2n+1)!! for
 * |z| &lt; 2.5 and from Laplace's continued fraction Q(z) = &phi;(z) / (z + 1/(z + 2/(z + 3/(z +
 * ...)))) beyond, which keeps full relative accuracy deep in the tail.
 */
public final class GaussianTail {
  private static final double SERIES_LIMIT = 2.5;
  private static final int FRACTION_TERMS = 400;
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  private GaussianTail() {}

  /** Q(z) = P(N(0, 1) &gt; z). */
  public static double upper(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    if (z < 0) {
      return 1 - upper(-z);
    }
    if (z < SERIES_LIMIT) {
      return 0.5 - Math.exp(logDensity(z)) * series(z);
    }
    return Math.exp(logDensity(z) - Math.log(continuedFraction(z)));
  }

  /** The z with Q(z) = p, for p in (0, 1), by bisection to double precision. */
  public static double inverseUpper(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("a tail probability must be in (0, 1), got " + p);
    }
    double lo = -40;
    double hi = 40;
    for (int i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); i++) {
      double mid = 0.5 * (lo + hi);
      if (upper(mid) > p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  /**
   * The release threshold of a stability-based histogram: a key held by exactly one row, with
   * N(0, sigma&sup2;) noise on its count, clears {@code 1 + sigma z} with probability exactly
   * {@code delta} when Q(z) = delta.
   */
  public static double selectionThreshold(double sigma, double delta) {
    if (!(sigma > 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("noise sigma must be finite and > 0, got " + sigma);
    }
    return 1 + sigma * inverseUpper(delta);
  }

  private static double logDensity(double z) {
    return -0.5 * z * z - LOG_SQRT_2PI;
  }

  /** &Sigma; z<sup>2n+1</sup>/(2n+1)!!, all terms positive. */
  private static double series(double z) {
    double term = z;
    double sum = z;
    for (int n = 1; n < 500; n++) {
      term *= z * z / (2 * n + 1);
      sum += term;
      if (term < 1e-17 * sum) {
        break;
      }
    }
    return sum;
  }

  /** z + 1/(z + 2/(z + 3/(z + ...))), evaluated from the back. */
  private static double continuedFraction(double z) {
    double f = z;
    for (int k = FRACTION_TERMS; k >= 1; k--) {
      f = z + k / f;
    }
    return f;
  }
}
