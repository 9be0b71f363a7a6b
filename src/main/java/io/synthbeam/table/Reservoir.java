package io.synthbeam.table;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;

/**
 * A deterministic sample of a column's values: the {@code capacity} entries of smallest priority,
 * where an entry is a distinct (priority, value) pair and priorities are hashes of the rows. Equal
 * rows share their priority, so an entry carries the number of rows it stands for, and that count
 * is exact: a kept entry's priority was never above the cut-off, which only falls. Merging keeps
 * the smallest of the union, so the sample does not depend on sharding or merge order.
 *
 * <p>Adds go into a buffer of up to twice the capacity, which is then sorted, deduplicated and cut
 * back (amortised O(log capacity) per kept add; most adds of a long stream are rejected by one
 * comparison with the cut-off).
 */
final class Reservoir implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  private final int capacity;
  private long[] priorities;
  private double[] values;
  private long[] counts;
  private int size;
  /** Whether {@code capacity} distinct entries are held, so the cut-off below applies. */
  private boolean full;
  private long cutPriority;
  private long cutValueBits;

  Reservoir(int capacity) {
    this.capacity = capacity;
    int initial = Math.min(64, 2 * capacity);
    priorities = new long[initial];
    values = new double[initial];
    counts = new long[initial];
  }

  void add(long priority, double value) {
    add(priority, value, 1);
  }

  void merge(Reservoir other) {
    for (int i = 0; i < other.size; i++) {
      add(other.priorities[i], other.values[i], other.counts[i]);
    }
  }

  /** The kept values and their row counts, in priority order. Leaves this reservoir unchanged. */
  Sample sample() {
    Reservoir kept = compactedCopy();
    return new Sample(Arrays.copyOf(kept.values, kept.size), Arrays.copyOf(kept.counts, kept.size));
  }

  record Sample(double[] values, long[] counts) {}

  private void add(long priority, double value, long count) {
    long bits = Double.doubleToLongBits(value);
    if (full && compare(priority, bits, cutPriority, cutValueBits) > 0) {
      return;
    }
    if (size == priorities.length) {
      if (size >= 2 * capacity) {
        compact();
      } else {
        int grown = Math.min(2 * capacity, 2 * size);
        priorities = Arrays.copyOf(priorities, grown);
        values = Arrays.copyOf(values, grown);
        counts = Arrays.copyOf(counts, grown);
      }
      if (full && compare(priority, bits, cutPriority, cutValueBits) > 0) {
        return;
      }
    }
    priorities[size] = priority;
    values[size] = value;
    counts[size] = count;
    size++;
  }

  /** Sorts, pools equal entries, and keeps the smallest {@code capacity}. */
  private void compact() {
    sort(0, size - 1);
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (kept > 0 && priorities[kept - 1] == priorities[i]
          && Double.doubleToLongBits(values[kept - 1]) == Double.doubleToLongBits(values[i])) {
        counts[kept - 1] += counts[i];
      } else if (kept < capacity) {
        priorities[kept] = priorities[i];
        values[kept] = values[i];
        counts[kept] = counts[i];
        kept++;
      } else {
        break;
      }
    }
    size = kept;
    if (size == capacity) {
      full = true;
      cutPriority = priorities[size - 1];
      cutValueBits = Double.doubleToLongBits(values[size - 1]);
    }
  }

  private static int compare(long p1, long bits1, long p2, long bits2) {
    int c = Long.compare(p1, p2);
    return c != 0 ? c : Long.compare(bits1, bits2);
  }

  private int compareAt(int i, int j) {
    return compare(priorities[i], Double.doubleToLongBits(values[i]),
        priorities[j], Double.doubleToLongBits(values[j]));
  }

  /** Three-way quicksort of entries [lo, hi] (equal keys, from repeated rows, are common). */
  private void sort(int lo, int hi) {
    while (hi - lo > 16) {
      swap(lo, lo + (hi - lo) / 2);
      int lt = lo;
      int gt = hi;
      int i = lo + 1;
      while (i <= gt) {
        int c = compareAt(i, lt);
        if (c < 0) {
          swap(lt++, i++);
        } else if (c > 0) {
          swap(i, gt--);
        } else {
          i++;
        }
      }
      // Recurse into the smaller side, loop on the larger: stack depth O(log n).
      if (lt - lo < hi - gt) {
        sort(lo, lt - 1);
        lo = gt + 1;
      } else {
        sort(gt + 1, hi);
        hi = lt - 1;
      }
    }
    for (int i = lo + 1; i <= hi; i++) {
      for (int j = i; j > lo && compareAt(j - 1, j) > 0; j--) {
        swap(j - 1, j);
      }
    }
  }

  private void swap(int i, int j) {
    long p = priorities[i];
    priorities[i] = priorities[j];
    priorities[j] = p;
    double v = values[i];
    values[i] = values[j];
    values[j] = v;
    long c = counts[i];
    counts[i] = counts[j];
    counts[j] = c;
  }

  /**
   * A compacted copy holding only the kept entries. Reading a reservoir never changes it: a runner
   * may encode an accumulator from one thread while another reads it (the DirectRunner does), and
   * an in-place compaction then corrupts both.
   */
  private Reservoir compactedCopy() {
    Reservoir copy = new Reservoir(capacity);
    int length = Math.max(size, 1);
    copy.priorities = Arrays.copyOf(priorities, length);
    copy.values = Arrays.copyOf(values, length);
    copy.counts = Arrays.copyOf(counts, length);
    copy.size = size;
    copy.full = full;
    copy.cutPriority = cutPriority;
    copy.cutValueBits = cutValueBits;
    copy.compact();
    return copy;
  }

  /** Ships only the kept entries, not the empty part of the buffer, without touching this one. */
  @Serial
  private Object writeReplace() {
    return compactedCopy();
  }
}
