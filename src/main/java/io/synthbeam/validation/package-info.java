/**
 * Validation of synthetic tables: how useful, how faithful and how risky a synthetic table is
 * compared with the real rows it stands in for.
 *
 * <p>{@link io.synthbeam.validation.SyntheticValidator} (plain Java) computes a
 * {@link io.synthbeam.validation.ValidationReport} from the real training rows, real holdout rows
 * and the synthetic rows: fidelity ({@link io.synthbeam.validation.FidelityMetrics}: column
 * shapes, pair trends; {@link io.synthbeam.validation.DetectionMetric}: detection AUC), utility
 * ({@link io.synthbeam.validation.UtilityMetrics}: Tribuo XGBoost and logistic regression trained
 * on synthetic vs real rows, tested on the holdout) and privacy risk
 * ({@link io.synthbeam.validation.privacy}: distance to closest record, exact copies, membership
 * inference). {@link io.synthbeam.validation.QualityGates} turn the report into pass/fail;
 * {@link io.synthbeam.validation.report} writes it as JSON and as a self-contained HTML page;
 * {@link io.synthbeam.validation.ValidateSynthetic} runs it inside a Beam pipeline.
 *
 * <p>Every definition matches the project's reference judge ({@code judge.py}): the same
 * features, binning, encodings, distances and sample sizes, down to drawing the same sampled
 * rows. The README section "How quality and privacy are measured" writes them out.
 */
package io.synthbeam.validation;
