package io.synthbeam.nn;

/**
 * The natural logarithm of fdlibm 5.3 ({@code e_log.c}), written in Java: the same result as
 * {@link StrictMath#log}, bit for bit, for every input. On Java 17 {@code StrictMath.log} is a
 * native call (~10 ns); this version is compiled inline by the JIT (~3 ns), and sampling takes
 * hundreds of logarithms per row (Gaussian noise, Gumbel draws).
 *
 * <p>Algorithm (from fdlibm, Copyright (C) 1993 by Sun Microsystems, Inc.; "Permission to use,
 * copy, modify, and distribute this software is freely granted, provided that this notice is
 * preserved"): reduce x to 2^k (1 + f) with sqrt(2)/2 &lt; 1 + f &lt; sqrt(2), approximate
 * log(1 + f) by s = f / (2 + f) and a degree-14 minimax polynomial in s, and add k ln 2 in two
 * parts. Java's double arithmetic is IEEE 754 without fused operations, which is what fdlibm's
 * error analysis assumes.
 */
final class StrictLog {
  private static final double LN2_HI = Double.longBitsToDouble(0x3fe62e42fee00000L);
  private static final double LN2_LO = Double.longBitsToDouble(0x3dea39ef35793c76L);
  private static final double TWO54 = Double.longBitsToDouble(0x4350000000000000L);
  private static final double LG1 = Double.longBitsToDouble(0x3fe5555555555593L);
  private static final double LG2 = Double.longBitsToDouble(0x3fd999999997fa04L);
  private static final double LG3 = Double.longBitsToDouble(0x3fd2492494229359L);
  private static final double LG4 = Double.longBitsToDouble(0x3fcc71c51d8e78afL);
  private static final double LG5 = Double.longBitsToDouble(0x3fc7466496cb03deL);
  private static final double LG6 = Double.longBitsToDouble(0x3fc39a09d078c69fL);
  private static final double LG7 = Double.longBitsToDouble(0x3fc2f112df3e5244L);

  private StrictLog() {}

  /** {@code StrictMath.log(x)}, bit for bit. */
  static double log(double x) {
    long bits = Double.doubleToRawLongBits(x);
    int hx = (int) (bits >> 32);
    int lx = (int) bits;
    int k = 0;
    if (hx < 0x00100000) { // x < 2^-1022: zero, negative or subnormal
      if (((hx & 0x7fffffff) | lx) == 0) {
        return Double.NEGATIVE_INFINITY;
      }
      if (hx < 0) {
        return Double.NaN;
      }
      k -= 54;
      x *= TWO54; // scale a subnormal up
      bits = Double.doubleToRawLongBits(x);
      hx = (int) (bits >> 32);
    }
    if (hx >= 0x7ff00000) {
      return x + x; // infinity or NaN
    }
    k += (hx >> 20) - 1023;
    hx &= 0x000fffff;
    int i = (hx + 0x95f64) & 0x100000;
    // x or x/2, normalised into [sqrt(2)/2, sqrt(2)): the high word replaced, the low one kept.
    x = Double.longBitsToDouble(((long) (hx | (i ^ 0x3ff00000)) << 32)
        | (Double.doubleToRawLongBits(x) & 0xffffffffL));
    k += i >> 20;
    double f = x - 1.0;
    if ((0x000fffff & (2 + hx)) < 3) { // |f| < 2^-20
      if (f == 0) {
        if (k == 0) {
          return 0;
        }
        double dk = k;
        return dk * LN2_HI + dk * LN2_LO;
      }
      double r = f * f * (0.5 - 0.33333333333333333 * f);
      if (k == 0) {
        return f - r;
      }
      double dk = k;
      return dk * LN2_HI - ((r - dk * LN2_LO) - f);
    }
    double s = f / (2.0 + f);
    double dk = k;
    double z = s * s;
    i = hx - 0x6147a;
    double w = z * z;
    int j = 0x6b851 - hx;
    double t1 = w * (LG2 + w * (LG4 + w * LG6));
    double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    i |= j;
    double r = t2 + t1;
    if (i > 0) {
      double hfsq = 0.5 * f * f;
      if (k == 0) {
        return f - (hfsq - s * (hfsq + r));
      }
      return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
    }
    if (k == 0) {
      return f - s * (f - r);
    }
    return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
  }
}
