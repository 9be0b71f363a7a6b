package io.synthbeam.privacy.accounting;

/**
 * Arithmetic on logarithms of (possibly huge or tiny) positive numbers, and the log of the
 * complementary error function, which the JDK does not provide.
 */
final class LogMath {
  private static final double LOG_2 = Math.log(2.0);
  private static final double LOG_SQRT_PI = 0.5 * Math.log(Math.PI);
  private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);
  /** Below this argument erfc comes from the Taylor series of erf, above from a continued fraction. */
  private static final double SERIES_LIMIT = 1.5;

  private LogMath() {}

  /** log(e^a + e^b), exact for infinite arguments. */
  static double logAdd(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    double hi = Math.max(a, b);
    double lo = Math.min(a, b);
    return hi + Math.log1p(Math.exp(lo - hi));
  }

  /** log(e^a - e^b) for a &ge; b; -&infin; when they are equal. */
  static double logSub(double a, double b) {
    if (b > a) {
      throw new ArithmeticException("log-space subtraction would be negative: " + a + " < " + b);
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    if (a == b) {
      return Double.NEGATIVE_INFINITY;
    }
    return a + log1mExp(b - a);
  }

  /** log(1 - e^x) for x &lt; 0, accurate near 0 and far from it (Maechler 2012). */
  static double log1mExp(double x) {
    return x > -LOG_2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
  }

  /** log(e^x - 1) for x &gt; 0, without overflow for large x. */
  static double logExpm1(double x) {
    return x > 36.0 ? x + Math.log1p(-Math.exp(-x)) : Math.log(Math.expm1(x));
  }

  /** log(1 + e^x), without overflow for large x. */
  static double log1pExp(double x) {
    return x > 36.0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
  }

  /**
   * log(erfc(x)) for every real x, with close to full double relative accuracy: far in the right
   * tail, where erfc itself underflows (x &gt; 27), it is still the exact logarithm.
   */
  static double logErfc(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x < 0) {
      // erfc(x) = 2 - erfc(-x), and erfc(-x) < 1 here, so no cancellation.
      return x < -SERIES_LIMIT
          ? LOG_2 + Math.log1p(-0.5 * Math.exp(logErfcPositive(-x)))
          : Math.log1p(erfSeries(-x));
    }
    return logErfcPositive(x);
  }

  /** log(erfc(x) / 2) = log P(N(0, 1) &gt; x &radic;2). */
  static double logHalfErfc(double x) {
    return logErfc(x) - LOG_2;
  }

  private static double logErfcPositive(double x) {
    if (x == Double.POSITIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    if (x < SERIES_LIMIT) {
      return Math.log1p(-erfSeries(x));
    }
    return -x * x - LOG_SQRT_PI + Math.log(erfcContinuedFraction(x));
  }

  /** erf(x) by its Taylor series, for |x| &lt; 1.5 where the alternating terms stay small. */
  private static double erfSeries(double x) {
    double x2 = x * x;
    double power = x; // (-1)^n x^(2n+1) / n!
    double sum = x;
    for (int n = 1; n < 200; n++) {
      power *= -x2 / n;
      double term = power / (2 * n + 1);
      sum += term;
      if (Math.abs(term) < 1e-17 * Math.abs(sum)) {
        break;
      }
    }
    return TWO_OVER_SQRT_PI * sum;
  }

  /**
   * e^{x^2} &radic;&pi; erfc(x) for x &ge; 1.5 by Laplace's continued fraction
   * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated with the modified Lentz method.
   */
  private static double erfcContinuedFraction(double x) {
    final double tiny = 1e-300;
    double f = x;
    double c = x;
    double d = 0.0;
    for (int n = 1; n < 5000; n++) {
      double a = 0.5 * n;
      d = x + a * d;
      d = Math.abs(d) < tiny ? 1.0 / tiny : 1.0 / d;
      c = x + a / c;
      if (Math.abs(c) < tiny) {
        c = tiny;
      }
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1.0) < 1e-16) {
        break;
      }
    }
    return 1.0 / f;
  }
}
