package io.synthbeam.validation.privacy;

import io.synthbeam.validation.FrameSet;
import java.util.stream.IntStream;

/**
 * Drops synthetic rows that sit closer to a training row than real unseen rows usually do: the
 * threshold is the {@code quantile} of the holdout rows' distances to their closest training
 * row, and a synthetic row strictly below it is dropped. With quantile 0.05 a kept row is at
 * least as far from the training rows as 95% of real holdout rows are. (When more than
 * {@code quantile} of the holdout rows duplicate training rows the threshold is 0 and nothing is
 * dropped: exact duplicates are then normal in this population.)
 */
public final class PrivacyFilter {
  private PrivacyFilter() {}

  /**
   * What the filter keeps.
   *
   * @param keptRows indices of the kept synthetic rows, ascending
   * @param dropped number of dropped rows
   * @param threshold the distance (judge.py's scale) below which rows were dropped
   * @param quantile the holdout-distance quantile the threshold came from
   */
  public record Result(int[] keptRows, int dropped, double threshold, double quantile) {}

  /** Applies the filter to every row of {@code frames.synthetic()}. */
  public static Result apply(FrameSet frames, double quantile, int threads) {
    if (!(quantile >= 0 && quantile <= 1)) {
      throw new IllegalArgumentException("the privacy filter quantile must be in [0, 1], got "
          + quantile);
    }
    DistanceSpace space = DistanceSpace.fit(frames.columns(), frames.train());
    NearestNeighbourIndex trainIndex = NearestNeighbourIndex.build(space.points(frames.train()));
    double[] holdout = trainIndex.nearestAll(space.points(frames.holdout()), threads);
    double threshold = DistanceHistogram.quantile(holdout, quantile);
    double[] synthetic = trainIndex.nearestAll(space.points(frames.synthetic()), threads);
    int[] kept = IntStream.range(0, synthetic.length).filter(i -> synthetic[i] >= threshold)
        .toArray();
    return new Result(kept, synthetic.length - kept.length, threshold / space.columns(),
        quantile);
  }
}
