package io.synthbeam.table;

import java.io.Serial;
import java.io.Serializable;

/**
 * What the fitter accumulates for a continuous column: counts, range, exact counts of its values
 * while they are few, and a value reservoir for when they are not.
 */
final class ContinuousStats implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  /**
   * Distinct values are counted exactly up to this many (or the reservoir size if smaller);
   * beyond it the reservoir stands in.
   */
  static final int EXACT_VALUE_LIMIT = 4096;

  long values;
  long nulls;
  double min = Double.POSITIVE_INFINITY;
  double max = Double.NEGATIVE_INFINITY;
  final ValueCounts exact;
  final Reservoir reservoir;

  ContinuousStats(int reservoirSize) {
    exact = new ValueCounts(Math.min(reservoirSize, EXACT_VALUE_LIMIT));
    reservoir = new Reservoir(reservoirSize);
  }

  /** The column's distinct values and counts: exact when they were few, else the reservoir's. */
  Reservoir.Sample sample() {
    return exact.overflowed() ? reservoir.sample() : exact.values();
  }

  void addNull() {
    nulls++;
  }

  void add(double x, long priority) {
    values++;
    min = Math.min(min, x);
    max = Math.max(max, x);
    exact.add(x);
    reservoir.add(priority, x);
  }

  void merge(ContinuousStats other) {
    values += other.values;
    nulls += other.nulls;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    exact.merge(other.exact);
    reservoir.merge(other.reservoir);
  }
}
