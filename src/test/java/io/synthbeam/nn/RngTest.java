package io.synthbeam.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RngTest {
  private static final long[] PINNED_SEED_42 =
      {6620572203934584811L, -2669530592065446091L, 2183803562591277789L};

  private static long[] longs(Rng rng, int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = rng.nextLong();
    }
    return out;
  }

  @Test
  void xoshiroMatchesReferenceOutputs() {
    // Outputs of the reference xoshiro256** from the state {1, 2, 3, 4}.
    assertArrayEquals(new long[] {11520L, 0L, 1509978240L, 1215971899390074240L},
        longs(Rng.fromState(1, 2, 3, 4), 4));
    // SplitMix64's first output from seed 0.
    assertEquals(0xe220a8397b1dcdafL, Rng.mix64(0x9e3779b97f4a7c15L));
  }

  @Test
  void seededSequenceIsPinned() {
    // Changing these values changes every seeded model and sample: do it only on purpose.
    assertArrayEquals(PINNED_SEED_42, longs(new Rng(42), 3));
  }

  @Test
  void sameSeedSameSequence() {
    assertArrayEquals(longs(new Rng(42), 100), longs(new Rng(42), 100));
    assertArrayEquals(longs(new Rng(42, 3), 100), longs(new Rng(42, 3), 100));
    float[] a = new float[50];
    float[] b = new float[50];
    new Rng(9).fillGaussian(a, 0, 50);
    new Rng(9).fillGaussian(b, 0, 50);
    assertArrayEquals(a, b);
    assertArrayEquals(longs(new Rng(5).split(), 20), longs(new Rng(5).split(), 20));
  }

  @Test
  void seedsStreamsAndSplitsDiffer() {
    long[] base = longs(new Rng(42), 10);
    assertNotEquals(base[0], longs(new Rng(43), 10)[0]);
    assertNotEquals(base[0], longs(new Rng(42, 1), 10)[0]);
    assertNotEquals(longs(new Rng(42, 1), 10)[0], longs(new Rng(42, 2), 10)[0]);
    Rng parent = new Rng(42);
    Rng child1 = parent.split();
    Rng child2 = parent.split();
    assertNotEquals(child1.nextLong(), child2.nextLong());
    // Seed 0 must not give a degenerate stream.
    long[] zero = longs(new Rng(0), 4);
    assertTrue(zero[0] != 0 || zero[1] != 0);
  }

  @Test
  void uniformRangesAndBalance() {
    Rng rng = new Rng(1);
    int n = 100_000;
    int[] counts = new int[7];
    double sumF = 0;
    for (int i = 0; i < n; i++) {
      counts[rng.nextInt(7)]++;
      float f = rng.nextFloat();
      double d = rng.nextDouble();
      assertTrue(f >= 0f && f < 1f);
      assertTrue(d >= 0.0 && d < 1.0);
      sumF += f;
    }
    for (int c : counts) {
      assertEquals(n / 7.0, c, 600); // std ~ 111
    }
    assertEquals(0.5, sumF / n, 0.005);
    assertThrows(IllegalArgumentException.class, () -> rng.nextInt(0));
    assertEquals(0, rng.nextInt(1));
  }

  @Test
  void gaussianMoments() {
    Rng rng = new Rng(3);
    int n = 200_000;
    float[] x = new float[n];
    rng.fillGaussian(x, 0, n);
    double s = 0;
    double s2 = 0;
    double s4 = 0;
    for (float v : x) {
      s += v;
      s2 += v * v;
      s4 += (double) v * v * v * v;
    }
    double mean = s / n;
    double var = s2 / n - mean * mean;
    assertEquals(0.0, mean, 0.01);
    assertEquals(1.0, var, 0.015);
    assertEquals(3.0, s4 / n, 0.1); // kurtosis of a normal
  }

  @Test
  void gumbelMoments() {
    Rng rng = new Rng(4);
    int n = 200_000;
    double s = 0;
    double s2 = 0;
    for (int i = 0; i < n; i++) {
      double g = rng.nextGumbel();
      assertTrue(Double.isFinite(g));
      s += g;
      s2 += g * g;
    }
    double mean = s / n;
    double var = s2 / n - mean * mean;
    assertEquals(0.5772156649, mean, 0.01); // Euler-Mascheroni constant
    assertEquals(Math.PI * Math.PI / 6, var, 0.03);
  }
}
