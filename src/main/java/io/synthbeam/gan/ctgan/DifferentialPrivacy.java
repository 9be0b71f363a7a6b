package io.synthbeam.gan.ctgan;

import java.io.Serializable;
import java.security.SecureRandom;

/**
 * Differential privacy for a fit: (epsilon, delta) for everything that reads the real rows.
 *
 * <p><b>Encoder statistics.</b> A share ({@link #preprocessingShare}, default 10%) of epsilon and
 * half of delta go to the table encoder's statistics (noisy category counts, ranges and mode
 * fits), unless every column is declared public in the schema; see
 * {@link io.synthbeam.table.TableEncoderFitter#withPrivacy}.
 *
 * <p><b>Training.</b> The rest goes to DP-SGD (Abadi et al. 2016, arXiv 1607.00133): the critic,
 * the only network that reads real rows, takes Poisson-sampled batches, clips each real row's
 * gradient to {@code clipNorm} and adds Gaussian noise of standard deviation
 * {@code noiseMultiplier * clipNorm}; the generator only sees the critic, so its updates are
 * post-processing. A Rényi-DP accountant (arXiv 1908.10530) calibrates the noise so that the
 * planned steps spend the training budget; training stops when it is spent. Each real row is one
 * privacy unit, so a private fit packs one row per critic input.
 *
 * <p>The total is accounted by composing both parts in Rényi DP and recorded in the model bundle.
 *
 * <p><b>Noise seed.</b> The guarantee holds only if the noise is secret. By default it is drawn
 * from a {@link SecureRandom} seed that is never stored, so private fits are not reproducible;
 * {@link #withNoiseSeed} makes them reproducible for whoever knows that seed (keep it secret).
 *
 * @param epsilon the total budget
 * @param delta the total delta; {@link #DEFAULT_DELTA} by default
 * @param clipNorm the per-row gradient bound C
 * @param noiseMultiplier sigma; 0 means calibrate it from the training budget
 * @param preprocessingShare the share of epsilon for the encoder's statistics
 * @param noiseSeed the secret seed of all DP noise, or null for a fresh random one
 */
public record DifferentialPrivacy(double epsilon, double delta, double clipNorm,
    double noiseMultiplier, double preprocessingShare, Long noiseSeed) implements Serializable {

  /** 1e-5: below 1/n for tables up to 100,000 rows; set 1/n or smaller for larger tables. */
  public static final double DEFAULT_DELTA = 1e-5;
  public static final double DEFAULT_CLIP_NORM = 1.0;
  public static final double DEFAULT_PREPROCESSING_SHARE = 0.1;

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
    if (!(preprocessingShare > 0 && preprocessingShare < 1)) {
      throw new IllegalArgumentException(
          "preprocessing share must be in (0, 1), got " + preprocessingShare);
    }
  }

  /** A budget of {@code epsilon} with the default delta, clip norm and share, noise calibrated. */
  public static DifferentialPrivacy epsilon(double epsilon) {
    return new DifferentialPrivacy(epsilon, DEFAULT_DELTA, DEFAULT_CLIP_NORM, 0,
        DEFAULT_PREPROCESSING_SHARE, null);
  }

  public DifferentialPrivacy withDelta(double d) {
    return new DifferentialPrivacy(epsilon, d, clipNorm, noiseMultiplier, preprocessingShare,
        noiseSeed);
  }

  public DifferentialPrivacy withClipNorm(double c) {
    return new DifferentialPrivacy(epsilon, delta, c, noiseMultiplier, preprocessingShare,
        noiseSeed);
  }

  public DifferentialPrivacy withNoiseMultiplier(double sigma) {
    return new DifferentialPrivacy(epsilon, delta, clipNorm, sigma, preprocessingShare,
        noiseSeed);
  }

  public DifferentialPrivacy withPreprocessingShare(double share) {
    return new DifferentialPrivacy(epsilon, delta, clipNorm, noiseMultiplier, share, noiseSeed);
  }

  /** Makes the DP noise reproducible from {@code seed}; whoever knows it can undo the noise. */
  public DifferentialPrivacy withNoiseSeed(long seed) {
    return new DifferentialPrivacy(epsilon, delta, clipNorm, noiseMultiplier, preprocessingShare,
        seed);
  }

  /** The noise seed to use: the given one, or a fresh secret one. */
  long resolveNoiseSeed() {
    return noiseSeed != null ? noiseSeed : new SecureRandom().nextLong();
  }

  @Override
  public String toString() {
    // Never print the noise seed.
    return "DifferentialPrivacy{epsilon=" + epsilon + ", delta=" + delta + ", clipNorm="
        + clipNorm + ", noiseMultiplier=" + noiseMultiplier + ", preprocessingShare="
        + preprocessingShare + (noiseSeed == null ? ", random noise seed" : ", given noise seed")
        + "}";
  }
}
