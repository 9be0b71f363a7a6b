package io.synthbeam.gan.ctgan;

import java.io.Serializable;

/**
 * Differential privacy for the GAN's training (DP-SGD, Abadi et al. 2016, arXiv 1607.00133): the
 * critic, the only network that reads real rows, takes Poisson-sampled batches, clips each real
 * row's gradient to {@code clipNorm} and adds Gaussian noise of standard deviation
 * {@code noiseMultiplier * clipNorm}; the generator only sees the critic, so its updates are
 * post-processing. A Rényi-DP accountant (arXiv 1908.10530) calibrates the noise so that the
 * planned steps spend {@code epsilon}; training stops when the budget is spent.
 *
 * <p>Each real row is one privacy unit, so a private fit uses PacGAN packs of one row. The row's
 * condition (training-by-sampling) comes from the row itself inside its unit; the generator's own
 * conditions come from the encoder's category counts, which are private when the encoder was fit
 * privately or declared public.
 *
 * @param epsilon the training budget (the encoder's statistics are accounted separately)
 * @param delta the training delta; {@link #DEFAULT_DELTA} by default
 * @param clipNorm the per-row gradient bound C
 * @param noiseMultiplier sigma; 0 means calibrate it from epsilon
 */
public record DifferentialPrivacy(double epsilon, double delta, double clipNorm,
    double noiseMultiplier) implements Serializable {

  /** 1e-5: below 1/n for tables up to 100,000 rows; set 1/n or smaller for larger tables. */
  public static final double DEFAULT_DELTA = 1e-5;
  public static final double DEFAULT_CLIP_NORM = 1.0;

  public DifferentialPrivacy {
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
    }
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
    }
    if (!(clipNorm > 0)) {
      throw new IllegalArgumentException("clip norm must be positive, got " + clipNorm);
    }
    if (!(noiseMultiplier >= 0)) {
      throw new IllegalArgumentException("noise multiplier must be >= 0, got " + noiseMultiplier);
    }
  }

  /** A budget of {@code epsilon} with the default delta and clip norm, noise calibrated. */
  public static DifferentialPrivacy epsilon(double epsilon) {
    return new DifferentialPrivacy(epsilon, DEFAULT_DELTA, DEFAULT_CLIP_NORM, 0);
  }

  public DifferentialPrivacy withDelta(double d) {
    return new DifferentialPrivacy(epsilon, d, clipNorm, noiseMultiplier);
  }

  public DifferentialPrivacy withClipNorm(double c) {
    return new DifferentialPrivacy(epsilon, delta, c, noiseMultiplier);
  }

  public DifferentialPrivacy withNoiseMultiplier(double sigma) {
    return new DifferentialPrivacy(epsilon, delta, clipNorm, sigma);
  }
}
