package io.synthbeam.privacy.accounting;

/**
 * An independent check of the series: log A<sub>&alpha;</sub> by direct numerical integration of
 * A<sub>&alpha;</sub> - 1 = &int; N(z; 0, &sigma;&sup2;) [((1-q) + q e<sup>(2z-1)/(2&sigma;&sup2;)</sup>)<sup>&alpha;</sup> - 1] dz
 * with the trapezoidal rule, which converges geometrically for this analytic, fast-decaying
 * integrand (the nearest singularity is &pi;&sigma;&sup2; off the real axis). Integrating
 * A - 1 (via expm1/log1p) keeps relative precision when A is close to 1. For moderate
 * parameters only (&sigma; &ge; 0.3, &alpha; &le; 40).
 */
final class NumericalRdp {
  private NumericalRdp() {}

  static double logA(double q, double sigma, double alpha) {
    double h = sigma / 32.0;
    double from = -40.0 * sigma;
    double to = alpha + 40.0 * sigma;
    long n = (long) Math.ceil((to - from) / h);
    double sum = 0.0;
    for (long i = 0; i <= n; i++) {
      double z = from + i * h;
      double logDensity = -z * z / (2 * sigma * sigma) - Math.log(sigma * Math.sqrt(2 * Math.PI));
      double logRatio = alpha * Math.log1p(q * Math.expm1((2 * z - 1) / (2 * sigma * sigma)));
      // density * (ratio^alpha - 1), without 0 * infinity far in the right tail
      double integrand = logRatio > 50.0
          ? Math.exp(logDensity + logRatio)
          : Math.exp(logDensity) * Math.expm1(logRatio);
      sum += (i == 0 || i == n) ? 0.5 * integrand : integrand;
    }
    return Math.log1p(sum * h);
  }
}
