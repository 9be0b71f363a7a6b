package io.synthbeam.table.mixture;

/** Digamma and log-gamma for positive arguments, accurate to about 1e-12. */
final class SpecialFunctions {
  private SpecialFunctions() {}

  /** psi(x) = d/dx ln Gamma(x), for x > 0. */
  static double digamma(double x) {
    // Shift x up with psi(x) = psi(x + 1) - 1/x, then the asymptotic series.
    double result = 0;
    while (x < 10) {
      result -= 1 / x;
      x += 1;
    }
    double f = 1 / (x * x);
    double series = f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240
        - f * (1.0 / 132)))));
    return result + Math.log(x) - 0.5 / x - series;
  }

  /** ln Gamma(x), for x > 0. */
  static double logGamma(double x) {
    // Shift x up with ln Gamma(x) = ln Gamma(x + 1) - ln x, then Stirling's series.
    double shift = 0;
    while (x < 10) {
      shift -= Math.log(x);
      x += 1;
    }
    double f = 1 / (x * x);
    double series = (1.0 / 12 - f * (1.0 / 360 - f * (1.0 / 1260 - f * (1.0 / 1680)))) / x;
    return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series;
  }

  /** ln B(a, b). */
  static double logBeta(double a, double b) {
    return logGamma(a) + logGamma(b) - logGamma(a + b);
  }
}
