package io.synthbeam.table.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GaussianTailTest {
  @Test
  void upperTailMatchesTabulatedValues() {
    // Q(z) = erfc(z / sqrt 2) / 2, values from Abramowitz and Stegun, table 26.1 and 26.2 (and
    // any statistics package).
    double[][] table = {
        {0, 0.5},
        {1, 0.15865525393145707},
        {-1, 0.8413447460685429},
        {2, 0.022750131948179195},
        {2.5, 0.006209665325776132},
        {3, 0.0013498980316301035},
        {5, 2.866515718791939e-07},
        {8, 6.220960574271785e-16},
        {20, 2.7536241186062337e-89}};
    for (double[] row : table) {
      assertEquals(row[1], GaussianTail.upper(row[0]), 1e-12 * row[1], "Q(" + row[0] + ")");
    }
  }

  @Test
  void inverseUndoesTheTail() {
    for (double p : new double[] {0.5, 0.1, 1e-3, 1e-6, 1e-9, 1e-15, 0.97}) {
      assertEquals(p, GaussianTail.upper(GaussianTail.inverseUpper(p)), 1e-10 * p);
    }
    assertThrows(IllegalArgumentException.class, () -> GaussianTail.inverseUpper(0));
  }

  @Test
  void aOneRowKeyClearsTheThresholdWithProbabilityDelta() {
    double sigma = 7.5;
    double threshold = GaussianTail.selectionThreshold(sigma, 1e-6);
    assertEquals(1e-6, GaussianTail.upper((threshold - 1) / sigma), 1e-15);
    assertEquals(1 + sigma * 4.753424308822899, threshold, 1e-9);
  }
}
