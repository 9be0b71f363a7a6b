package io.synthbeam.table.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoiseSourceTest {
  @Test
  void sameSeedAndStreamGiveTheSameNoise() {
    NoiseSource a = new NoiseSource(42, "counts/3");
    NoiseSource b = new NoiseSource(42, "counts/3");
    for (int i = 0; i < 100; i++) {
      assertEquals(a.gaussian(), b.gaussian());
    }
  }

  @Test
  void otherSeedsOrStreamsGiveOtherNoise() {
    double base = new NoiseSource(42, "counts/3").gaussian();
    assertNotEquals(base, new NoiseSource(43, "counts/3").gaussian());
    assertNotEquals(base, new NoiseSource(42, "counts/4").gaussian());
    // The name is length-prefixed, so seed and name cannot run into each other.
    assertNotEquals(new NoiseSource(42, "a").uniform(), new NoiseSource(42, "a\0").uniform());
  }

  @Test
  void gaussiansAreStandardNormal() {
    NoiseSource noise = new NoiseSource(7, "moments");
    int n = 200_000;
    double sum = 0;
    double squares = 0;
    int beyondTwo = 0;
    for (int i = 0; i < n; i++) {
      double g = noise.gaussian();
      sum += g;
      squares += g * g;
      beyondTwo += Math.abs(g) > 2 ? 1 : 0;
    }
    // Standard errors: mean 1/sqrt(n) = 0.0022, variance sqrt(2/n) = 0.0032, tail share 0.00033.
    assertEquals(0, sum / n, 0.012);
    assertEquals(1, squares / n, 0.016);
    assertEquals(0.0455, (double) beyondTwo / n, 0.002);
  }

  @Test
  void uniformsStayInsideTheOpenInterval() {
    NoiseSource noise = new NoiseSource(1, "u");
    for (int i = 0; i < 10_000; i++) {
      double u = noise.uniform();
      assertTrue(u > 0 && u < 1, "uniform " + u);
    }
  }
}
