/**
 * Differential privacy for SynthBeam's training: the record of what a private fit spent
 * ({@link io.synthbeam.privacy.DpSpend}) and, in {@link io.synthbeam.privacy.accounting}, the
 * Rényi-DP accountant that computes it for DP-SGD (Poisson-subsampled Gaussian mechanism), stops
 * training when the budget is spent and calibrates the noise from a target &epsilon;.
 */
package io.synthbeam.privacy;
