package io.synthbeam.table.dp;

import java.io.Serial;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * The differential-privacy budget of the encoder's fit (the preprocessing): what the statistics
 * the encoder releases (category lists and counts, value ranges, mode fits, the row count) may
 * spend together, as (&epsilon;, &delta;)-DP under add-or-remove-one-row adjacency.
 *
 * <p>The noise seed makes the fit reproducible (same data, budget and seed give the same encoder,
 * however the data are sharded). It must stay secret: whoever knows it can remove the noise. It
 * is not written into the encoder or shown by {@link #toString()}; use {@link #withRandomSeed}
 * unless reproducibility is needed.
 *
 * @param epsilon &epsilon; of the preprocessing, finite and &gt; 0
 * @param delta &delta; of the preprocessing, in (0, 1); half of it (when any category list or
 *     range is released from the data) bounds the chance that a value held by one row is released
 * @param noiseSeed seeds every noise draw of the fit
 */
public record PreprocessingPrivacy(double epsilon, double delta, long noiseSeed)
    implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  /** Validates the budget; messages name the parameter and what is allowed. */
  public PreprocessingPrivacy {
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("the preprocessing epsilon must be finite and > 0, got "
          + epsilon);
    }
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("the preprocessing delta must be in (0, 1), got " + delta
          + "; a common choice is well below 1/n for n rows");
    }
  }

  /** A budget whose noise seed is drawn from {@link SecureRandom} (not reproducible). */
  public static PreprocessingPrivacy withRandomSeed(double epsilon, double delta) {
    return new PreprocessingPrivacy(epsilon, delta, new SecureRandom().nextLong());
  }

  /** Leaves the seed out: it must stay secret. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "PreprocessingPrivacy[epsilon=%s, delta=%s, seed hidden]",
        epsilon, delta);
  }
}
