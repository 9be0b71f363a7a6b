package io.synthbeam.validation.privacy;

import io.synthbeam.validation.Auc;
import io.synthbeam.validation.Frame;
import io.synthbeam.validation.FrameSet;
import io.synthbeam.validation.RowSample;

/** Computes the {@link PrivacyReport} with nearest-neighbour indexes (no all-pairs loops). */
public final class PrivacyMetrics {
  /** A raw distance below this many times the column count is an exact copy (judge.py: 1e-9). */
  static final double COPY_DISTANCE = 1e-9;
  /** Distances this close (raw) are a tie. */
  private static final double TIE = 1e-12;

  private PrivacyMetrics() {}

  /**
   * The privacy figures of {@code frames.synthetic()}.
   *
   * @param dcrRows synthetic rows to score, drawn as judge.py draws its 2,000 (pandas'
   *     {@code sample(n, random_state=4)}); 0 or at least the table's size scores all rows
   * @param membershipRows most training rows and most holdout rows in the membership test
   * @param seed seeds the membership samples
   * @param threads threads for the nearest-neighbour queries
   */
  public static PrivacyReport compute(FrameSet frames, int dcrRows, int membershipRows,
      long seed, int threads) {
    DistanceSpace space = DistanceSpace.fit(frames.columns(), frames.train());
    double scale = space.columns();
    MixedPoints train = space.points(frames.train());
    MixedPoints holdout = space.points(frames.holdout());
    Frame synthetic = frames.synthetic();
    int scored = dcrRows <= 0 || dcrRows >= synthetic.rows() ? synthetic.rows() : dcrRows;
    Frame sample = scored == synthetic.rows() ? synthetic
        : synthetic.select(RowSample.likePandas(synthetic.rows(), scored, 4));
    MixedPoints queries = space.points(sample);

    NearestNeighbourIndex trainIndex = NearestNeighbourIndex.build(train);
    NearestNeighbourIndex holdoutIndex = NearestNeighbourIndex.build(holdout);
    double[] toTrain = trainIndex.nearestAll(queries, threads);
    double[] toHoldout = holdoutIndex.nearestAll(queries, threads);
    double closer = 0;
    int copies = 0;
    for (int i = 0; i < scored; i++) {
      if (Math.abs(toTrain[i] - toHoldout[i]) <= TIE) {
        closer += 0.5;
      } else if (toTrain[i] < toHoldout[i]) {
        closer += 1;
      }
      copies += toTrain[i] < COPY_DISTANCE * scale ? 1 : 0;
    }
    double[] holdoutToTrain = trainIndex.nearestAll(holdout, threads);
    int baselineRows = Math.min(scored, holdout.size());
    int holdoutCopies = 0;
    for (int i = 0; i < baselineRows; i++) {
      holdoutCopies += holdoutToTrain[i] < COPY_DISTANCE * scale ? 1 : 0;
    }

    int members = Math.min(membershipRows, Math.min(train.size(), holdout.size()));
    double membershipAuc = membershipAuc(space, frames, members, seed, threads);

    double[] syntheticDistances = divide(toTrain, scale);
    double[] holdoutDistances = divide(holdoutToTrain, scale);
    return new PrivacyReport(
        scored == 0 ? Double.NaN : closer / scored,
        (double) train.size() / (train.size() + holdout.size()),
        scored == 0 ? Double.NaN : (double) copies / scored,
        baselineRows == 0 ? Double.NaN : (double) holdoutCopies / baselineRows,
        membershipAuc, scored, members,
        DistanceHistogram.quantile(syntheticDistances, 0.5),
        DistanceHistogram.quantile(holdoutDistances, 0.5),
        DistanceHistogram.of(syntheticDistances, holdoutDistances, 30));
  }

  /**
   * Scores sampled training rows (members) and holdout rows (non-members) by minus their distance
   * to the closest synthetic row; the AUC says how much closer members sit to the synthetic
   * table than non-members do.
   */
  private static double membershipAuc(DistanceSpace space, FrameSet frames, int rows, long seed,
      int threads) {
    if (rows == 0 || frames.synthetic().rows() == 0) {
      return Double.NaN;
    }
    NearestNeighbourIndex syntheticIndex =
        NearestNeighbourIndex.build(space.points(frames.synthetic()));
    MixedPoints members = space.points(frames.train().select(
        RowSample.likePandas(frames.train().rows(), rows, seed)));
    MixedPoints nonMembers = space.points(frames.holdout().select(
        RowSample.likePandas(frames.holdout().rows(), rows, seed + 1)));
    double[] memberDistances = syntheticIndex.nearestAll(members, threads);
    double[] nonMemberDistances = syntheticIndex.nearestAll(nonMembers, threads);
    double[] scores = new double[2 * rows];
    boolean[] isMember = new boolean[2 * rows];
    for (int i = 0; i < rows; i++) {
      scores[i] = -memberDistances[i];
      isMember[i] = true;
      scores[rows + i] = -nonMemberDistances[i];
    }
    return Auc.of(scores, isMember);
  }

  private static double[] divide(double[] values, double by) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] / by;
    }
    return out;
  }
}
