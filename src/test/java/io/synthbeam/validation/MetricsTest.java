package io.synthbeam.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each distribution metric against values worked out by hand (or with numpy, noted). */
class MetricsTest {
  private static final double NAN = Double.NaN;

  @Test
  void ksIsTheLargestGapBetweenTheEmpiricalDistributionFunctions() {
    // F_a - F_b at 1, 2, 3, 4: 1/3, 1/3, 1/3, 0.
    assertEquals(1 / 3.0, KolmogorovSmirnov.statistic(new double[] {1, 2, 3},
        new double[] {2, 3, 4}), 1e-12);
    // Ties: F_a(0) = 3/4 against F_b(0) = 1/4.
    assertEquals(0.5, KolmogorovSmirnov.statistic(new double[] {0, 0, 0, 1},
        new double[] {0, 1, 1, 1}), 1e-12);
    assertEquals(0, KolmogorovSmirnov.statistic(new double[] {5, 1, 3},
        new double[] {3, 5, 1}), 1e-12);
    assertEquals(1, KolmogorovSmirnov.statistic(new double[] {1, 2}, new double[] {3, 4}), 0);
  }

  @Test
  void ksIgnoresMissingValuesAndIsOneWhenASideIsEmpty() {
    assertEquals(1 / 3.0, KolmogorovSmirnov.statistic(new double[] {1, NAN, 2, 3},
        new double[] {2, 3, NAN, 4}), 1e-12);
    assertEquals(1, KolmogorovSmirnov.statistic(new double[] {NAN}, new double[] {1}), 0);
  }

  @Test
  void totalVariationIsHalfTheL1DistanceOfFrequencies() {
    // (1/2, 1/4, 1/4) against (1/4, 3/4, 0): (1/4 + 1/2 + 1/4) / 2.
    assertEquals(0.5, TotalVariation.distance(new int[] {0, 0, 1, 2}, new int[] {0, 1, 1, 1}, 3),
        1e-12);
    assertEquals(0.5, TotalVariation.distance(new long[] {0, 0, 1, 2}, new long[] {7, 1, 1, 0}),
        1e-12);
    assertEquals(0, TotalVariation.distance(new int[] {1, 0}, new int[] {0, 1, 1, 0}, 2), 1e-12);
    assertEquals(1, TotalVariation.distance(new int[] {0}, new int[] {1}, 2), 1e-12);
  }

  @Test
  void pearsonUsesRowsWhereBothArePresentAndIsZeroWhenUndefined() {
    // x = 1..4, y = 1,3,2,4: cov 4/4... r = 4 / sqrt(5 * 5) = 0.8.
    assertEquals(0.8, Correlation.pearson(new double[] {1, 2, 3, 4},
        new double[] {1, 3, 2, 4}), 1e-12);
    assertEquals(0.8, Correlation.pearson(new double[] {1, 2, NAN, 3, 4, 9},
        new double[] {1, 3, 5, 2, 4, NAN}), 1e-12);
    assertEquals(-1, Correlation.pearson(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
    assertEquals(0, Correlation.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3}), 0);
    assertEquals(0, Correlation.pearson(new double[] {1, NAN}, new double[] {1, 2}), 0);
  }

  @Test
  void quantileBinsMatchNumpysNanquantileAndDigitize() {
    // numpy: unique(nanquantile(1..10, linspace(0, 1, 11))) = 1, 1.9, 2.8, ..., 9.1, 10.
    QuantileBins bins = QuantileBins.fromReal(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    assertArrayEquals(new double[] {1.9, 2.8, 3.7, 4.6, 5.5, 6.4, 7.3, 8.2, 9.1},
        bins.innerEdges(), 1e-12);
    assertEquals(10, bins.bins());
    // numpy: digitize([1, 1.9, 2, 9.1, 10, 11, 0], edges[1:-1]) = 0 1 1 9 9 9 0.
    assertArrayEquals(new int[] {0, 1, 1, 9, 9, 9, 0, 10},
        bins.binAll(new double[] {1, 1.9, 2, 9.1, 10, 11, 0, NAN}));
  }

  @Test
  void quantileBinsDropRepeatedEdges() {
    // numpy: unique(nanquantile([0 x7, 1, 5, nan, 3], ...)) = 0, 0.3, 1.4, 3.2, 5;
    // digitize([0, .5, 1, 3, 4, 5, 6], [.3, 1.4, 3.2]) = 0 1 1 2 3 3 3.
    QuantileBins bins = QuantileBins.fromReal(new double[] {0, 0, 0, 0, 0, 0, 0, 1, 5, NAN, 3});
    assertArrayEquals(new double[] {0.3, 1.4, 3.2}, bins.innerEdges(), 1e-12);
    assertArrayEquals(new int[] {0, 1, 1, 2, 3, 3, 3},
        bins.binAll(new double[] {0, 0.5, 1, 3, 4, 5, 6}));
    assertEquals(1, QuantileBins.fromReal(new double[] {4, 4, 4}).bins());
  }

  @Test
  void cramersVIsOneForAFunctionAndZeroForIndependence() {
    assertEquals(1, CramersV.of(new int[] {0, 1, 2, 0, 1, 2}, new int[] {2, 0, 1, 2, 0, 1}, 3, 3),
        1e-12);
    assertEquals(0, CramersV.of(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}, 2, 2), 1e-12);
    assertEquals(0, CramersV.of(new int[] {0, 0, 0}, new int[] {0, 1, 0}, 1, 2), 0);
  }

