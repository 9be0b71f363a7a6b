package io.synthbeam.privacy.accounting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RdpAccountantTest {
  private static final double Q = 256.0 / 60_000;
  private static final double DELTA = 1e-5;

  @Test
  void compositionAddsRdpOrderByOrder() {
    RdpAccountant a = RdpAccountant.create().compose(Q, 1.1, 300).compose(Q, 1.1, 700);
    RdpAccountant b = RdpAccountant.create().compose(Q, 1.1, 1000);
    double[] expected = b.curve().rdp();
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], a.curve().rdp()[i], 1e-12 * expected[i]);
    }
    assertEquals(List.of(new SampledGaussianSteps(Q, 1.1, 1000)), a.compositions());

    // Mixed runs: the curve is the sum of each run's curve.
    RdpAccountant mixed = RdpAccountant.create().compose(Q, 1.1, 1000).compose(0.05, 2.0, 40)
        .compose(Q, 1.1, 10);
    double[] orders = RdpOrders.defaults();
    double[] first = RdpCurve.sampledGaussian(Q, 1.1, orders).times(1010).rdp();
    double[] second = RdpCurve.sampledGaussian(0.05, 2.0, orders).times(40).rdp();
    double[] rdp = mixed.curve().rdp();
    for (int i = 0; i < orders.length; i++) {
      assertEquals(first[i] + second[i], rdp[i], 1e-12 * rdp[i], "order " + orders[i]);
    }
    assertEquals(1050, mixed.totalSteps());
    assertEquals(3, mixed.compositions().size());
  }

  @Test
  void composingReturnsANewAccountantAndLeavesTheOldOneAlone() {
    RdpAccountant before = RdpAccountant.create().compose(Q, 1.1, 10);
    double epsBefore = before.epsilon(DELTA).epsilon();
    RdpAccountant after = before.compose(Q, 1.1, 1000);
    assertEquals(epsBefore, before.epsilon(DELTA).epsilon());
    assertEquals(10, before.totalSteps());
    assertTrue(after.epsilon(DELTA).epsilon() > epsBefore);
  }

  @Test
  void stepByStepEqualsAllAtOnce() {
    RdpAccountant stepwise = RdpAccountant.create();
    for (int t = 0; t < 500; t++) {
      stepwise = stepwise.compose(Q, 1.1, 1);
    }
    double expected = RdpAccountant.epsilon(Q, 1.1, 500, DELTA).epsilon();
    assertEquals(expected, stepwise.epsilon(DELTA).epsilon(), 1e-10 * expected);
  }

  @Test
  void epsilonFallsWithNoiseAndGrowsWithStepsAndSamplingRate() {
    double eps = RdpAccountant.epsilon(Q, 1.1, 5000, DELTA).epsilon();
    assertTrue(RdpAccountant.epsilon(Q, 1.3, 5000, DELTA).epsilon() < eps);
    assertTrue(RdpAccountant.epsilon(Q, 1.1, 6000, DELTA).epsilon() > eps);
    assertTrue(RdpAccountant.epsilon(2 * Q, 1.1, 5000, DELTA).epsilon() > eps);
    assertTrue(RdpAccountant.epsilon(Q, 1.1, 5000, 1e-7).epsilon() > eps);
    double previous = 0;
    for (double sigma = 5.0; sigma > 0.4; sigma *= 0.8) {
      double e = RdpAccountant.epsilon(0.01, sigma, 1000, DELTA).epsilon();
      assertTrue(e > previous, "sigma " + sigma);
      previous = e;
    }
  }

  @Test
  void improvedConversionIsNeverAboveClassic() {
    RdpCurve curve = RdpCurve.sampledGaussian(Q, 1.1, RdpOrders.defaults()).times(14_063);
    for (double delta : new double[] {1e-3, 1e-5, 1e-9}) {
      DpGuarantee improved = curve.epsilon(delta, DpConversion.IMPROVED);
      DpGuarantee classic = curve.epsilon(delta, DpConversion.CLASSIC);
      assertTrue(improved.epsilon() < classic.epsilon(), "delta " + delta);
      assertEquals(DpConversion.IMPROVED, curve.epsilon(delta).conversion(), "default");
    }
  }

  @Test
  void deltaAndEpsilonInvertEachOther() {
    RdpCurve curve = RdpCurve.sampledGaussian(0.01, 1.0, RdpOrders.defaults()).times(2000);
    for (DpConversion conversion : DpConversion.values()) {
      for (double delta : new double[] {1e-4, 1e-6, 1e-10}) {
        double eps = curve.epsilon(delta, conversion).epsilon();
        assertEquals(delta, curve.delta(eps, conversion), 1e-9 * delta, conversion + " " + delta);
      }
    }
  }

  @Test
  void rdpConversionIsNeverTighterThanTheExactGaussianGuarantee() {
    // Balle and Wang 2018 (arXiv 1805.06530), Theorem 8: the Gaussian mechanism with
    // sensitivity 1 and noise sigma is (eps, delta)-DP exactly for
    // delta = Phi(1/(2 sigma) - eps sigma) - e^eps Phi(-1/(2 sigma) - eps sigma).
    // A sound RDP conversion can only report a larger delta.
    for (double sigma : new double[] {0.8, 2.0, 5.0}) {
      RdpCurve curve = RdpCurve.sampledGaussian(1.0, sigma, RdpOrders.defaults());
      for (double eps : new double[] {0.1, 0.5, 1.0, 3.0}) {
        double exact = phi(1 / (2 * sigma) - eps * sigma)
            - Math.exp(eps) * phi(-1 / (2 * sigma) - eps * sigma);
        for (DpConversion conversion : DpConversion.values()) {
          assertTrue(curve.delta(eps, conversion) >= exact,
              conversion + " sigma " + sigma + " eps " + eps);
        }
      }
    }
  }

  private static double phi(double x) {
    return 0.5 * Math.exp(LogMath.logErfc(-x / Math.sqrt(2)));
  }

  @Test
  void maxStepsIsTheLastStepWithinBudget() {
    for (double target : new double[] {1.0, 3.0, 10.0}) {
      long steps = RdpAccountant.maxSteps(Q, 1.1, target, DELTA);
      assertTrue(steps > 0);
      assertTrue(RdpAccountant.epsilon(Q, 1.1, steps, DELTA).epsilon() <= target);
      assertTrue(RdpAccountant.epsilon(Q, 1.1, steps + 1, DELTA).epsilon() > target);
    }
    // Classic conversion spends the budget sooner.
    long classic = RdpAccountant.maxSteps(Q, 1.1, 3.0, DELTA, DpConversion.CLASSIC,
        RdpOrders.defaults());
    assertTrue(classic < RdpAccountant.maxSteps(Q, 1.1, 3.0, DELTA));
    // Nothing spent per step: no limit. Too tight a budget for even one step: zero.
    assertEquals(Long.MAX_VALUE, RdpAccountant.maxSteps(0.0, 1.1, 1.0, DELTA));
    assertEquals(0, RdpAccountant.maxSteps(1.0, 0.5, 0.1, DELTA));
  }

  @Test
  void calibrateSigmaInvertsEpsilon() {
    long steps = 14_063; // 60 epochs of batch 256 over 60,000 rows
    double eps = RdpAccountant.epsilon(Q, 1.1, steps, DELTA).epsilon();
    double sigma = RdpAccountant.calibrateSigma(Q, steps, eps, DELTA);
    assertEquals(1.1, sigma, 1e-5);

    for (double target : new double[] {0.5, 1.0, 3.0, 10.0}) {
      double s = RdpAccountant.calibrateSigma(Q, steps, target, DELTA);
      assertTrue(RdpAccountant.epsilon(Q, s, steps, DELTA).epsilon() <= target, "at " + target);
      assertTrue(RdpAccountant.epsilon(Q, s * (1 - 1e-5), steps, DELTA).epsilon() > target,
          "smallest at " + target);
    }
  }

  @Test
  void calibrateSigmaSaysWhyATargetIsUnreachable() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RdpAccountant.calibrateSigma(Q, 1000, 0.001, DELTA));
    assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> RdpAccountant.calibrateSigma(Q, 1000, -1.0, DELTA));
    assertThrows(IllegalArgumentException.class,
        () -> RdpAccountant.calibrateSigma(Q, 1000, 1.0, 0.0));
    assertThrows(IllegalArgumentException.class,
        () -> RdpAccountant.calibrateSigma(0.0, 1000, 1.0, DELTA));
  }

  @Test
  void zeroStepsSpendNothingButTheConversionOffset() {
    DpGuarantee g = RdpAccountant.create().epsilon(DELTA);
    // With RDP 0 everywhere only the delta term remains, smallest at the largest order.
    assertEquals(512.0, g.order());
    assertEquals(DpConversion.IMPROVED.epsilon(512.0, 0.0, DELTA), g.epsilon(), 1e-15);
  }

  @Test
  void noNoiseMeansNoPrivacy() {
    DpGuarantee g = RdpAccountant.epsilon(0.01, 0.0, 10, DELTA);
    assertEquals(Double.POSITIVE_INFINITY, g.epsilon());
    assertTrue(Double.isNaN(g.order()));
  }

  @Test
  void ordersAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> RdpAccountant.withOrders());
    assertThrows(IllegalArgumentException.class, () -> RdpAccountant.withOrders(0.5, 2));
    assertThrows(IllegalArgumentException.class, () -> RdpAccountant.withOrders(2, 2));
    assertArrayEquals(new double[] {2, 3, 8}, RdpAccountant.withOrders(8, 2, 3).orders());
    assertThrows(IllegalArgumentException.class,
        () -> RdpCurve.zero(2, 3).plus(RdpCurve.zero(2, 4)));
  }
}
