package io.synthbeam.table;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Exact counts of a continuous column's distinct values while there are at most {@code limit} of
 * them (an open-addressing map from the value's bits to its count). Past the limit it forgets the
 * counts and only remembers that it overflowed, so memory stays bounded. Whether it overflows
 * depends only on the set of values, so merging is order-independent like the rest of the
 * accumulator.
 */
final class ValueCounts implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  private final int limit;
  private long[] keys = new long[16];
  /** 0 marks an empty slot; a used slot's count is at least 1. */
  private long[] counts = new long[16];
  private int size;
  private boolean overflowed;

  ValueCounts(int limit) {
    this.limit = limit;
  }

  boolean overflowed() {
    return overflowed;
  }

  void add(double value) {
    add(Double.doubleToLongBits(value), 1);
  }

  void merge(ValueCounts other) {
    if (other.overflowed) {
      overflow();
    }
    for (int i = 0; !overflowed && i < other.counts.length; i++) {
      if (other.counts[i] > 0) {
        add(other.keys[i], other.counts[i]);
      }
    }
  }

  /** The distinct values, ascending, and their counts; only when not overflowed. */
  Reservoir.Sample values() {
    if (overflowed) {
      throw new IllegalStateException("value counts overflowed");
    }
    double[] values = new double[size];
    int n = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        values[n++] = Double.longBitsToDouble(keys[i]);
      }
    }
    Arrays.sort(values);
    long[] c = new long[size];
    for (int i = 0; i < size; i++) {
      c[i] = counts[slot(Double.doubleToLongBits(values[i]))];
    }
    return new Reservoir.Sample(values, c);
  }

  private void add(long key, long count) {
    if (overflowed) {
      return;
    }
    int slot = slot(key);
    if (counts[slot] > 0) {
      counts[slot] += count;
      return;
    }
    if (size == limit) {
      overflow();
      return;
    }
    keys[slot] = key;
    counts[slot] = count;
    size++;
    if (2 * size > keys.length) {
      grow();
    }
  }

  /** The slot holding {@code key}, or the empty slot where it would go. */
  private int slot(long key) {
    int mask = keys.length - 1;
    int i = (int) RowHash.mix(key) & mask;
    while (counts[i] > 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new long[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldCounts[i] > 0) {
        int slot = slot(oldKeys[i]);
        keys[slot] = oldKeys[i];
        counts[slot] = oldCounts[i];
      }
    }
  }

  private void overflow() {
    overflowed = true;
    keys = new long[0];
    counts = new long[0];
    size = 0;
  }
}
