package io.synthbeam.gan.ctgan;

import io.synthbeam.privacy.DpSpend;
import io.synthbeam.privacy.accounting.DpGuarantee;
import io.synthbeam.privacy.accounting.RdpAccountant;
import io.synthbeam.table.TableEncoder;
import io.synthbeam.table.dp.PreprocessingSpend;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * DP-SGD's budget for one fit: what the encoder's statistics already spent, the training budget
 * left (epsilon and delta minus the encoder's), the sampling rate q = batch / rows, the planned
 * steps, the noise multiplier (calibrated so the planned steps spend exactly the training budget,
 * unless given) and the step at which the budget runs out. Without differential privacy every step
 * is allowed.
 */
final class PrivacyPlan {
  private static final Logger LOG = Logger.getLogger(PrivacyPlan.class.getName());

  private final CtganOptions options;
  private final TableEncoder encoder;
  private final double q;
  private final double trainingDelta;
  private final long maxSteps;

  private PrivacyPlan(CtganOptions options, TableEncoder encoder, double q, double trainingDelta,
      long maxSteps) {
    this.options = options;
    this.encoder = encoder;
    this.q = q;
    this.trainingDelta = trainingDelta;
    this.maxSteps = maxSteps;
  }

  static PrivacyPlan of(CtganOptions options, TableEncoder encoder, int rows) {
    DifferentialPrivacy dp = options.differentialPrivacy();
    if (dp == null) {
      return new PrivacyPlan(options, encoder, 0, 0, Long.MAX_VALUE);
    }
    PreprocessingSpend pre = encoder.preprocessingSpend().orElseThrow(() ->
        new IllegalArgumentException("differential privacy was asked for, but the table encoder "
            + "was fitted without it: fit it with TableEncoderFitter.withPrivacy (or declare "
            + "public columns in the schema; the row count still spends a little)"));
    if (!(pre.epsilon() < dp.epsilon() && pre.delta() < dp.delta())) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "the encoder statistics "
          + "spent (ε = %.3g, δ = %.3g) of the budget (ε = %.3g, δ = %.3g): nothing is left for "
          + "training; lower the preprocessing share", pre.epsilon(), pre.delta(), dp.epsilon(),
          dp.delta()));
    }
    double q = Math.min(1.0, (double) options.batchSize() / rows);
    long planned = (long) options.epochs() * Math.max(rows / options.batchSize(), 1);
    // Calibrate on the composed guarantee (encoder statistics and training together in Rényi
    // DP), which is tighter than adding the two parts' epsilons.
    double sigma = dp.noiseMultiplier() > 0 ? dp.noiseMultiplier()
        : calibrateSigma(pre, q, planned, dp.epsilon(), dp.delta());
    long max = maxSteps(pre, q, sigma, dp.epsilon(), dp.delta());
    LOG.info(String.format(Locale.ROOT,
        "DP-SGD: budget ε %.3g, δ %.3g (encoder statistics alone ε %.3g, δ %.3g), clip norm %.3g,"
            + " sampling rate %.4g, noise multiplier %.4g, %d steps planned, budget allows %s",
        dp.epsilon(), dp.delta(), pre.epsilon(), pre.delta(), dp.clipNorm(), q, sigma, planned,
        max == Long.MAX_VALUE ? "all" : String.valueOf(max)));
    double delta = dp.delta() - pre.delta();
    DifferentialPrivacy resolved = dp.withNoiseMultiplier(sigma)
        .withNoiseSeed(dp.resolveNoiseSeed());
    return new PrivacyPlan(options.withDifferentialPrivacy(resolved), encoder, q, delta, max);
  }

  private static double totalEpsilon(PreprocessingSpend pre, double q, double sigma, long steps,
      double delta) {
    return pre.guaranteeWith(RdpAccountant.create().compose(q, sigma, steps), delta).epsilon();
  }

  /** The smallest sigma (to 1e-6 relative) whose planned steps stay within epsilon in total. */
  private static double calibrateSigma(PreprocessingSpend pre, double q, long steps,
      double epsilon, double delta) {
    double hi = 1;
    while (totalEpsilon(pre, q, hi, steps, delta) > epsilon) {
      hi *= 2;
      if (hi > 1e6) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "ε = %.3g cannot be "
            + "reached in %d steps at sampling rate %.3g (the encoder statistics alone spend "
            + "%.3g): raise epsilon or the batch size, or lower the epochs", epsilon, steps, q,
            pre.epsilon()));
      }
    }
    double lo = hi / 2;
    while (lo > 1e-3 && totalEpsilon(pre, q, lo, steps, delta) <= epsilon) {
      lo /= 2;
    }
    while (hi - lo > 1e-6 * hi) {
      double mid = (lo + hi) / 2;
      if (totalEpsilon(pre, q, mid, steps, delta) > epsilon) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  /** The most steps at sigma within epsilon in total (binary search on the composed curve). */
  private static long maxSteps(PreprocessingSpend pre, double q, double sigma, double epsilon,
      double delta) {
    if (totalEpsilon(pre, q, sigma, 0, delta) > epsilon) {
      return 0;
    }
    long lo = 0;
    long hi = 1;
    while (totalEpsilon(pre, q, sigma, hi, delta) <= epsilon) {
      lo = hi;
      hi *= 2;
      if (hi > (1L << 40)) {
        return Long.MAX_VALUE;
      }
    }
    while (hi - lo > 1) {
      long mid = (lo + hi) >>> 1;
      if (totalEpsilon(pre, q, sigma, mid, delta) <= epsilon) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The options with the noise multiplier and noise seed resolved. */
  CtganOptions options() {
    return options;
  }

  boolean spent(long stepsTaken) {
    return stepsTaken >= maxSteps;
  }

  /** What the encoder and {@code steps} training steps spent, or null without privacy. */
  PrivacyAccount account(long steps) {
    DifferentialPrivacy dp = options.differentialPrivacy();
    if (dp == null) {
      return null;
    }
    RdpAccountant training = RdpAccountant.create().compose(q, dp.noiseMultiplier(), steps);
    PreprocessingSpend pre = encoder.preprocessingSpend().orElseThrow();
    DpGuarantee total = pre.guaranteeWith(training, dp.delta());
    Map<String, String> columns = new LinkedHashMap<>();
    encoder.privacy().forEach((name, p) -> columns.put(name, p.describe()));
    return new PrivacyAccount(total.epsilon(), dp.delta(),
        DpSpend.of(training, trainingDelta, dp.clipNorm()), pre, columns);
  }
}
