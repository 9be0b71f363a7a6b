package io.synthbeam.validation;

import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/**
 * Turns frame rows into Tribuo examples the way judge.py builds its feature matrix: a one-hot
 * feature per category of each categorical column and the raw value of each continuous column
 * (a missing value is an absent feature, which XGBoost treats as missing). Linear models get the
 * continuous values standardised by the mean and standard deviation of their training rows.
 * Every example also has a constant feature, so none is empty.
 */
final class TribuoFeatures {
  private static final String CONSTANT = "(constant)";

  private final FrameSet frames;
  private final boolean[] used;
  private final String[][] categoryNames;

  /**
   * @param excludedColumn a column left out of the features (the target), or -1 for none
   */
  TribuoFeatures(FrameSet frames, int excludedColumn) {
    this.frames = frames;
    int width = frames.columns().size();
    this.used = new boolean[width];
    this.categoryNames = new String[width][];
    for (int j = 0; j < width; j++) {
      used[j] = j != excludedColumn;
      ValidationColumn c = frames.columns().get(j);
      if (used[j] && c.categorical()) {
        CategoryDictionary dictionary = frames.dictionaries().get(j);
        categoryNames[j] = new String[dictionary.size()];
        for (int k = 0; k < dictionary.size(); k++) {
          categoryNames[j][k] = c.label() + "=" + dictionary.category(k);
        }
      }
    }
  }

  /** Mean and standard deviation of each continuous column over a model's training rows. */
  Standardiser standardiser(Frame training) {
    int width = used.length;
    double[] mean = new double[width];
    double[] scale = new double[width];
    for (int j = 0; j < width; j++) {
      scale[j] = 1;
      double[] x = training.numbers(j);
      if (!used[j] || x == null) {
        continue;
      }
      double sum = 0;
      double squares = 0;
      int n = 0;
      for (double v : x) {
        if (!Double.isNaN(v)) {
          sum += v;
          squares += v * v;
          n++;
        }
      }
      if (n > 0) {
        mean[j] = sum / n;
        double variance = Math.max(0, squares / n - mean[j] * mean[j]);
        scale[j] = variance > 0 ? Math.sqrt(variance) : 1;
      }
    }
    return new Standardiser(mean, scale);
  }

  /** Row {@code row} of {@code frame} as an example with {@code output}. */
  <T extends Output<T>> ArrayExample<T> example(Frame frame, int row, T output,
      Standardiser standardiser) {
    int width = used.length;
    String[] names = new String[width + 1];
    double[] values = new double[width + 1];
    int size = 0;
    for (int j = 0; j < width; j++) {
      if (!used[j]) {
        continue;
      }
      if (categoryNames[j] != null) {
        names[size] = categoryNames[j][frame.codes(j)[row]];
        values[size++] = 1;
      } else {
        double v = frame.numbers(j)[row];
        if (!Double.isNaN(v)) {
          names[size] = frames.columns().get(j).label();
          values[size++] = standardiser == null ? v : standardiser.apply(j, v);
        }
      }
    }
    names[size] = CONSTANT;
    values[size++] = 1;
    return new ArrayExample<>(output, java.util.Arrays.copyOf(names, size),
        java.util.Arrays.copyOf(values, size));
  }

  /** Per-column affine scaling fitted on a model's training rows. */
  record Standardiser(double[] mean, double[] scale) {
    double apply(int column, double value) {
      return (value - mean[column]) / scale[column];
    }
  }
}
