package io.synthbeam.validation;

import java.io.Serializable;

/**
 * Knobs of a validation run. Defaults ({@link #defaults()}) follow judge.py's sample sizes.
 *
 * @param dcrRows synthetic rows scored for distance to closest record (judge.py: 2,000); 0 scores
 *     them all
 * @param detectionRows most rows per side in the detection test (judge.py: 5,000)
 * @param membershipRows most training and most holdout rows scored by the membership test
 * @param trees boosting rounds of the tree ensemble (and of the linear regression booster)
 * @param folds cross-validation folds of the detection test (judge.py: 3)
 * @param threads model fits run side by side (each XGBoost fit on one thread) and threads of the
 *     nearest-neighbour queries
 * @param seed seeds the learners and the membership sample
 * @param charts whether to compute the chart data of the HTML report
 */
public record ValidationOptions(int dcrRows, int detectionRows, int membershipRows, int trees,
    int folds, int threads, long seed, boolean charts) implements Serializable {

  /** judge.py's pandas {@code random_state} for the DCR sample of synthetic rows. */
  static final long DCR_SAMPLE_SEED = 4;
  /** judge.py's pandas {@code random_state} for both detection samples. */
  static final long DETECTION_SAMPLE_SEED = 1;

  public ValidationOptions {
    require(dcrRows >= 0, "dcrRows must be >= 0 (0 = all rows), got " + dcrRows);
    require(detectionRows >= 10, "detectionRows must be at least 10, got " + detectionRows);
    require(membershipRows >= 10, "membershipRows must be at least 10, got " + membershipRows);
    require(trees >= 1, "trees must be at least 1, got " + trees);
    require(folds >= 2, "folds must be at least 2, got " + folds);
    require(threads >= 1, "threads must be at least 1, got " + threads);
  }

  /** 2,000 DCR rows, 5,000 detection rows, 5,000 membership rows, 100 trees, 3 folds. */
  public static ValidationOptions defaults() {
    return new ValidationOptions(2000, 5000, 5000, 100, 3,
        Runtime.getRuntime().availableProcessors(), 1L, true);
  }

  public ValidationOptions withDcrRows(int rows) {
    return new ValidationOptions(rows, detectionRows, membershipRows, trees, folds, threads, seed,
        charts);
  }

  public ValidationOptions withTrees(int count) {
    return new ValidationOptions(dcrRows, detectionRows, membershipRows, count, folds, threads,
        seed, charts);
  }

  public ValidationOptions withThreads(int count) {
    return new ValidationOptions(dcrRows, detectionRows, membershipRows, trees, folds, count, seed,
        charts);
  }

  public ValidationOptions withSeed(long value) {
    return new ValidationOptions(dcrRows, detectionRows, membershipRows, trees, folds, threads,
        value, charts);
  }

  public ValidationOptions withDetectionRows(int rows) {
    return new ValidationOptions(dcrRows, rows, membershipRows, trees, folds, threads, seed,
        charts);
  }

  public ValidationOptions withMembershipRows(int rows) {
    return new ValidationOptions(dcrRows, detectionRows, rows, trees, folds, threads, seed,
        charts);
  }

  public ValidationOptions withCharts(boolean on) {
    return new ValidationOptions(dcrRows, detectionRows, membershipRows, trees, folds, threads,
        seed, on);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
