/**
 * Differentially private preprocessing for the table encoder: the budget a private fit is given
 * ({@link io.synthbeam.table.dp.PreprocessingPrivacy}), what it spent
 * ({@link io.synthbeam.table.dp.PreprocessingSpend}), and the building blocks of its mechanisms:
 * seeded Gaussian noise ({@link io.synthbeam.table.dp.NoiseSource}) and the Gaussian tail that
 * sets the release thresholds of stability-based histograms
 * ({@link io.synthbeam.table.dp.GaussianTail}).
 *
 * <p>The fit itself is {@code TableEncoderFitter.withPrivacy(...)} in {@code io.synthbeam.table};
 * its mechanisms and budget split are described there.
 */
package io.synthbeam.table.dp;
