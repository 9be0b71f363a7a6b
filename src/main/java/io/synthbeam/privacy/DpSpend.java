package io.synthbeam.privacy;

import io.synthbeam.privacy.accounting.DpConversion;
import io.synthbeam.privacy.accounting.DpGuarantee;
import io.synthbeam.privacy.accounting.RdpAccountant;
import io.synthbeam.privacy.accounting.SampledGaussianSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The differential-privacy budget a DP-SGD training run spent, as stored in the model bundle and
 * shown in the validation report: the run is (epsilon, delta)-DP with respect to adding or
 * removing one row, by the accountant named here.
 *
 * <p>A plain record, so Jackson writes and reads it as a JSON object with one field per component
 * (no getters beyond the components).
 *
 * @param epsilon the privacy loss bound spent, finite and &ge; 0
 * @param delta the failure probability, in (0, 1)
 * @param noiseMultiplier &sigma;: noise standard deviation over the clip norm, &gt; 0
 * @param clipNorm C: the per-example L2 gradient clip norm, &gt; 0
 * @param samplingRate q: the probability each row is in a batch (Poisson sampling), in (0, 1]
 * @param steps the number of noisy updates that read real rows, &ge; 0
 * @param accountant how &epsilon; was computed, in words
 * @param conversion how RDP became (&epsilon;, &delta;)
 * @param optimalOrder the Rényi order that gave &epsilon;
 * @param orders the Rényi orders the accountant tracked
 */
public record DpSpend(
    double epsilon,
    double delta,
    double noiseMultiplier,
    double clipNorm,
    double samplingRate,
    long steps,
    String accountant,
    DpConversion conversion,
    double optimalOrder,
    List<Double> orders) {

  /** The {@link #accountant} text for spends computed by {@link RdpAccountant}. */
  public static final String RDP_SAMPLED_GAUSSIAN =
      "Rényi DP of the Poisson-subsampled Gaussian mechanism (Mironov 2017; Mironov, Talwar, "
          + "Zhang 2019), add-or-remove-one adjacency";

  /** Validates every component; messages name the field and the allowed range. */
  public DpSpend {
    require(Double.isFinite(epsilon) && epsilon >= 0.0, "epsilon", epsilon, "finite and >= 0");
    require(delta > 0.0 && delta < 1.0, "delta", delta, "in (0, 1)");
    require(Double.isFinite(noiseMultiplier) && noiseMultiplier > 0.0, "noiseMultiplier",
        noiseMultiplier, "finite and > 0");
    require(Double.isFinite(clipNorm) && clipNorm > 0.0, "clipNorm", clipNorm, "finite and > 0");
    require(samplingRate > 0.0 && samplingRate <= 1.0, "samplingRate", samplingRate,
        "in (0, 1]");
    require(steps >= 0, "steps", steps, ">= 0");
    require(accountant != null && !accountant.isBlank(), "accountant", accountant,
        "a non-blank description");
    require(conversion != null, "conversion", null, "CLASSIC or IMPROVED");
    require(Double.isFinite(optimalOrder) && optimalOrder > 1.0, "optimalOrder", optimalOrder,
        "finite and > 1");
    require(orders != null && !orders.isEmpty(), "orders", orders, "a non-empty list");
    orders = List.copyOf(orders);
  }

  /**
   * The spend of an accountant whose steps all share one (q, &sigma;), at {@code delta}, with the
   * default conversion.
   *
   * @throws IllegalArgumentException if the accountant has no steps or mixes (q, &sigma;) runs
   *     (then build the record directly, stating which q and &sigma; are reported)
   */
  public static DpSpend of(RdpAccountant accountant, double delta, double clipNorm) {
    List<SampledGaussianSteps> runs = accountant.compositions();
    if (runs.size() != 1) {
      throw new IllegalArgumentException("a DpSpend records one (q, sigma) run; the accountant "
          + "holds " + runs.size() + " runs: " + runs);
    }
    SampledGaussianSteps run = runs.get(0);
    DpGuarantee guarantee = accountant.epsilon(delta);
    List<Double> orders = new ArrayList<>();
    for (double order : accountant.orders()) {
      orders.add(order);
    }
    return new DpSpend(guarantee.epsilon(), delta, run.sigma(), clipNorm, run.q(), run.steps(),
        RDP_SAMPLED_GAUSSIAN, guarantee.conversion(), guarantee.order(), orders);
  }

  /** One line for the CLI and the report, e.g. "(ε = 2.92, δ = 1e-05)-DP: DP-SGD with ...". */
  public String summary() {
    return String.format(Locale.ROOT,
        "(ε = %.3g, δ = %.3g)-DP: DP-SGD with noise multiplier σ = %.4g, clip norm C = %.4g, "
            + "sampling rate q = %.4g, %d steps; RDP accountant, %s conversion, order %.4g",
        epsilon, delta, noiseMultiplier, clipNorm, samplingRate, steps,
        conversion.name().toLowerCase(Locale.ROOT), optimalOrder);
  }

  private static void require(boolean ok, String field, Object value, String allowed) {
    if (!ok) {
      throw new IllegalArgumentException("DP spend field '" + field + "' must be " + allowed
          + ", got " + value);
    }
  }
}
