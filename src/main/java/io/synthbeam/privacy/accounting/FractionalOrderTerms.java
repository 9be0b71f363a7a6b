package io.synthbeam.privacy.accounting;

/**
 * Magnitudes of the k-th terms of the fractional-order series of {@link SampledGaussianRdp}: log of
 * |C(a,k)| (t1(k) + t2(k)), where t1 and t2 are the k-th terms of the series for A1 and A2
 * without the binomial coefficient. Meant to be asked for k = 0, 1, 2, ... in order (the binomial
 * coefficient is updated incrementally); asking again for the last k is free.
 */
final class FractionalOrderTerms {
  private final double alpha;
  private final double logQ;
  private final double log1mQ;
  private final double twoVariance;
  private final double erfcScale;
  private final double z0;
  private long k = 0;
  private double logAbsBinomial = 0.0; // log |C(a, 0)|
  private double logMagnitude;

  FractionalOrderTerms(double q, double sigma, double alpha) {
    this.alpha = alpha;
    this.logQ = Math.log(q);
    this.log1mQ = Math.log1p(-q);
    this.twoVariance = 2.0 * sigma * sigma;
    this.erfcScale = Math.sqrt(2.0) * sigma;
    // Where (1-q) N(0, s^2) and q N(1, s^2) have equal density: the series split point.
    this.z0 = sigma * sigma * Math.log(1.0 / q - 1.0) + 0.5;
    this.logMagnitude = compute();
  }

  /** log of the magnitude of term {@code index}; indices must not go backwards. */
  double logMagnitude(long index) {
    if (index < k) {
      throw new IllegalStateException("terms are generated in order; asked " + index
          + " after " + k);
    }
    while (k < index) {
      k++;
      logAbsBinomial += Math.log(Math.abs(alpha - k + 1)) - Math.log((double) k);
      logMagnitude = compute();
    }
    return logMagnitude;
  }

  private double compute() {
    double kd = k;
    double j = alpha - kd;
    double term1 = (alpha - kd) * log1mQ + kd * logQ + (kd * kd - kd) / twoVariance
        + LogMath.logHalfErfc((kd - z0) / erfcScale);
    double term2 = kd * log1mQ + j * logQ + (j * j - j) / twoVariance
        + LogMath.logHalfErfc((z0 - j) / erfcScale);
    return logAbsBinomial + LogMath.logAdd(term1, term2);
  }
}
