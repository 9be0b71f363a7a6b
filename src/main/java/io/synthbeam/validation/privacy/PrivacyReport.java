package io.synthbeam.validation.privacy;

/**
 * Privacy-risk figures of a synthetic table. Distances are judge.py's Gower-like L1 distances
 * (see {@link DistanceSpace}).
 *
 * @param dcrShare share of scored synthetic rows whose closest real row is a training row rather
 *     than a holdout row (ties count half); judge.py's {@code dcr_share}
 * @param dcrBaseline {@code |train| / (|train| + |holdout|)}: the share expected of fresh draws
 *     from the population; judge.py's {@code dcr_baseline}
 * @param exactCopy share of scored synthetic rows at distance below 1e-9 from a training row;
 *     judge.py's {@code exact_copy}
 * @param holdoutCopy the same share for real holdout rows (the first as many holdout rows as
 *     synthetic rows were scored), the natural rate of duplicates; judge.py's
 *     {@code holdout_copy}
 * @param membershipAuc distance-based membership inference: the AUC of the score "minus the
 *     distance to the closest synthetic row" at telling training rows (members) from holdout
 *     rows (non-members); 0.5 means the synthetic table gives no hint of who was in training
 * @param scoredSyntheticRows synthetic rows scored for DCR (a sample, as judge.py's 2,000)
 * @param membershipRows training rows and holdout rows scored by the membership test (each)
 * @param medianSyntheticDistance median distance of scored synthetic rows to the training rows
 * @param medianHoldoutDistance median distance of holdout rows to the training rows
 * @param histogram the two distance distributions, binned
 */
public record PrivacyReport(double dcrShare, double dcrBaseline, double exactCopy,
    double holdoutCopy, double membershipAuc, int scoredSyntheticRows, int membershipRows,
    double medianSyntheticDistance, double medianHoldoutDistance, DistanceHistogram histogram) {

  /** How far the DCR share exceeds its baseline (positive: synthetic rows lean to training). */
  public double dcrExcess() {
    return dcrShare - dcrBaseline;
  }
}
