package io.synthbeam.privacy.accounting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Rényi-DP accountant for DP-SGD: the Poisson-subsampled Gaussian mechanism (Mironov 2017,
 * arXiv 1702.07476; Mironov, Talwar, Zhang 2019, arXiv 1908.10530).
 *
 * <p>Immutable: {@link #compose} returns a new accountant with the steps added, so a trainer can
 * keep the accountant of its last completed step and a report can hold one without copying. Steps
 * with different (q, &sigma;) compose by adding their RDP curves; the per-step curve of each
 * (q, &sigma;) is computed once and shared by the accountants derived from this one, so composing
 * one step at a time costs O(number of orders).
 *
 * <p>Conversion to (&epsilon;, &delta;) uses {@link DpConversion#DEFAULT} ({@link
 * DpConversion#IMPROVED}, Balle et al. 2020) unless a conversion is passed; {@link
 * DpConversion#CLASSIC} (Mironov 2017) stays available for comparison with older published values.
 *
 * <p>One-shot helpers: {@link #epsilon(double, double, long, double)}, {@link #maxSteps} (the
 * budget check that stops training) and {@link #calibrateSigma} (noise from a target &epsilon;).
 * The assumption throughout is add-or-remove-one adjacency, sensitivity = clip norm, and a batch
 * drawn by Poisson sampling with rate q (each row independently); shuffled fixed-size batches are
 * not covered by this analysis.
 */
public final class RdpAccountant {
  private final RdpCurve curve;
  private final List<SampledGaussianSteps> compositions;
  private final Map<StepKey, RdpCurve> perStepCurves;

  private RdpAccountant(RdpCurve curve, List<SampledGaussianSteps> compositions,
      Map<StepKey, RdpCurve> perStepCurves) {
    this.curve = curve;
    this.compositions = compositions;
    this.perStepCurves = perStepCurves;
  }

  /** An accountant with nothing spent, tracking {@link RdpOrders#defaults()}. */
  public static RdpAccountant create() {
    return withOrders(RdpOrders.defaults());
  }

  /** An accountant with nothing spent, tracking the given orders (each finite and &gt; 1). */
  public static RdpAccountant withOrders(double... orders) {
    return new RdpAccountant(RdpCurve.zero(orders), List.of(), Map.of());
  }

  /**
   * This accountant after {@code steps} more SGM steps at sampling rate {@code q} and noise
   * multiplier {@code sigma}.
   */
  public RdpAccountant compose(double q, double sigma, long steps) {
    return compose(new SampledGaussianSteps(q, sigma, steps));
  }

  /** This accountant after {@code run}. */
  public RdpAccountant compose(SampledGaussianSteps run) {
    StepKey key = new StepKey(run.q(), run.sigma());
    RdpCurve perStep = perStepCurves.get(key);
    Map<StepKey, RdpCurve> cache = perStepCurves;
    if (perStep == null) {
      perStep = RdpCurve.sampledGaussian(run.q(), run.sigma(), curve.orders());
      Map<StepKey, RdpCurve> grown = new HashMap<>(perStepCurves);
      grown.put(key, perStep);
      cache = Collections.unmodifiableMap(grown);
    }
    List<SampledGaussianSteps> history = new ArrayList<>(compositions);
    int last = history.size() - 1;
    if (last >= 0 && history.get(last).q() == run.q() && history.get(last).sigma() == run.sigma()) {
      history.set(last, new SampledGaussianSteps(run.q(), run.sigma(),
          history.get(last).steps() + run.steps()));
    } else {
      history.add(run);
    }
    return new RdpAccountant(curve.plus(perStep.times(run.steps())),
        Collections.unmodifiableList(history), cache);
  }

  /** The accumulated RDP at every tracked order. */
  public RdpCurve curve() {
    return curve;
  }

  /** The tracked orders, ascending. */
  public double[] orders() {
    return curve.orders();
  }

  /** The runs composed so far, in order; consecutive runs with equal (q, &sigma;) are merged. */
  public List<SampledGaussianSteps> compositions() {
    return compositions;
  }

  /** The number of SGM steps composed so far. */
  public long totalSteps() {
    long total = 0;
    for (SampledGaussianSteps run : compositions) {
      total += run.steps();
    }
    return total;
  }

  /** &epsilon; spent so far at {@code delta} (default conversion), with its optimal order. */
  public DpGuarantee epsilon(double delta) {
    return curve.epsilon(delta);
  }

  /** &epsilon; spent so far at {@code delta} with the given conversion. */
  public DpGuarantee epsilon(double delta, DpConversion conversion) {
    return curve.epsilon(delta, conversion);
  }

  /** The smallest &delta; at which what was spent so far is {@code epsilon}-DP. */
  public double delta(double epsilon, DpConversion conversion) {
    return curve.delta(epsilon, conversion);
  }

  /**
   * (&epsilon;, &delta;) of {@code steps} SGM steps at sampling rate q and noise multiplier sigma,
   * default orders and conversion.
   */
  public static DpGuarantee epsilon(double q, double sigma, long steps, double delta) {
    return epsilon(q, sigma, steps, delta, DpConversion.DEFAULT, RdpOrders.defaults());
  }

  /** As {@link #epsilon(double, double, long, double)} with explicit conversion and orders. */
  public static DpGuarantee epsilon(double q, double sigma, long steps, double delta,
      DpConversion conversion, double... orders) {
    return withOrders(orders).compose(q, sigma, steps).epsilon(delta, conversion);
  }

  /**
   * The largest number of SGM steps at (q, sigma) whose &epsilon; at {@code delta} is at most
   * {@code targetEpsilon} (default orders and conversion); {@link Long#MAX_VALUE} when a step
   * spends nothing (q = 0). Training stops after this many steps.
   */
  public static long maxSteps(double q, double sigma, double targetEpsilon, double delta) {
    return maxSteps(q, sigma, targetEpsilon, delta, DpConversion.DEFAULT, RdpOrders.defaults());
  }

  /** As {@link #maxSteps(double, double, double, double)} with explicit conversion and orders. */
  public static long maxSteps(double q, double sigma, double targetEpsilon, double delta,
      DpConversion conversion, double... orders) {
    new SampledGaussianSteps(q, sigma, 0); // validates q and sigma
    return StepBudget.maxSteps(RdpCurve.sampledGaussian(q, sigma, orders), targetEpsilon, delta,
        conversion);
  }

  /**
   * The smallest noise multiplier &sigma; (to a relative 1e-7) with which {@code steps} SGM steps
   * at sampling rate q stay within (targetEpsilon, delta), default orders and conversion.
   *
   * @throws IllegalArgumentException if the target cannot be reached (the message says why: even
   *     unbounded noise leaves &epsilon; above target with the tracked orders, or &sigma; would
   *     exceed 1e6)
   */
  public static double calibrateSigma(double q, long steps, double targetEpsilon, double delta) {
    return calibrateSigma(q, steps, targetEpsilon, delta, DpConversion.DEFAULT,
        RdpOrders.defaults());
  }

  /** As {@link #calibrateSigma(double, long, double, double)} with explicit conversion, orders. */
  public static double calibrateSigma(double q, long steps, double targetEpsilon, double delta,
      DpConversion conversion, double... orders) {
    return SigmaCalibration.calibrate(q, steps, targetEpsilon, delta, conversion,
        RdpOrders.validated(orders));
  }

  @Override
  public String toString() {
    return "RdpAccountant{" + compositions + "}";
  }

  private record StepKey(double q, double sigma) {}
}
