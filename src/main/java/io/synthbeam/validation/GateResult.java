package io.synthbeam.validation;

import java.util.List;

/**
 * The outcome of {@link QualityGates#evaluate}: whether every gate passed, each check, and a
 * one-line verdict for the top of a report.
 *
 * @param passed true when every gate passed (also when no gate was set)
 * @param gated whether any gate was set
 * @param checks the gates that were set, in order
 * @param verdict e.g. {@code "PASS: utility 0.97 of real, detection AUC 0.86, no excess closeness
 *     to training rows (DCR share 0.67 vs baseline 0.67)"}
 */
public record GateResult(boolean passed, boolean gated, List<GateCheck> checks, String verdict) {
  public GateResult {
    checks = List.copyOf(checks);
  }

  /** The messages of the failed checks, joined with "; " (empty when all passed). */
  public String failures() {
    return String.join("; ", checks.stream().filter(c -> !c.passed())
        .map(GateCheck::message).toList());
  }
}
