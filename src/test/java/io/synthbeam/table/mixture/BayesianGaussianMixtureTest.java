package io.synthbeam.table.mixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BayesianGaussianMixtureTest {

  private static double gaussian(SplittableRandom rng) {
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  /** 30% N(-5, 1), 50% N(0, 0.5), 20% N(6, 2). */
  private static double[] threeComponents(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble();
      double g = gaussian(rng);
      x[i] = u < 0.3 ? -5 + g : u < 0.8 ? 0.5 * g : 6 + 2 * g;
    }
    return x;
  }

  private static double[] ones(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1);
    return w;
  }

  @Test
  void recoversAKnownThreeComponentMixtureAndDropsTheOtherComponents() {
    double[] x = threeComponents(20_000, 7);
    MixtureFit fit = new BayesianGaussianMixture(10).fit(x, ones(x.length))
        .withoutLightComponents(0.005);
    assertEquals(3, fit.components(), () -> describe(fit));
    assertArrayEquals(new double[] {-5, 0, 6}, fit.means(), 0.1, () -> describe(fit));
    assertArrayEquals(new double[] {1, 0.5, 2}, fit.stds(), 0.1, () -> describe(fit));
    assertArrayEquals(new double[] {0.3, 0.5, 0.2}, fit.weights(), 0.02, () -> describe(fit));
    assertTrue(fit.converged());
  }

  @Test
  void aSingleGaussianNeedsOneComponent() {
    SplittableRandom rng = new SplittableRandom(3);
    double[] x = new double[10_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = 1000 + 30 * gaussian(rng);
    }
    MixtureFit fit = new BayesianGaussianMixture(10).fit(x, ones(x.length));
    assertEquals(1, fit.components(), () -> describe(fit));
    assertEquals(1000, fit.means()[0], 2);
    assertEquals(30, fit.stds()[0], 1);
    assertEquals(1, fit.weights()[0], 1e-12);
  }

  @Test
  void weightsCountAsRepeatedValues() {
    // Values 0..9 repeated with counts, against the same data passed value by value.
    double[] values = new double[40];
    double[] counts = new double[40];
    double[] repeated = new double[0];
    for (int i = 0; i < values.length; i++) {
      values[i] = i < 20 ? i * 0.1 : 10 + i * 0.1;
      counts[i] = 1 + i % 3;
      for (int c = 0; c < counts[i]; c++) {
        repeated = Arrays.copyOf(repeated, repeated.length + 1);
        repeated[repeated.length - 1] = values[i];
      }
    }
    MixtureFit weighted = new BayesianGaussianMixture(5).fit(values, counts);
    MixtureFit plain = new BayesianGaussianMixture(5).fit(repeated, ones(repeated.length));
    assertEquals(2, weighted.components(), () -> describe(weighted));
    assertArrayEquals(plain.means(), weighted.means(), 1e-6);
    assertArrayEquals(plain.stds(), weighted.stds(), 1e-6);
  }

  @Test
  void isDeterministicAndIndependentOfInputOrder() {
    double[] x = threeComponents(5_000, 11);
    MixtureFit first = new BayesianGaussianMixture(10).fit(x, ones(x.length));
    double[] shuffled = x.clone();
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = shuffled.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      double t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    MixtureFit second = new BayesianGaussianMixture(10).fit(shuffled, ones(x.length));
    assertArrayEquals(first.means(), second.means(), 0);
    assertArrayEquals(first.weights(), second.weights(), 0);
  }

  @Test
  void handlesTinyAndDegenerateInputs() {
    MixtureFit one = new BayesianGaussianMixture(10).fit(new double[] {5}, new double[] {3});
    assertEquals(1, one.components());
    assertEquals(5, one.means()[0], 1e-9);
    assertTrue(one.stds()[0] > 0);

    MixtureFit two = new BayesianGaussianMixture(10).fit(new double[] {1, 2}, new double[] {1, 1});
    assertTrue(two.components() >= 1);
    for (double s : two.stds()) {
      assertTrue(s > 0 && Double.isFinite(s));
    }
    assertThrows(IllegalArgumentException.class,
        () -> new BayesianGaussianMixture(3).fit(new double[] {1, Double.NaN}, ones(2)));
    assertThrows(IllegalArgumentException.class,
        () -> new BayesianGaussianMixture(3).fit(new double[] {1, 2}, new double[] {0, 0}));
  }

  @Test
  void droppingLightComponentsRenormalises() {
    MixtureFit fit = new MixtureFit(new double[] {0.001, 0.599, 0.4}, new double[] {1, 2, 3},
        new double[] {1, 1, 1}, 1, true);
    MixtureFit kept = fit.withoutLightComponents(0.005);
    assertArrayEquals(new double[] {2, 3}, kept.means());
    assertEquals(1, kept.weights()[0] + kept.weights()[1], 1e-12);
    assertEquals(0.599 / 0.999, kept.weights()[0], 1e-12);
  }

  @Test
  void digammaAndLogGammaMatchKnownValues() {
    assertEquals(-0.5772156649015329, SpecialFunctions.digamma(1), 1e-12);
    assertEquals(1.2561176684318005, SpecialFunctions.digamma(4), 1e-12);
    assertEquals(-1000.5755719318, SpecialFunctions.digamma(0.001), 1e-9);
    assertEquals(Math.log(24), SpecialFunctions.logGamma(5), 1e-12);
    assertEquals(0.5 * Math.log(Math.PI), SpecialFunctions.logGamma(0.5), 1e-12);
  }

  private static String describe(MixtureFit fit) {
    return "weights " + Arrays.toString(fit.weights()) + " means " + Arrays.toString(fit.means())
        + " stds " + Arrays.toString(fit.stds());
  }
}
