package io.synthbeam.privacy.accounting;

/** A running sum of signed terms given by the logs of their magnitudes. */
final class SignedLogSum {
  private double logPositive = Double.NEGATIVE_INFINITY;
  private double logNegative = Double.NEGATIVE_INFINITY;

  void add(double logMagnitude, boolean negative) {
    if (negative) {
      logNegative = LogMath.logAdd(logNegative, logMagnitude);
    } else {
      logPositive = LogMath.logAdd(logPositive, logMagnitude);
    }
  }

  /** log of the sum, which must be positive. */
  double logValue() {
    return LogMath.logSub(logPositive, logNegative);
  }

  /** Whether the sum so far is positive. */
  boolean isPositive() {
    return logPositive > logNegative;
  }
}
