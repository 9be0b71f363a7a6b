package io.synthbeam.validation.privacy;

import io.synthbeam.validation.Frame;
import io.synthbeam.validation.ValidationColumns;
import java.util.Arrays;

/**
 * judge.py's encoding for distances, fitted on the real training rows: a continuous value is
 * min-max scaled by the training range (a constant column by 1) after a missing value is filled
 * with the training median; a categorical value is its category (a missing value is a category
 * of its own). Raw distances ({@link MixedPoints#distance}) divided by {@link #columns()} are
 * judge.py's distances.
 */
public final class DistanceSpace {
  private final int[] continuousColumns;
  private final int[] categoricalColumns;
  private final double[] low;
  private final double[] span;
  private final double[] median;

  private DistanceSpace(int[] continuousColumns, int[] categoricalColumns, double[] low,
      double[] span, double[] median) {
    this.continuousColumns = continuousColumns;
    this.categoricalColumns = categoricalColumns;
    this.low = low;
    this.span = span;
    this.median = median;
  }

  /** Fits the scaling on the training frame. */
  public static DistanceSpace fit(ValidationColumns columns, Frame train) {
    int[] cont = java.util.stream.IntStream.range(0, columns.size())
        .filter(j -> !columns.get(j).categorical()).toArray();
    int[] cat = java.util.stream.IntStream.range(0, columns.size())
        .filter(j -> columns.get(j).categorical()).toArray();
    double[] low = new double[cont.length];
    double[] span = new double[cont.length];
    double[] median = new double[cont.length];
    for (int c = 0; c < cont.length; c++) {
      double[] present = Arrays.stream(train.numbers(cont[c])).filter(v -> !Double.isNaN(v))
          .sorted().toArray();
      if (present.length == 0) {
        span[c] = 1;
        continue;
      }
      low[c] = present[0];
      double range = present[present.length - 1] - present[0];
      span[c] = range == 0 ? 1 : range;
      int mid = present.length / 2;
      median[c] = present.length % 2 == 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
    }
    return new DistanceSpace(cont, cat, low, span, median);
  }

  /** Number of columns: raw distances divided by this are judge.py's distances. */
  public int columns() {
    return continuousColumns.length + categoricalColumns.length;
  }

  /** The frame's rows as points. */
  public MixedPoints points(Frame frame) {
    int n = frame.rows();
    int nc = continuousColumns.length;
    int nk = categoricalColumns.length;
    double[] numbers = new double[n * nc];
    int[] codes = new int[n * nk];
    for (int c = 0; c < nc; c++) {
      double[] x = frame.numbers(continuousColumns[c]);
      for (int i = 0; i < n; i++) {
        double v = Double.isNaN(x[i]) ? median[c] : x[i];
        numbers[i * nc + c] = (v - low[c]) / span[c];
      }
    }
    for (int k = 0; k < nk; k++) {
      int[] x = frame.codes(categoricalColumns[k]);
      for (int i = 0; i < n; i++) {
        codes[i * nk + k] = x[i];
      }
    }
    return new MixedPoints(n, nc, nk, numbers, codes);
  }
}
