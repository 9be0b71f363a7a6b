package io.synthbeam.gan.ctgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.nn.Rng;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** GumbelMax must draw what the plain loop draws, and leave the generator where it leaves it. */
class GumbelMaxTest {

  @Test
  void drawsWhatThePlainLoopDrawsForEveryKindOfLogits() {
    SplittableRandom random = new SplittableRandom(11);
    GumbelMax gumbelMax = new GumbelMax(64);
    for (int trial = 0; trial < 50_000; trial++) {
      int length = 1 + random.nextInt(trial % 7 == 0 ? 2 : 64);
      float[] raw = logits(random, trial % 9, length);
      int offset = random.nextInt(3);
      float[] shifted = new float[offset + length];
      System.arraycopy(raw, 0, shifted, offset, length);
      long seed = random.nextLong();
      Rng expectedRng = new Rng(seed);
      Rng actualRng = new Rng(seed);
      int expected = plainLoop(raw, expectedRng);
      int actual = gumbelMax.draw(shifted, offset, length, actualRng);
      assertEquals(expected, actual, () -> "logits " + Arrays.toString(raw));
      assertEquals(expectedRng.nextLong(), actualRng.nextLong(), "the generator's state");
    }
  }

  @Test
  void theBoundIsAboveEveryGumbelSample() {
    SplittableRandom random = new SplittableRandom(12);
    long[] edges = {0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, -2048L, -4096L, 1L << 11};
    for (long bits : edges) {
      assertTrue(above(GumbelMax.upperBound(bits), Rng.gumbel(bits)), "bits " + bits);
    }
    double worstGap = 0;
    for (int i = 0; i < 500_000; i++) {
      // Half the draws with u close to 1, where Gumbel samples are large.
      long bits = i % 2 == 0 ? random.nextLong() : -1L - random.nextLong(1L << (i % 50 + 11));
      double g = Rng.gumbel(bits);
      double bound = GumbelMax.upperBound(bits);
      assertTrue(above(bound, g), "bits " + bits + ": bound " + bound + " < " + g);
      if (g > 1 && Double.isFinite(g)) {
        worstGap = Math.max(worstGap, bound - g);
      }
    }
    assertTrue(worstGap < 0.1, "the bound is loose where skipping matters: " + worstGap);
  }

  /**
   * The bound holds in exact arithmetic; the computed sample may pass it by its roundings (where
   * the bound is exact, w a power of 2), which draw's margin covers many times over.
   */
  private static boolean above(double bound, double g) {
    return bound >= g || bound >= g - 1e-12 * (1 + Math.abs(g));
  }

  /** Logits of several shapes: peaked, flat, tied, huge, tiny, with infinities and NaN. */
  private static float[] logits(SplittableRandom random, int kind, int length) {
    float[] raw = new float[length];
    for (int i = 0; i < length; i++) {
      raw[i] = switch (kind) {
        case 0 -> (float) random.nextGaussian(); // flat
        case 1 -> (float) (random.nextGaussian() * 8); // peaked
        case 2 -> random.nextInt(3); // many equal logits
        case 3 -> 1e6f + random.nextInt(2); // large: float sums tie often
        case 4 -> (float) (random.nextGaussian() * 1e-3);
        case 5 -> i == length / 2 ? 30f : -30f; // one dominant category
        case 6 -> random.nextInt(10) == 0 ? Float.POSITIVE_INFINITY : (float) random.nextGaussian();
        case 7 -> random.nextInt(10) == 0 ? Float.NaN : (float) random.nextGaussian();
        default -> random.nextInt(4) == 0 ? Float.NEGATIVE_INFINITY : -1e4f * random.nextInt(3);
      };
    }
    return raw;
  }

  private static int plainLoop(float[] raw, Rng rng) {
    int best = 0;
    float bestValue = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < raw.length; i++) {
      float v = raw[i] + (float) rng.nextGumbel();
      if (v > bestValue) {
        bestValue = v;
        best = i;
      }
    }
    return best;
  }
}
