package io.synthbeam.privacy.accounting;

/**
 * A run of identical Sampled Gaussian Mechanism steps: Poisson sampling at rate {@code q}, noise
 * multiplier {@code sigma} (noise standard deviation over the clip norm), {@code steps} times.
 */
public record SampledGaussianSteps(double q, double sigma, long steps) {
  /** Validates the parameters; the messages say which one is wrong and what is allowed. */
  public SampledGaussianSteps {
    if (!(q >= 0.0 && q <= 1.0)) {
      throw new IllegalArgumentException("sampling rate q must be in [0, 1], got " + q);
    }
    if (!(sigma >= 0.0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("noise multiplier sigma must be finite and >= 0, got "
          + sigma);
    }
    if (steps < 0) {
      throw new IllegalArgumentException("number of steps must be >= 0, got " + steps);
    }
  }
}
