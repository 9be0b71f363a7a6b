/**
 * A Rényi differential privacy (RDP) accountant for DP-SGD.
 *
 * <p>Each DP-SGD step is one run of the Sampled Gaussian Mechanism: rows enter the batch
 * independently with probability q, per-row gradients are clipped to norm C and the sum gets
 * N(0, &sigma;&sup2;C&sup2;) noise. {@link io.synthbeam.privacy.accounting.SampledGaussianRdp}
 * computes its RDP at an order &alpha; (Mironov, Talwar, Zhang 2019: closed form for integer &alpha;,
 * erfc-weighted series for fractional &alpha;, both in log space);
 * {@link io.synthbeam.privacy.accounting.RdpCurve} composes steps by adding RDP order by order and
 * converts to (&epsilon;, &delta;) by {@link io.synthbeam.privacy.accounting.DpConversion};
 * {@link io.synthbeam.privacy.accounting.RdpAccountant} is the entry point: an immutable record of
 * the steps taken, plus {@code epsilon}, {@code maxSteps} and {@code calibrateSigma}.
 *
 * <p>Typical use by a trainer:
 *
 * <pre>{@code
 * double sigma = RdpAccountant.calibrateSigma(q, plannedSteps, targetEpsilon, delta);
 * long budget = RdpAccountant.maxSteps(q, sigma, targetEpsilon, delta); // >= plannedSteps
 * RdpAccountant spent = RdpAccountant.create();
 * for (long t = 0; t < budget && !converged; t++) {
 *   ... one DP-SGD step ...
 *   spent = spent.compose(q, sigma, 1);
 * }
 * DpSpend record = DpSpend.of(spent, delta, clipNorm);
 * }</pre>
 */
package io.synthbeam.privacy.accounting;
