package io.synthbeam.privacy.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SampledGaussianRdpTest {
  @Test
  void fullBatchIsTheGaussianMechanismExactly() {
    // q = 1: RDP of the Gaussian mechanism with sensitivity 1, alpha / (2 sigma^2) (Mironov 2017,
    // Table II).
    for (double sigma : new double[] {0.3, 1.0, 1.1, 4.0, 100.0}) {
      for (double alpha : new double[] {1.25, 2.0, 2.5, 7.0, 64.0, 512.0}) {
        assertEquals(alpha / (2 * sigma * sigma), SampledGaussianRdp.rdp(1.0, sigma, alpha), 0.0,
            "sigma " + sigma + " alpha " + alpha);
      }
    }
  }

  @Test
  void orderTwoMatchesItsClosedForm() {
    // A_2 = (1-q)^2 + 2q(1-q) + q^2 e^{1/sigma^2} = 1 + q^2 (e^{1/sigma^2} - 1).
    for (double q : new double[] {1e-6, 1e-4, 0.004, 0.01, 0.3, 0.9}) {
      for (double sigma : new double[] {0.5, 1.0, 4.0, 50.0}) {
        double expected = Math.log1p(q * q * Math.expm1(1 / (sigma * sigma)));
        assertEquals(expected, SampledGaussianRdp.rdp(q, sigma, 2.0), 1e-12 * expected,
            "q " + q + " sigma " + sigma);
      }
    }
  }

  @Test
  void smallSamplingRateIsQuadraticInQ() {
    // Privacy amplification by sampling: for small q the RDP at order 2 is q^2 (e^{1/s^2} - 1)
    // to first order, so halving q quarters it.
    double sigma = 1.0;
    double r1 = SampledGaussianRdp.rdp(1e-4, sigma, 2.0);
    double r2 = SampledGaussianRdp.rdp(5e-5, sigma, 2.0);
    assertEquals(4.0, r1 / r2, 1e-6);
    assertEquals(1e-8 * Math.expm1(1.0), r1, 1e-7 * r1);
  }

  @Test
  void seriesMatchesNumericalIntegrationAtFractionalAndIntegerOrders() {
    double[][] cases = {
        // q, sigma, alpha
        {0.01, 1.0, 1.1}, {0.01, 1.0, 2.5}, {0.004, 1.1, 8.3}, {0.1, 2.0, 1.25},
        {0.5, 1.0, 1.25}, {0.5, 3.0, 3.75}, {0.3, 0.5, 3.7}, {0.9, 2.0, 2.5},
        {0.999, 5.0, 4.5}, {1e-4, 1.0, 1.5}, {0.05, 0.7, 20.5}, {0.01, 4.0, 33.3},
        {0.01, 1.0, 3.0}, {0.2, 0.8, 12.0}, {0.6, 1.5, 5.0},
    };
    for (double[] c : cases) {
      double expected = NumericalRdp.logA(c[0], c[1], c[2]);
      double actual = SampledGaussianRdp.logA(c[0], c[1], c[2]);
      assertEquals(expected, actual, 1e-8 * expected,
          "q " + c[0] + " sigma " + c[1] + " alpha " + c[2]);
    }
  }

  @Test
  void fractionalSeriesJoinsTheIntegerFormulaContinuously() {
    for (double[] c : new double[][] {{0.01, 1.0}, {0.3, 0.7}, {0.5, 30.0}}) {
      for (double alpha : new double[] {2.0, 3.0, 10.0}) {
        double atInteger = SampledGaussianRdp.rdp(c[0], c[1], alpha);
        double below = SampledGaussianRdp.rdp(c[0], c[1], alpha - 1e-7);
        double above = SampledGaussianRdp.rdp(c[0], c[1], alpha + 1e-7);
        assertTrue(below <= atInteger * (1 + 1e-9) && atInteger <= above * (1 + 1e-9),
            "not monotone across " + alpha + ": " + below + " " + atInteger + " " + above);
        assertEquals(atInteger, below, 1e-5 * atInteger);
        assertEquals(atInteger, above, 1e-5 * atInteger);
      }
    }
  }

  @Test
  void rdpGrowsWithOrderAndSamplingRateAndFallsWithNoise() {
    double[] orders = RdpOrders.defaults();
    for (double q : new double[] {0.001, 0.01, 0.2}) {
      for (double sigma : new double[] {0.5, 1.0, 3.0}) {
        double[] rdp = SampledGaussianRdp.rdp(q, sigma, orders);
        for (int i = 1; i < rdp.length; i++) {
          // Renyi divergence is non-decreasing in its order.
          assertTrue(rdp[i] >= rdp[i - 1] * (1 - 1e-9), "order " + orders[i] + " q " + q);
        }
        for (double order : new double[] {1.5, 2.0, 8.0, 32.0}) {
          double r = SampledGaussianRdp.rdp(q, sigma, order);
          assertTrue(SampledGaussianRdp.rdp(q * 1.5, sigma, order) > r, "q");
          assertTrue(SampledGaussianRdp.rdp(q, sigma * 1.2, order) < r, "sigma");
        }
      }
    }
  }

  @Test
  void extremeParametersGiveFiniteNonNegativeValues() {
    for (double q : new double[] {1e-9, 1e-5, 0.5, 0.99, 0.999999}) {
      for (double sigma : new double[] {0.05, 0.3, 1.0, 30.0, 1e4}) {
        for (double order : new double[] {1.01, 1.1, 2.5, 64.0, 256.1, 512.0}) {
          double r = SampledGaussianRdp.rdp(q, sigma, order);
          assertTrue(r >= 0.0 && !Double.isNaN(r) && !Double.isInfinite(r),
              "q " + q + " sigma " + sigma + " order " + order + " gave " + r);
          assertTrue(r <= order / (2 * sigma * sigma) * (1 + 1e-9),
              "sampling can only help: q " + q + " sigma " + sigma + " order " + order);
        }
      }
    }
  }

  @Test
  void degenerateCases() {
    assertEquals(0.0, SampledGaussianRdp.rdp(0.0, 1.0, 2.0));
    assertEquals(Double.POSITIVE_INFINITY, SampledGaussianRdp.rdp(0.01, 0.0, 2.0));
    assertEquals(Double.POSITIVE_INFINITY,
        SampledGaussianRdp.rdp(0.01, 1.0, Double.POSITIVE_INFINITY));
  }

  @Test
  void badArgumentsAreNamed() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SampledGaussianRdp.rdp(1.5, 1.0, 2.0)).getMessage().contains("q"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SampledGaussianRdp.rdp(0.1, -1.0, 2.0)).getMessage().contains("sigma"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SampledGaussianRdp.rdp(0.1, 1.0, 1.0)).getMessage().contains("order"));
  }
}
