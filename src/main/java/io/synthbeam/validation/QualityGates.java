package io.synthbeam.validation;

import io.synthbeam.validation.privacy.PrivacyReport;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bounds a synthetic table must meet to ship. Unset bounds are NaN.
 *
 * @param minUtility lowest acceptable utility: TSTR / TRTR of the tree ensemble's primary figure
 *     (macro F1 or R²), e.g. 0.8
 * @param maxDcrExcess highest acceptable {@code dcr_share - dcr_baseline}, e.g. 0.05: how much
 *     more often synthetic rows sit closer to a training row than to a holdout row than fresh
 *     draws from the population would
 */
public record QualityGates(double minUtility, double maxDcrExcess) implements Serializable {
  /** Privacy excess up to this is reported as "no excess closeness" in the verdict. */
  private static final double NEGLIGIBLE_EXCESS = 0.02;

  /** No gates: every table passes; the verdict still reports the figures. */
  public static QualityGates none() {
    return new QualityGates(Double.NaN, Double.NaN);
  }

  public QualityGates withMinUtility(double bound) {
    return new QualityGates(bound, maxDcrExcess);
  }

  public QualityGates withMaxDcrExcess(double bound) {
    return new QualityGates(minUtility, bound);
  }

  /** Whether any bound is set. */
  public boolean any() {
    return !Double.isNaN(minUtility) || !Double.isNaN(maxDcrExcess);
  }

  /** Checks the report against the bounds that are set. A figure that is NaN fails its gate. */
  public GateResult evaluate(ValidationReport report) {
    List<GateCheck> checks = new ArrayList<>();
    if (!Double.isNaN(minUtility)) {
      double value = report.utility().utility();
      boolean ok = value >= minUtility;
      String message = Double.isNaN(value)
          ? "utility could not be computed (the model trained on real rows scored "
              + format(report.utility().trtr()) + "), so the minimum " + format(minUtility)
              + " (--min-utility) is not met"
          : "utility " + format(value) + " (TSTR/TRTR " + primary(report) + " of the tree"
              + " ensemble) is " + (ok ? "at least" : "below") + " the minimum "
              + format(minUtility) + " (--min-utility)";
      checks.add(new GateCheck("utility", value, minUtility, ok, message));
    }
    if (!Double.isNaN(maxDcrExcess)) {
      PrivacyReport p = report.privacy();
      double value = p.dcrExcess();
      boolean ok = value <= maxDcrExcess;
      String message = "DCR excess " + signed(value) + " (dcr_share " + format(p.dcrShare())
          + " minus baseline " + format(p.dcrBaseline()) + ") is " + (ok ? "within" : "above")
          + " the maximum " + format(maxDcrExcess) + " (--max-dcr-excess)";
      checks.add(new GateCheck("dcr_excess", value, maxDcrExcess, ok, message));
    }
    boolean passed = checks.stream().allMatch(GateCheck::passed);
    return new GateResult(passed, any(), checks, verdict(report, checks, passed));
  }

  private String verdict(ValidationReport report, List<GateCheck> checks, boolean passed) {
    List<String> parts = new ArrayList<>();
    checks.stream().filter(c -> !c.passed()).map(GateCheck::message).forEach(parts::add);
    double utility = report.utility().utility();
    if (checks.stream().noneMatch(c -> !c.passed() && c.figure().equals("utility"))) {
      parts.add(Double.isNaN(utility) ? "utility n/a" : "utility " + format(utility) + " of real");
    }
    parts.add("detection AUC " + format(report.detectAuc()));
    if (checks.stream().noneMatch(c -> !c.passed() && c.figure().equals("dcr_excess"))) {
      PrivacyReport p = report.privacy();
      parts.add((p.dcrExcess() <= NEGLIGIBLE_EXCESS ? "no excess closeness to training rows"
          : "synthetic rows lean to training rows") + " (DCR share " + format(p.dcrShare())
          + " vs baseline " + format(p.dcrBaseline()) + ")");
    }
    PrivacyReport p = report.privacy();
    if (p.exactCopy() > p.holdoutCopy() + 0.005) {
      parts.add(String.format(Locale.ROOT, "%.1f%% exact copies of training rows (holdout: %.1f%%)",
          100 * p.exactCopy(), 100 * p.holdoutCopy()));
    }
    String head = !any() ? "NO GATES SET" : passed ? "PASS" : "FAIL";
    return head + ": " + String.join(", ", parts);
  }

  private static String primary(ValidationReport report) {
    return report.utility().task() == Task.CLASSIFICATION ? "macro F1" : "R²";
  }

  static String format(double x) {
    return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.2f", x);
  }

  private static String signed(double x) {
    return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%+.3f", x);
  }
}
