package io.synthbeam.nn;

/**
 * Branch-free helpers for elementwise loops. Data-dependent branches on random signs mispredict
 * half the time and keep the JIT from vectorising; integer arithmetic on the float bits does not.
 */
final class Branchless {
  private Branchless() {}

  /** 1 when {@code v > 0} (+0, -0, negatives and negative NaNs give 0), without a branch. */
  static int positive(float v) {
    int bits = Float.floatToRawIntBits(v);
    // -bits is negative exactly for bits > 0; the second term clears the case bits == MIN_VALUE.
    return (-bits >>> 31) & ~(bits >>> 31);
  }
}
