package io.synthbeam.privacy.accounting;

/**
 * The largest number of identical SGM steps whose composition stays within a target &epsilon;.
 *
 * <p>Composition is linear in RDP and both conversions are affine in it, so at each order
 * &alpha; the &epsilon; after T steps is T&middot;&rho;<sub>&alpha;</sub> + c<sub>&alpha;</sub>(&delta;);
 * the answer is max over &alpha; of floor((target - c<sub>&alpha;</sub>)/&rho;<sub>&alpha;</sub>),
 * checked against {@link RdpCurve#epsilon} to rule out rounding at the boundary.
 */
final class StepBudget {
  private StepBudget() {}

  static long maxSteps(RdpCurve perStep, double targetEpsilon, double delta,
      DpConversion conversion) {
    if (!(targetEpsilon > 0.0) || Double.isInfinite(targetEpsilon)) {
      throw new IllegalArgumentException("target epsilon must be finite and > 0, got "
          + targetEpsilon);
    }
    RdpCurve.checkDelta(delta);
    double[] orders = perStep.orders();
    double[] rdp = perStep.rdp();
    long best = 0;
    for (int i = 0; i < orders.length; i++) {
      double slack = targetEpsilon - conversion.epsilon(orders[i], 0.0, delta);
      if (slack < 0.0) {
        continue;
      }
      if (rdp[i] == 0.0) {
        return Long.MAX_VALUE; // nothing is spent per step
      }
      double steps = Math.floor(slack / rdp[i]);
      best = Math.max(best, steps >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) steps);
    }
    while (best > 0 && epsilonAfter(perStep, best, delta, conversion) > targetEpsilon) {
      best--;
    }
    while (best < Long.MAX_VALUE
        && epsilonAfter(perStep, best + 1, delta, conversion) <= targetEpsilon) {
      best++;
    }
    return best;
  }

  private static double epsilonAfter(RdpCurve perStep, long steps, double delta,
      DpConversion conversion) {
    return perStep.times(steps).epsilon(delta, conversion).epsilon();
  }
}
