package io.synthbeam.gan.ctgan;

import io.synthbeam.nn.Rng;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * The real rows of a DP-SGD critic step: Poisson sampling, each row independently with
 * probability q = batch / rows, as the subsampled-Gaussian accountant assumes. Each sampled row is
 * one privacy unit, conditioned (training-by-sampling) on one of its own categories, in a column
 * chosen uniformly.
 *
 * <p>The number of sampled rows varies; the step's buffers hold {@link #capacity()} units (the
 * expected count plus six standard deviations) so that their shapes never change. A draw above
 * capacity (probability below 1e-9) is cut to a uniform subset of that size, logged.
 */
final class PrivateBatches {
  private static final Logger LOG = Logger.getLogger(PrivateBatches.class.getName());

  private final int rows;
  private final double q;
  private final int capacity;
  private final ConditionSampler sampler;
  private final Rng rng;
  private final int[] drawn;
  private int count;

  PrivateBatches(int rows, int expectedBatch, ConditionSampler sampler, Rng rng) {
    this.rows = rows;
    this.q = Math.min(1.0, (double) expectedBatch / rows);
    double expected = q * rows;
    this.capacity = q >= 1.0 ? rows
        : (int) Math.min(rows, Math.ceil(expected + 6 * Math.sqrt(expected)) + 1);
    this.sampler = sampler;
    this.rng = rng;
    this.drawn = new int[rows];
  }

  double samplingRate() {
    return q;
  }

  double expectedRows() {
    return q * rows;
  }

  int capacity() {
    return capacity;
  }

  /** The table row of unit {@code i} of the last draw. */
  int row(int i) {
    return drawn[i];
  }

  /**
   * Draws the step's rows and writes each unit's condition one-hot into {@code conditions}
   * (capacity x width, units beyond the draw left zero). Returns the number of units drawn.
   */
  int draw(float[] conditions, int[] column, int[] category, Rng conditionRng) {
    count = 0;
    if (q >= 1.0) {
      for (int r = 0; r < rows; r++) {
        drawn[count++] = r;
      }
    } else {
      // Geometric gaps between sampled rows: exact Poisson sampling in O(sampled rows).
      double logKeep = Math.log1p(-q);
      long r = -1;
      while (true) {
        double u = 1.0 - rng.nextDouble();
        r += 1 + (long) Math.floor(Math.log(u) / logKeep);
        if (r >= rows) {
          break;
        }
        drawn[count++] = (int) r;
      }
    }
    if (count > capacity) {
      LOG.warning("DP-SGD drew " + count + " rows, above the step's capacity " + capacity
          + "; using a uniform subset");
      for (int i = 0; i < capacity; i++) {
        int j = i + rng.nextInt(count - i);
        int t = drawn[i];
        drawn[i] = drawn[j];
        drawn[j] = t;
      }
      count = capacity;
    }
    int width = sampler.width();
    Arrays.fill(conditions, 0, capacity * width, 0f);
    if (sampler.hasColumns()) {
      for (int i = 0; i < count; i++) {
        int j = conditionRng.nextInt(sampler.columnCount());
        int k = sampler.categoryOf(j, drawn[i]);
        column[i] = j;
        category[i] = k;
        conditions[i * width + sampler.column(j).conditionOffset() + k] = 1f;
      }
    }
    return count;
  }
}
