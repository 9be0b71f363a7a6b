package io.synthbeam.gan.ctgan;

import io.synthbeam.nn.Rng;
import io.synthbeam.table.DiscreteColumn;
import io.synthbeam.table.EncodedTable;
import java.util.List;

/**
 * Training-by-sampling (CTGAN section 4.3): each row of a batch is conditioned on one categorical
 * column chosen uniformly and one of its categories chosen by log-frequency, so rare categories are
 * seen often enough to be learnt; the critic is shown real rows that have the chosen category.
 *
 * <p>At sampling time {@link #sampleOriginal} draws the category by its plain frequency instead, so
 * the synthetic table keeps the training marginals.
 */
final class ConditionSampler {
  private final List<DiscreteColumn> columns;
  private final int width;
  /** Per column, cumulative log(1 + count) weights over its categories. */
  private final double[][] logFrequencyCdf;
  /** Per column, cumulative count weights over its categories. */
  private final double[][] frequencyCdf;
  /** Per column and category, the training rows having it (null when no data is attached). */
  private final int[][][] rowsByCategory;
  /** Per column, each training row's category (null when no data is attached). */
  private final int[][] categoryOfRow;

  /**
   * @param data the training rows, or null when only sampling
   * @param encoderCountsOnly draw training conditions from the encoder's counts (which are
   *     private or public), never from the rows' own counts: the DP-SGD generator step
   */
  ConditionSampler(List<DiscreteColumn> columns, int conditionWidth, EncodedTable data,
      boolean encoderCountsOnly) {
    this.columns = List.copyOf(columns);
    this.width = conditionWidth;
    int n = columns.size();
    this.categoryOfRow = data == null ? null : categories(columns, data);
    this.rowsByCategory = data == null ? null : indexRows(columns, categoryOfRow);
    this.logFrequencyCdf = new double[n][];
    this.frequencyCdf = new double[n][];
    for (int j = 0; j < n; j++) {
      long[] counts = columns.get(j).counts();
      frequencyCdf[j] = cumulative(counts, false);
      // Training draws use the rows actually present (the training rows may be a sample of the
      // table), so a drawn category always has a real row to show the critic.
      logFrequencyCdf[j] = cumulative(rowsByCategory == null || encoderCountsOnly ? counts
          : sizes(rowsByCategory[j]), true);
    }
  }

  private static long[] sizes(int[][] rowsPerCategory) {
    long[] s = new long[rowsPerCategory.length];
    for (int k = 0; k < s.length; k++) {
      s[k] = rowsPerCategory[k].length;
    }
    return s;
  }

  int width() {
    return width;
  }

  boolean hasColumns() {
    return !columns.isEmpty();
  }

  private static double[] cumulative(long[] counts, boolean log) {
    double[] cdf = new double[counts.length];
    double total = 0;
    for (int k = 0; k < counts.length; k++) {
      total += log ? Math.log1p(counts[k]) : counts[k];
      cdf[k] = total;
    }
    for (int k = 0; k < cdf.length; k++) {
      cdf[k] = total > 0 ? cdf[k] / total : (k + 1.0) / cdf.length;
    }
    return cdf;
  }

  private static int[][] categories(List<DiscreteColumn> columns, EncodedTable data) {
    int[][] out = new int[columns.size()][data.rows()];
    float[] d = data.data();
    int w = data.width();
    for (int j = 0; j < columns.size(); j++) {
      DiscreteColumn col = columns.get(j);
      for (int r = 0; r < data.rows(); r++) {
        out[j][r] = argmax(d, r * w + col.spanOffset(), col.categories());
      }
    }
    return out;
  }

  private static int[][][] indexRows(List<DiscreteColumn> columns, int[][] categoryOfRow) {
    int[][][] index = new int[columns.size()][][];
    for (int j = 0; j < columns.size(); j++) {
      int k = columns.get(j).categories();
      int[] category = categoryOfRow[j];
      int[] sizes = new int[k];
      for (int c : category) {
        sizes[c]++;
      }
      index[j] = new int[k][];
      for (int c = 0; c < k; c++) {
        index[j][c] = new int[sizes[c]];
      }
      int[] fill = new int[k];
      for (int r = 0; r < category.length; r++) {
        index[j][category[r]][fill[category[r]]++] = r;
      }
    }
    return index;
  }

  static int argmax(float[] v, int off, int len) {
    int best = 0;
    float max = v[off];
    for (int i = 1; i < len; i++) {
      if (v[off + i] > max) {
        max = v[off + i];
        best = i;
      }
    }
    return best;
  }

  private static int draw(double[] cdf, Rng rng) {
    double u = rng.nextDouble();
    int lo = 0;
    int hi = cdf.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cdf[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * Fills {@code cond} (rows x width, zeroed here) with one-hot conditions drawn by log-frequency,
   * and records each row's column and category.
   */
  void sampleForTraining(float[] cond, int rows, int[] column, int[] category, Rng rng) {
    java.util.Arrays.fill(cond, 0, rows * width, 0f);
    for (int r = 0; r < rows; r++) {
      int j = rng.nextInt(columns.size());
      int k = draw(logFrequencyCdf[j], rng);
      column[r] = j;
      category[r] = k;
      cond[r * width + columns.get(j).conditionOffset() + k] = 1f;
    }
  }

  /** Fills {@code cond} with conditions whose categories follow the training frequencies. */
  void sampleOriginal(float[] cond, int rows, Rng rng) {
    java.util.Arrays.fill(cond, 0, rows * width, 0f);
    for (int r = 0; r < rows; r++) {
      int j = rng.nextInt(columns.size());
      int k = draw(frequencyCdf[j], rng);
      cond[r * width + columns.get(j).conditionOffset() + k] = 1f;
    }
  }

  /** A random training row whose column {@code j} has category {@code k}. */
  int realRow(int j, int k, Rng rng) {
    int[] rows = rowsByCategory[j][k];
    return rows[rng.nextInt(rows.length)];
  }

  /** The category training row {@code row} has in discrete column {@code j}. */
  int categoryOf(int j, int row) {
    return categoryOfRow[j][row];
  }

  int columnCount() {
    return columns.size();
  }

  DiscreteColumn column(int j) {
    return columns.get(j);
  }
}
