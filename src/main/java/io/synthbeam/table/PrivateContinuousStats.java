package io.synthbeam.table;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;

/**
 * What a private fit accumulates for a continuous column: nulls, exact counts of the public
 * point-mass candidates, and counts per {@link CellGrid} cell of every other value. Every row
 * lands in exactly one of these, so histograms built from them have sensitivity 1. Merging is
 * order-independent.
 */
final class PrivateContinuousStats implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  /** Distinct cells kept at most; past it the column is rejected at extract time. */
  static final int MAX_CELLS = 1 << 18;

  final CellGrid grid;
  /** Public point-mass candidates, ascending. */
  final double[] candidates;
  final long[] candidateCounts;
  final ValueCounts cells = new ValueCounts(MAX_CELLS);
  long nulls;

  PrivateContinuousStats(CellGrid grid, double[] candidates) {
    this.grid = grid;
    this.candidates = candidates.clone();
    this.candidateCounts = new long[candidates.length];
  }

  void addNull() {
    nulls++;
  }

  void add(double x) {
    double v = grid.clip(x);
    int at = Arrays.binarySearch(candidates, v);
    if (at >= 0) {
      candidateCounts[at]++;
    } else {
      cells.add(grid.cell(v));
    }
  }

  void merge(PrivateContinuousStats other) {
    nulls += other.nulls;
    for (int i = 0; i < candidates.length; i++) {
      candidateCounts[i] += other.candidateCounts[i];
    }
    cells.merge(other.cells);
  }
}
