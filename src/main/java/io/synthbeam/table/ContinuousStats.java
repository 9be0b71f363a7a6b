package io.synthbeam.table;

import java.io.Serial;
import java.io.Serializable;

/** What the fitter accumulates for a continuous column: counts, range and a value reservoir. */
final class ContinuousStats implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  long values;
  long nulls;
  double min = Double.POSITIVE_INFINITY;
  double max = Double.NEGATIVE_INFINITY;
  final Reservoir reservoir;

  ContinuousStats(int reservoirSize) {
    reservoir = new Reservoir(reservoirSize);
  }

  void addNull() {
    nulls++;
  }

  void add(double x, long priority) {
    values++;
    min = Math.min(min, x);
    max = Math.max(max, x);
    reservoir.add(priority, x);
  }

  void merge(ContinuousStats other) {
    values += other.values;
    nulls += other.nulls;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    reservoir.merge(other.reservoir);
  }
}
