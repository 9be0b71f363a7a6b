package io.synthbeam.gan.ctgan;

import io.synthbeam.nn.Rng;

/**
 * A categorical draw from a span of logits by the Gumbel-max trick: the index of the largest
 * {@code raw[i] + (float) g_i} (the first on ties), where g_i is the Gumbel sample of the span's
 * i-th {@code rng.nextLong()}. The result and the generator's state afterwards are exactly those of
 * the plain loop
 * <pre>{@code
 * for (int i = 0; i < length; i++) {
 *   float v = raw[offset + i] + (float) rng.nextGumbel();
 *   if (v > bestValue) { bestValue = v; best = i; }
 * }
 * }</pre>
 * but most elements skip the Gumbel sample's two logarithms (~25 ns, the largest cost of sampling
 * rows after the generator itself): the element with the largest logit is computed first, and an
 * element whose logit plus a cheap upper bound of its Gumbel sample stays clearly below the
 * current winner cannot win. The margin covers the float roundings, so the bound only decides
 * clear cases; close ones are computed exactly. Not thread-safe (one scratch array).
 */
final class GumbelMax {
  private static final double LN2 = 0.6931471805599453;

  private final long[] bits;

  /** @param maxLength the longest span drawn from */
  GumbelMax(int maxLength) {
    this.bits = new long[maxLength];
  }

  /** The drawn index in {@code [0, length)}; consumes {@code length} values of {@code rng}. */
  int draw(float[] raw, int offset, int length, Rng rng) {
    int top = 0;
    float topLogit = raw[offset];
    boolean finite = true;
    for (int i = 0; i < length; i++) {
      bits[i] = rng.nextLong();
      float r = raw[offset + i];
      finite &= Float.isFinite(r);
      if (r > topLogit) {
        topLogit = r;
        top = i;
      }
    }
    if (!finite) {
      return plain(raw, offset, length);
    }
    int best = top;
    float bestValue = topLogit + (float) Rng.gumbel(bits[top]);
    for (int i = 0; i < length; i++) {
      if (i == top) {
        continue;
      }
      float r = raw[offset + i];
      double bound = upperBound(bits[i]);
      // The float roundings move r + g by at most 2^-23 (|r| + |g|), with -3.7 < g <= bound;
      // the margin is ~100 times that and ~100 ulps of bestValue, so a skipped element's exact
      // value is below bestValue. An infinite bestValue makes the margin NaN: no skipping.
      double margin = 1e-5 * (4 + Math.abs(r) + Math.abs(bound) + Math.abs(bestValue));
      if (r + bound < bestValue - margin) {
        continue;
      }
      float v = r + (float) Rng.gumbel(bits[i]);
      if (v > bestValue || (v == bestValue && i < best)) {
        best = i;
        bestValue = v;
      }
    }
    return best;
  }

  /** The plain loop, for spans with an infinite or NaN logit. */
  private int plain(float[] raw, int offset, int length) {
    int best = 0;
    float bestValue = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < length; i++) {
      float v = raw[offset + i] + (float) Rng.gumbel(bits[i]);
      if (v > bestValue) {
        bestValue = v;
        best = i;
      }
    }
    return best;
  }

  /**
   * An upper bound of {@code Rng.gumbel(bits)} = -log(-log u) without a logarithm, for u its
   * uniform and w = 1 - u: -log u = w + w^2/2 + w^3/3 + ... >= w (1 + w/2), so g <= -log w
   * - log(1 + w/2) <= -log w - w/2 + w^2/8; and -log w <= -ln 2 (e + m - 1) for w = m 2^e with
   * m in [1, 2), the chord of log2 on [1, 2] lying below it. Tight to ~0.1 where it matters
   * (u near 1, large g). Exact in real arithmetic; the computed sample can pass it by the
   * roundings of its logarithms (~1e-15 relative), which draw's margin covers.
   */
  static double upperBound(long bits) {
    double w = 1.0 - Rng.openDouble(bits);
    long wBits = Double.doubleToRawLongBits(w);
    int biasedExponent = (int) (wBits >>> 52);
    if (biasedExponent == 0) {
      return Double.POSITIVE_INFINITY; // u rounded to 1: g is infinite
    }
    double log2Below = (biasedExponent - 1023) + (wBits & 0xfffffffffffffL) * 0x1p-52;
    return -LN2 * log2Below - 0.5 * w + 0.125 * w * w;
  }
}
