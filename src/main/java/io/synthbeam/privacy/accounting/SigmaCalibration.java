package io.synthbeam.privacy.accounting;

/**
 * The smallest noise multiplier &sigma; for which a given number of SGM steps stays within a target
 * (&epsilon;, &delta;). &epsilon; falls as &sigma; grows (at every order: more noise is
 * post-processing), so a bracket found by doubling/halving is bisected.
 */
final class SigmaCalibration {
  /** Bisection stops when the bracket is this narrow relative to &sigma;. */
  private static final double RELATIVE_TOLERANCE = 1e-7;
  private static final double SIGMA_CEILING = 1e6;
  private static final double SIGMA_FLOOR = 1e-3;

  private SigmaCalibration() {}

  static double calibrate(double q, long steps, double targetEpsilon, double delta,
      DpConversion conversion, double[] orders) {
    new SampledGaussianSteps(q, 1.0, steps); // validates q and steps
    if (q == 0.0 || steps == 0) {
      throw new IllegalArgumentException("with q = " + q + " and " + steps + " steps no noise is "
          + "needed; calibrate only for q > 0 and at least one step");
    }
    if (!(targetEpsilon > 0.0) || Double.isInfinite(targetEpsilon)) {
      throw new IllegalArgumentException("target epsilon must be finite and > 0, got "
          + targetEpsilon);
    }
    RdpCurve.checkDelta(delta);
    double floor = RdpCurve.zero(orders).epsilon(delta, conversion).epsilon();
    if (targetEpsilon <= floor) {
      throw new IllegalArgumentException(String.format(
          "target epsilon %.4g is unreachable at delta %.3g: even infinite noise gives epsilon "
              + "%.4g with the largest tracked Rényi order %.0f; raise epsilon or delta, or track "
              + "larger orders", targetEpsilon, delta, floor, orders[orders.length - 1]));
    }

    double hi = 1.0;
    while (epsilon(q, hi, steps, delta, conversion, orders) > targetEpsilon) {
      hi *= 2.0;
      if (hi > SIGMA_CEILING) {
        throw new IllegalArgumentException(String.format(
            "target epsilon %.4g at delta %.3g needs a noise multiplier above %.0g for q = %.4g "
                + "and %d steps; raise epsilon, or use fewer steps or a smaller sampling rate",
            targetEpsilon, delta, SIGMA_CEILING, q, steps));
      }
    }
    double lo = hi / 2.0;
    while (epsilon(q, lo, steps, delta, conversion, orders) <= targetEpsilon) {
      hi = lo;
      lo /= 2.0;
      if (lo < SIGMA_FLOOR) {
        return hi; // any noise at all meets so loose a target; do not search further down
      }
    }
    while (hi - lo > RELATIVE_TOLERANCE * hi) {
      double mid = 0.5 * (lo + hi);
      if (epsilon(q, mid, steps, delta, conversion, orders) <= targetEpsilon) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  private static double epsilon(double q, double sigma, long steps, double delta,
      DpConversion conversion, double[] orders) {
    return RdpCurve.sampledGaussian(q, sigma, orders).times(steps).epsilon(delta, conversion)
        .epsilon();
  }
}
