package io.synthbeam.table;

import java.io.Serial;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * What the fitter accumulates for a categorical column: a count per category key and the nulls.
 * Past {@code limit} distinct values it forgets the counts and only remembers that it overflowed,
 * so memory stays bounded (the column is rejected at extract time).
 */
final class CategoryCounts implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  private final int limit;
  private HashMap<Object, long[]> counts = new HashMap<>();
  long nulls;
  boolean overflowed;

  CategoryCounts(int limit) {
    this.limit = limit;
  }

  void addNull() {
    nulls++;
  }

  void add(Object key) {
    add(key, 1);
  }

  void merge(CategoryCounts other) {
    nulls += other.nulls;
    if (other.overflowed) {
      overflow();
    }
    for (Map.Entry<Object, long[]> e : other.counts.entrySet()) {
      add(e.getKey(), e.getValue()[0]);
    }
  }

  /** Counts per non-null key (empty once overflowed). */
  Map<Object, long[]> counts() {
    return counts;
  }

  private void add(Object key, long n) {
    if (overflowed) {
      return;
    }
    counts.computeIfAbsent(key, k -> new long[1])[0] += n;
    if (counts.size() > limit) {
      overflow();
    }
  }

  private void overflow() {
    overflowed = true;
    counts = new HashMap<>();
  }
}
