package io.synthbeam.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The accumulator's bounded parts: the reservoir and the capped counters. */
class SamplingStructuresTest {

  @Test
  void reservoirKeepsTheSmallestPrioritiesWithExactCountsWhateverTheSharding() {
    int capacity = 50;
    Reservoir single = new Reservoir(capacity);
    Reservoir[] shards = {new Reservoir(capacity), new Reservoir(capacity),
        new Reservoir(capacity)};
    SplittableRandom rng = new SplittableRandom(1);
    long[] priorities = new long[5000];
    for (int i = 0; i < priorities.length; i++) {
      priorities[i] = RowHash.mix(i);
    }
    for (int n = 0; n < 20_000; n++) {
      // Rows repeat: row i has value i and priority mix(i).
      int row = rng.nextInt(priorities.length);
      single.add(priorities[row], row);
      shards[rng.nextInt(3)].add(priorities[row], row);
    }
    shards[2].merge(shards[0]);
    shards[1].merge(shards[2]);
    Reservoir.Sample a = single.sample();
    Reservoir.Sample b = shards[1].sample();
    assertArrayEquals(a.values(), b.values());
    assertArrayEquals(a.counts(), b.counts());
    assertEquals(capacity, a.values().length);

    // Exactly the rows of the 50 smallest priorities among those seen, with all occurrences.
    SplittableRandom again = new SplittableRandom(1);
    long[] expected = new long[priorities.length];
    for (int n = 0; n < 20_000; n++) {
      int row = again.nextInt(priorities.length);
      again.nextInt(3);
      expected[row]++;
    }
    long[] seen = java.util.stream.IntStream.range(0, priorities.length)
        .filter(row -> expected[row] > 0).mapToLong(row -> priorities[row]).sorted().toArray();
    long cut = seen[capacity - 1];
    for (int i = 0; i < a.values().length; i++) {
      int row = (int) a.values()[i];
      assertTrue(priorities[row] <= cut);
      assertEquals(expected[row], a.counts()[i]);
    }
  }

  @Test
  void serializingOrSamplingLeavesTheReservoirUntouched() throws Exception {
    // A runner may encode an accumulator on one thread while another reads it: neither may
    // compact the buffer in place (CI once failed with an index out of bounds from exactly that).
    Reservoir reservoir = new Reservoir(50);
    for (int row = 0; row < 75; row++) {
      reservoir.add(RowHash.mix(row), row);
    }
    java.lang.reflect.Field size = Reservoir.class.getDeclaredField("size");
    size.setAccessible(true);
    assertEquals(75, size.getInt(reservoir), "75 adds buffered, not yet compacted");

    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(reservoir);
    }
    Reservoir.Sample sampled = reservoir.sample();
    assertEquals(75, size.getInt(reservoir));

    Reservoir copy;
    try (var in = new java.io.ObjectInputStream(
        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (Reservoir) in.readObject();
    }
    assertEquals(50, size.getInt(copy), "only the kept entries are shipped");
    assertArrayEquals(sampled.values(), copy.sample().values());
    assertArrayEquals(sampled.counts(), copy.sample().counts());
  }

  @Test
  void valueCountsAreExactUntilTheLimitThenGiveUp() {
    ValueCounts counts = new ValueCounts(100);
    ValueCounts other = new ValueCounts(100);
    for (int i = 0; i < 1000; i++) {
      (i % 2 == 0 ? counts : other).add(i % 100);
    }
    counts.merge(other);
    Reservoir.Sample values = counts.values();
    assertEquals(100, values.values().length);
    assertEquals(0.0, values.values()[0]);
    assertEquals(99.0, values.values()[99]);
    assertTrue(Arrays.stream(values.counts()).allMatch(c -> c == 10));

    counts.add(100.5);
    assertTrue(counts.overflowed());
    assertThrows(IllegalStateException.class, counts::values);
    ValueCounts fresh = new ValueCounts(100);
    fresh.merge(counts);
    assertTrue(fresh.overflowed());
  }

  @Test
  void categoryCountsForgetTheirValuesOnceOverTheLimit() {
    CategoryCounts counts = new CategoryCounts(3);
    for (String s : new String[] {"a", "b", "a", "c"}) {
      counts.add(s);
    }
    counts.addNull();
    assertEquals(2, counts.counts().get("a")[0]);
    assertEquals(1, counts.nulls);
    counts.add("d");
    assertTrue(counts.overflowed);
    assertTrue(counts.counts().isEmpty());
    counts.add("e");
    assertTrue(counts.counts().isEmpty());

    CategoryCounts merged = new CategoryCounts(3);
    CategoryCounts small = new CategoryCounts(3);
    small.add("x");
    merged.merge(small);
    merged.merge(counts);
    assertTrue(merged.overflowed);
  }
}
