package io.synthbeam.privacy.accounting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The accountant against values published in papers and by widely used libraries, for the same
 * (q, &sigma;, steps, &delta;), orders and conversion. The issue asks for 2%; where a library
 * prints many digits we hold ourselves to far less, since the mathematics is the same.
 */
class PublishedValuesTest {
  /** Orders of TensorFlow Privacy's compute_dp_sgd_privacy_lib (2022 on). */
  private static final double[] TF_ORDERS = DoubleStream.concat(
      DoubleStream.concat(DoubleStream.of(1.25, 1.5, 1.75, 2, 2.25, 2.5, 3, 3.5, 4, 4.5),
          LongStream.range(5, 64).asDoubleStream()),
      DoubleStream.of(128, 256, 512)).toArray();

  /** Orders of the TF Privacy MNIST tutorial (2019): 1.1, 1.2, ..., 10.9, then 12..63. */
  private static final double[] TF_TUTORIAL_ORDERS = DoubleStream.concat(
      IntStream.range(1, 100).mapToDouble(x -> 1 + x / 10.0),
      LongStream.range(12, 64).asDoubleStream()).toArray();

  private static final int MNIST_ROWS = 60_000;

  @Test
  void rdpOfFiftyStepsMatchesTensorFlowPrivacy() {
    // tensorflow/privacy rdp_accountant_test.py test_compute_rdp_sequence (also
    // rdp_privacy_accountant_test.py, rtol 1e-4): compute_rdp(q=0.01, noise_multiplier=2.5,
    // steps=50, orders=[1.5, 2.5, 5, 50, 100]) = [0.00065, 0.001085, 0.00218075, 0.023846,
    // 167.416307]. Fractional and integer orders, and order 100 beyond the "phase transition".
    double[] expected = {6.5007e-4, 1.0854e-3, 2.18075e-3, 2.3846e-2, 167.416307};
    double[] actual = RdpCurve.sampledGaussian(0.01, 2.5, 1.5, 2.5, 5, 50, 100).times(50).rdp();
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-4 * expected[i], "order index " + i);
    }
  }

  @Test
  void rdpAtOrderFiveMatchesTensorFlowPrivacy() {
    // tensorflow/privacy rdp_accountant_test.py test_compute_rdp_scalar:
    // compute_rdp(0.1, 2, 10, 5) = 0.07737 (5 places).
    assertEquals(0.07737, RdpCurve.sampledGaussian(0.1, 2.0, 5).times(10).rdpAt(5), 5e-6);
  }

  @Test
  void dpSgdEpsilonsMatchTensorFlowPrivacyComputeDpSgdPrivacy() {
    // tensorflow/privacy compute_dp_sgd_privacy_test.py (dp_accounting RDP accountant, improved
    // conversion, orders TF_ORDERS, q = batch/n, steps = ceil(epochs n / batch)):
    // (n, batch, noise, epochs, delta) -> (eps, order)
    assertDpSgd(60_000, 150, 1.3, 15, 1e-5, 0.7242234026109595, 19.0);
    assertDpSgd(100_000, 100, 1.0, 30, 1e-7, 1.4154988495444845, 13.0);
    // noise 0.1: epsilon in the millions, optimum at the smallest order 1.25.
    assertDpSgd(100_000_000, 1024, 0.1, 10, 1e-7, 5907982.31138195, 1.25);
  }

  private static void assertDpSgd(long n, long batch, double sigma, double epochs, double delta,
      double expectedEpsilon, double expectedOrder) {
    double q = (double) batch / n;
    long steps = (long) Math.ceil(epochs * n / batch);
    DpGuarantee g = RdpAccountant.epsilon(q, sigma, steps, delta, DpConversion.IMPROVED,
        TF_ORDERS);
    assertEquals(expectedEpsilon, g.epsilon(), 1e-8 * expectedEpsilon, "n=" + n);
    assertEquals(expectedOrder, g.order(), "n=" + n);
  }

  @Test
  void mixedCompositionMatchesTensorFlowPrivacyWithClassicConversion() {
    // tensorflow/privacy rdp_accountant_test.py test_check_composition: 40,000 steps at
    // (q=1e-4, sigma=0.4) then 100 at (q=0.1, sigma=2), delta=1e-5, with the old (classic)
    // conversion: eps = 8.509656, optimal order 2.5.
    double[] orders = {1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28,
        32, 64, 256};
    RdpAccountant accountant = RdpAccountant.withOrders(orders)
        .compose(1e-4, 0.4, 40_000)
        .compose(0.1, 2.0, 100);
    DpGuarantee classic = accountant.epsilon(1e-5, DpConversion.CLASSIC);
    assertEquals(8.509656, classic.epsilon(), 1e-6);
    assertEquals(2.5, classic.order());
    // The same test keeps "eps <= 8.509656" for the improved conversion.
    assertTrue(accountant.epsilon(1e-5).epsilon() <= 8.509656);
  }

  @Test
  void mnistTutorialTableMatchesTensorFlowPrivacy() {
    // tensorflow/privacy tutorials/README.md, "Select Parameters" table (MNIST, 60,000 rows,
    // batch 256, delta 1e-5; eps printed to 3 digits; the 2019 tutorial computed it with
    // orders TF_TUTORIAL_ORDERS, q = 256/60000, steps = epochs * 60000 // 256 and the classic
    // conversion, per tutorials/walkthrough/walkthrough.md):
    //   noise 1.12, 60 epochs -> 2.92;  noise 0.6, 30 epochs -> 9.74;  noise 1.2, 10 -> 1.20.
    // Ours: 2.922, 9.753, 1.198.
    assertMnistTutorial(1.12, 60, 2.92);
    assertMnistTutorial(0.6, 30, 9.74);
    assertMnistTutorial(1.2, 10, 1.20);
  }

  private static void assertMnistTutorial(double sigma, int epochs, double published) {
    double q = 256.0 / MNIST_ROWS;
    long steps = (long) epochs * MNIST_ROWS / 256;
    double eps = RdpAccountant.epsilon(q, sigma, steps, 1e-5, DpConversion.CLASSIC,
        TF_TUTORIAL_ORDERS).epsilon();
    // Published values are rounded to 3 significant digits: allow that plus 0.2%.
    assertEquals(published, eps, 0.002 * published + 0.005, "noise " + sigma);
  }

  @Test
  void opacusComputeDpSgdPrivacyExampleMatches() {
    // Opacus API docs, opacus.scripts.compute_dp_sgd_privacy (opacus.ai/api/
    // compute_dp_sgd_privacy.html): --epochs=3 --delta=1e-5 --sample-rate 0.01
    // --noise-multiplier 1.0 --alphas 2 5 10 20 100 -> "iterated over 300 steps satisfies
    // differential privacy with epsilon = 2.39, delta = 1e-05. The optimal alpha is 5.0."
    // Current Opacus converts with Balle et al. 2020 Theorem 21 (our IMPROVED); ours: 2.3933.
    DpGuarantee g = RdpAccountant.epsilon(0.01, 1.0, 300, 1e-5, DpConversion.IMPROVED,
        2, 5, 10, 20, 100);
    assertEquals(2.39, g.epsilon(), 0.005);
    assertEquals(5.0, g.order());
  }

  @Test
  void olderOpacusExampleMatchesWithClassicConversion() {
    // Older Opacus docs of the same script: --dataset-size=60000 --batch-size=256
    // --noise_multiplier=1.12 --epochs=60 --delta=1e-5 --a 10 20 100 -> (2.95, 1e-5). That
    // version converted classically; q = 256/60000 and steps = ceil(60/q) = 14063. Ours: 2.9416,
    // 0.3% below the printed 2.95 (its rounding or step count; within the 2%).
    double q = 256.0 / MNIST_ROWS;
    long steps = (long) Math.ceil(60 / q);
    double eps = RdpAccountant.epsilon(q, 1.12, steps, 1e-5, DpConversion.CLASSIC,
        10, 20, 100).epsilon();
    assertEquals(2.95, eps, 0.02 * 2.95);
  }

  @Test
  void abadiMnistExampleMatchesTheMomentsAccountant() {
    // Abadi et al. 2016 (arXiv 1607.00133), section 3.1: "with L = 0.01N, sigma = 4,
    // delta = 1e-5, and T = 10000, we have eps ~ 1.26 using the moments accountant" (vs 9.34 by
    // strong composition). The moments accountant bounds the log moments at integer
    // lambda <= 32 and converts with delta = min exp(T alpha(lambda) - lambda eps): exactly the
    // classic RDP conversion at orders lambda + 1 = 2..33. Ours: 1.2586.
    double[] momentOrders = LongStream.rangeClosed(2, 33).asDoubleStream().toArray();
    double eps = RdpAccountant.epsilon(0.01, 4.0, 10_000, 1e-5, DpConversion.CLASSIC,
        momentOrders).epsilon();
    assertEquals(1.26, eps, 0.02 * 1.26);
    // The default accountant (more orders, improved conversion) can only be tighter: 1.035.
    double tighter = RdpAccountant.epsilon(0.01, 4.0, 10_000, 1e-5).epsilon();
    assertTrue(tighter <= eps && tighter > 0.5 * eps, "default accountant gave " + tighter);
  }

  @Test
  void gaussianMechanismCalibratedToOneMatchesDpAccounting() {
    // tensorflow/privacy rdp_privacy_accountant_test.py test_compute_epsilon_delta_gaussian
    // (Google dp_accounting): orders 1.001..99.999 step 0.001, q = 1, noise 4.530877117 "is
    // chosen to obtain exactly (1, 1e-6)-DP" with the improved conversion; and delta(eps = 1)
    // = 1e-6.
    double[] orders = IntStream.range(1001, 100_000).mapToDouble(i -> 0.001 * i).toArray();
    RdpCurve curve = RdpCurve.sampledGaussian(1.0, 4.530877117, orders);
    assertEquals(1.0, curve.epsilon(1e-6, DpConversion.IMPROVED).epsilon(), 1e-7);
    assertEquals(1e-6, curve.delta(1.0, DpConversion.IMPROVED), 1e-12);
  }

  @Test
  void pureDpCurveMatchesDpAccounting() {
    // tensorflow/privacy rdp_privacy_accountant_test.py test_compute_epsilon_delta_pure_dp: RDP
    // 1.1 at every order 2..32 (pure DP), delta 1e-5 -> eps = 1.32783806176 "computed by hand",
    // and back.
    double[] orders = LongStream.rangeClosed(2, 32).asDoubleStream().toArray();
    double[] rdp = new double[orders.length];
    java.util.Arrays.fill(rdp, 1.1);
    RdpCurve curve = RdpCurve.of(orders, rdp);
    DpGuarantee g = curve.epsilon(1e-5, DpConversion.IMPROVED);
    assertEquals(1.32783806176, g.epsilon(), 1e-10);
    assertEquals(32.0, g.order());
    assertEquals(1e-5, curve.delta(1.32783806176, DpConversion.IMPROVED), 1e-14);
    assertArrayEquals(orders, curve.orders());
  }
}
