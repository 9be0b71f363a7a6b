package io.synthbeam.validation.privacy;

/**
 * Rows as points of the mixed space the privacy metrics measure in: per row {@code continuous}
 * scaled numbers and {@code categorical} category codes. The raw distance of two points is the
 * L1 distance of the scaled numbers plus the number of categorical columns where the codes
 * differ (judge.py's one-hot columns times 0.5 give exactly that); divided by the number of
 * columns it is judge.py's Gower-like distance.
 */
public final class MixedPoints {
  final int size;
  final int continuous;
  final int categorical;
  /** Row-major: row i's numbers at [i * continuous, (i + 1) * continuous). */
  final double[] numbers;
  /** Row-major: row i's codes at [i * categorical, (i + 1) * categorical). */
  final int[] codes;

  MixedPoints(int size, int continuous, int categorical, double[] numbers, int[] codes) {
    this.size = size;
    this.continuous = continuous;
    this.categorical = categorical;
    this.numbers = numbers;
    this.codes = codes;
  }

  /** Number of points. */
  public int size() {
    return size;
  }

  /** The raw distance between point {@code i} here and point {@code j} of {@code other}. */
  public double distance(int i, MixedPoints other, int j) {
    int mismatches = 0;
    for (int k = 0; k < categorical; k++) {
      if (codes[i * categorical + k] != other.codes[j * categorical + k]) {
        mismatches++;
      }
    }
    double sum = 0;
    for (int c = 0; c < continuous; c++) {
      sum += Math.abs(numbers[i * continuous + c] - other.numbers[j * continuous + c]);
    }
    return sum + mismatches;
  }
}
