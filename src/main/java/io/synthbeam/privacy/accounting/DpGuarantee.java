package io.synthbeam.privacy.accounting;

/**
 * An (&epsilon;, &delta;)-differential-privacy guarantee read off an RDP curve.
 *
 * @param epsilon the privacy loss bound, &ge; 0 (+&infin; when nothing is private)
 * @param delta the failure probability it holds for
 * @param order the Rényi order &alpha; that gave the smallest &epsilon; (NaN when &epsilon; is
 *     +&infin; at every order)
 * @param conversion how RDP was turned into (&epsilon;, &delta;)
 */
public record DpGuarantee(double epsilon, double delta, double order, DpConversion conversion) {}
