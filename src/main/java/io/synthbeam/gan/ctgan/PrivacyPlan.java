package io.synthbeam.gan.ctgan;

import io.synthbeam.privacy.DpSpend;
import io.synthbeam.privacy.accounting.RdpAccountant;
import java.util.logging.Logger;

/**
 * DP-SGD's budget for one fit: the sampling rate q = batch / rows, the planned steps, the noise
 * multiplier (calibrated so the planned steps spend exactly epsilon, unless given) and the step at
 * which the budget runs out. Without differential privacy every step is allowed.
 */
final class PrivacyPlan {
  private static final Logger LOG = Logger.getLogger(PrivacyPlan.class.getName());

  private final CtganOptions options;
  private final double q;
  private final long maxSteps;

  private PrivacyPlan(CtganOptions options, double q, long maxSteps) {
    this.options = options;
    this.q = q;
    this.maxSteps = maxSteps;
  }

  static PrivacyPlan of(CtganOptions options, int rows) {
    DifferentialPrivacy dp = options.differentialPrivacy();
    if (dp == null) {
      return new PrivacyPlan(options, 0, Long.MAX_VALUE);
    }
    double q = Math.min(1.0, (double) options.batchSize() / rows);
    long planned = (long) options.epochs() * Math.max(rows / options.batchSize(), 1);
    double sigma = dp.noiseMultiplier() > 0 ? dp.noiseMultiplier()
        : RdpAccountant.calibrateSigma(q, planned, dp.epsilon(), dp.delta());
    long max = RdpAccountant.maxSteps(q, sigma, dp.epsilon(), dp.delta());
    LOG.info(String.format(java.util.Locale.ROOT,
        "DP-SGD: epsilon %.3g, delta %.3g, clip norm %.3g, sampling rate %.4g, noise multiplier "
            + "%.4g, %d steps planned, budget allows %d", dp.epsilon(), dp.delta(), dp.clipNorm(),
        q, sigma, planned, max));
    return new PrivacyPlan(options.withDifferentialPrivacy(dp.withNoiseMultiplier(sigma)), q, max);
  }

  /** The options with the noise multiplier resolved. */
  CtganOptions options() {
    return options;
  }

  boolean spent(long stepsTaken) {
    return stepsTaken >= maxSteps;
  }

  /** What {@code steps} steps spent, or null without differential privacy. */
  DpSpend spend(long steps) {
    DifferentialPrivacy dp = options.differentialPrivacy();
    if (dp == null) {
      return null;
    }
    return DpSpend.of(RdpAccountant.create().compose(q, dp.noiseMultiplier(), steps), dp.delta(),
        dp.clipNorm());
  }
}