  @Test
  void aucCountsTiesAsHalf() {
    assertEquals(1, Auc.of(new double[] {0.1, 0.2, 0.8, 0.9},
        new boolean[] {false, false, true, true}), 1e-12);
    // Pairs (pos, neg): (0.5 vs 0.5) tie, (0.5 vs 0.1) win, (0.9 vs both) wins: 3.5 / 4.
    assertEquals(0.875, Auc.of(new double[] {0.5, 0.9, 0.5, 0.1},
        new boolean[] {true, true, false, false}), 1e-12);
    assertTrue(Double.isNaN(Auc.of(new double[] {1, 2}, new boolean[] {true, true})));
  }

  @Test
  void macroF1AveragesOverTrueAndPredictedLabels() {
    List<String> truth = List.of("a", "a", "b", "b");
    List<String> predicted = List.of("a", "b", "b", "c");
    // F1: a = 2/3 (tp1 fp0 fn1), b = 1/2 (tp1 fp1 fn1), c = 0 (never true): mean 7/18.
    List<Map<String, Double>> probabilities = List.of(Map.of("a", 0.9), Map.of("a", 0.4),
        Map.of("a", 0.3), Map.of("a", 0.2));
    ClassificationScores scores = ClassificationScores.of(truth, predicted, probabilities);
    assertEquals(0.5, scores.accuracy(), 1e-12);
    assertEquals(7 / 18.0, scores.macroF1(), 1e-12);
    // Binary AUC of the larger label "b" with P(b) = 0 for all (unknown to the model): 0.5.
    assertEquals(0.5, scores.auc(), 1e-12);
    ClassificationScores byA = ClassificationScores.of(truth, predicted, List.of(
        Map.of("b", 0.1), Map.of("b", 0.6), Map.of("b", 0.7), Map.of("b", 0.8)));
    assertEquals(1, byA.auc(), 1e-12);
  }

  @Test
  void rSquaredAndRmse() {
    RegressionScores scores = RegressionScores.of(new double[] {1, 2, 3}, new double[] {1, 2, 4});
    assertEquals(1 - 1 / 2.0, scores.r2(), 1e-12);
    assertEquals(Math.sqrt(1 / 3.0), scores.rmse(), 1e-12);
  }

  @Test
  void rowSampleReproducesPandasSample() {
    // pandas: DataFrame({'a': range(10)}).sample(10, random_state=4).index
    assertArrayEquals(new int[] {3, 8, 4, 9, 2, 6, 0, 1, 5, 7}, RowSample.likePandas(10, 10, 4));
    // pandas: DataFrame({'a': range(32561)}).sample(2000, random_state=4).index[:10]
    int[] head = java.util.Arrays.copyOf(RowSample.likePandas(32561, 2000, 4), 10);
    assertArrayEquals(new int[] {28762, 4823, 3106, 11293, 7008, 30790, 21336, 13401, 16663,
        5235}, head);
    // pandas: DataFrame({'a': range(100000)}).sample(5000, random_state=1).index[:5]
    assertArrayEquals(new int[] {43660, 87278, 14317, 81932, 95321},
        java.util.Arrays.copyOf(RowSample.likePandas(100000, 5000, 1), 5));
    assertEquals(3, RowSample.likePandas(3, 10, 1).length);
  }

  @Test
  void categoryTextFollowsPandasAstypeStr() {
    assertEquals("3", Values.category(3));
    assertEquals("3", Values.category(3L));
    assertEquals("3", Values.category(3.0));
    assertEquals("2.5", Values.category(2.5));
    assertEquals("7", Values.category("7.0"));
    assertEquals("<NA>", Values.category(null));
    assertEquals("True", Values.category(true));
    assertEquals(86400.0 * 2, Values.number("1970-01-03", 1), 0);
    assertEquals(86400.0 * 2, Values.number(2, 86400), 0);
    assertTrue(Double.isNaN(Values.number("n/a", 1)));
    assertEquals(4.5, Values.number("4.5", 1), 0);
  }
}
