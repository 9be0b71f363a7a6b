package io.synthbeam.validation.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The k-d tree returns exactly the brute-force nearest distance. */
class NearestNeighbourIndexTest {

  /** Random points: values on a coarse grid (many ties and duplicates), few categories. */
  private static MixedPoints random(int n, int continuous, int categorical, int categories,
      SplittableRandom random) {
    double[] numbers = new double[n * continuous];
    int[] codes = new int[n * categorical];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = random.nextInt(8) / 7.0 + (random.nextInt(4) == 0 ? random.nextDouble() : 0);
    }
    for (int i = 0; i < codes.length; i++) {
      codes[i] = random.nextInt(random.nextInt(3) == 0 ? categories + 2 : categories);
    }
    return new MixedPoints(n, continuous, categorical, numbers, codes);
  }

  private static double bruteForce(MixedPoints index, MixedPoints queries, int q) {
    double best = Double.POSITIVE_INFINITY;
    for (int p = 0; p < index.size(); p++) {
      best = Math.min(best, queries.distance(q, index, p));
    }
    return best;
  }

  @ParameterizedTest(name = "{0} points, {1} continuous, {2} categorical, {3} categories")
  @CsvSource({"1, 2, 2, 3", "7, 1, 0, 1", "300, 3, 2, 3", "500, 0, 4, 5", "600, 4, 0, 1",
      "800, 2, 6, 2", "1000, 5, 3, 12"})
  void equalsBruteForce(int n, int continuous, int categorical, int categories) {
    SplittableRandom random = new SplittableRandom(n * 31L + continuous);
    MixedPoints points = random(n, continuous, categorical, categories, random);
    MixedPoints queries = random(200, continuous, categorical, categories, random);
    NearestNeighbourIndex index = NearestNeighbourIndex.build(points);
    double[] parallel = index.nearestAll(queries, 2);
    for (int q = 0; q < queries.size(); q++) {
      double expected = bruteForce(points, queries, q);
      assertEquals(expected, index.nearest(queries, q), 0, "query " + q);
      assertEquals(expected, parallel[q], 0, "query " + q + " on two threads");
    }
    // Every indexed point is at distance 0 from itself.
    for (int p = 0; p < Math.min(50, n); p++) {
      assertEquals(0, index.nearest(points, p), 0);
    }
  }
}
