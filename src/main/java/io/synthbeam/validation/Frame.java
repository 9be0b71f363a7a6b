package io.synthbeam.validation;

/**
 * A table in columns, as the metrics read it: per continuous column a double per row (NaN for
 * missing), per categorical column a category code per row (see {@link CategoryDictionary}).
 * Arrays are shared, not copied; treat them as read-only.
 */
public final class Frame {
  private final int rows;
  private final double[][] numbers;
  private final int[][] codes;

  Frame(int rows, double[][] numbers, int[][] codes) {
    this.rows = rows;
    this.numbers = numbers;
    this.codes = codes;
  }

  /** Number of rows. */
  public int rows() {
    return rows;
  }

  /** The values of continuous column {@code column} (null for a categorical column). */
  public double[] numbers(int column) {
    return numbers[column];
  }

  /** The codes of categorical column {@code column} (null for a continuous column). */
  public int[] codes(int column) {
    return codes[column];
  }

  /** The rows at {@code indices}, in that order. */
  public Frame select(int[] indices) {
    double[][] n = new double[numbers.length][];
    int[][] c = new int[codes.length][];
    for (int j = 0; j < numbers.length; j++) {
      if (numbers[j] != null) {
        n[j] = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
          n[j][i] = numbers[j][indices[i]];
        }
      }
      if (codes[j] != null) {
        c[j] = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
          c[j][i] = codes[j][indices[i]];
        }
      }
    }
    return new Frame(indices.length, n, c);
  }

  /** The first {@code count} rows (all of them when there are fewer). */
  public Frame head(int count) {
    int n = Math.min(count, rows);
    int[] indices = new int[n];
    for (int i = 0; i < n; i++) {
      indices[i] = i;
    }
    return n == rows ? this : select(indices);
  }
}
