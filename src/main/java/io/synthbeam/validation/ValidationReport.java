package io.synthbeam.validation;

import io.synthbeam.validation.privacy.PrivacyReport;
import java.util.List;
import java.util.Map;

/**
 * Everything a validation measured. The headline figures carry judge.py's names in the JSON
 * report ({@link io.synthbeam.validation.report.ReportJson}).
 *
 * @param trainRows real training rows
 * @param holdoutRows real holdout rows
 * @param syntheticRows synthetic rows
 * @param fidelity column shapes and pair trends
 * @param utility train-on-synthetic / train-on-real figures per learner
 * @param detectAuc cross-validated AUC of a classifier telling real from synthetic rows
 * @param privacy distance-to-closest-record, exact-copy and membership figures
 * @param charts per-column distributions for the HTML report (empty when not asked for)
 * @param timings seconds per stage, in the order they ran
 */
public record ValidationReport(int trainRows, int holdoutRows, int syntheticRows,
    FidelityReport fidelity, UtilityReport utility, double detectAuc, PrivacyReport privacy,
    List<ColumnChart> charts, Map<String, Double> timings) {
  public ValidationReport {
    charts = List.copyOf(charts);
    timings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timings));
  }
}
