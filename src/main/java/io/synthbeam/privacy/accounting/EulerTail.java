package io.synthbeam.privacy.accounting;

/**
 * The sum b_n - b_{n+1} + b_{n+2} - ... of an alternating tail whose magnitudes b are completely
 * monotone, from its first m + 1 magnitudes: the Euler transform's first m terms
 * &Sigma;<sub>j&lt;m</sub> d<sub>j</sub>/2<sup>j+1</sup>, d<sub>j</sub> = (-1)<sup>j</sup>
 * &Delta;<sup>j</sup>b<sub>n</sub> &ge; 0, underestimate it by at most d<sub>m</sub>/2<sup>m</sup>.
 * Differences are taken relative to b_n, so nothing overflows; a rounding allowance is added to
 * the error.
 *
 * @param logEstimate log of the m-term Euler sum (a lower bound of the tail)
 * @param logError log of the bound on what the estimate misses
 */
record EulerTail(double logEstimate, double logError) {
  /** Generous bound on the rounding error of the differences, relative to b_n. */
  private static final double ROUNDING = 1e-14;

  /** From log b_n ... log b_{n+m} (m = length - 1). */
  static EulerTail of(double[] logMagnitudes) {
    int m = logMagnitudes.length - 1;
    double logFirst = logMagnitudes[0];
    double[] diff = new double[m + 1]; // diff[i] becomes (-1)^j Delta^j b_{n+i} / b_n
    for (int i = 0; i <= m; i++) {
      diff[i] = Math.exp(logMagnitudes[i] - logFirst);
    }
    double estimate = 0.0;
    double weight = 0.5;
    for (int j = 0; j < m; j++) {
      estimate += weight * diff[0];
      weight *= 0.5;
      for (int i = 0; i < m - j; i++) {
        diff[i] = diff[i] - diff[i + 1];
      }
    }
    double error = Math.abs(diff[0]) * 2.0 * weight + ROUNDING;
    return new EulerTail(logFirst + Math.log(estimate), logFirst + Math.log(error));
  }
}
