package io.synthbeam.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BatchNorm1dTest {

  /** Non-trivial gamma/beta so that their gradients and the gamma factor in dx are exercised. */
  private static BatchNorm1d withRandomAffine(int features, Rng rng) {
    BatchNorm1d bn = new BatchNorm1d(features);
    rng.fillUniform(bn.gamma().value.data, 0, features, 0.5f, 1.5f);
    rng.fillUniform(bn.beta().value.data, 0, features, -0.5f, 0.5f);
    return bn;
  }

  @Test
  void trainingOutputIsStandardisedPerFeature() {
    Rng rng = new Rng(1);
    BatchNorm1d bn = new BatchNorm1d(3);
    Tensor x = GradientCheck.uniform(50, 3, rng, 3f, 9f);
    Tensor y = bn.forward(x, true);
    for (int j = 0; j < 3; j++) {
      double s = 0;
      double sq = 0;
      for (int r = 0; r < 50; r++) {
        s += y.get(r, j);
        sq += y.get(r, j) * y.get(r, j);
      }
      assertEquals(0.0, s / 50, 1e-5);
      // Biased variance 1, minus the eps share: var/(var+eps) with var ~ 3.
      assertEquals(1.0, sq / 50, 1e-4);
    }
  }

  @Test
  void trainingGradientsMatchFiniteDifferences() {
    Rng rng = new Rng(2);
    BatchNorm1d bn = withRandomAffine(4, rng);
    GradientCheck.checkLayer("batchnorm train", bn, GradientCheck.uniform(6, 4, rng, -2, 2), rng);
  }

  @Test
  void inferenceGradientsMatchFiniteDifferences() {
    Rng rng = new Rng(3);
    BatchNorm1d bn = withRandomAffine(4, rng);
    rng.fillUniform(bn.runningMean(), 0, 4, -1, 1);
    rng.fillUniform(bn.runningVar(), 0, 4, 0.5f, 2f);
    GradientCheck.checkLayer("batchnorm eval", bn, GradientCheck.uniform(6, 4, rng, -2, 2), rng,
        GradientCheck.DEFAULT_H, GradientCheck.DEFAULT_TOL, false);
  }

  @Test
  void runningStatsFollowPyTorchUpdate() {
    BatchNorm1d bn = new BatchNorm1d(1);
    Tensor x = new Tensor(4, 1, new float[] {1, 2, 3, 6}); // mean 3, unbiased var 14/3
    bn.forward(x, true);
    assertEquals(0.1 * 3, bn.runningMean()[0], 1e-6);
    assertEquals(0.9 * 1 + 0.1 * 14.0 / 3, bn.runningVar()[0], 1e-6);
    assertEquals(1, bn.batchesTracked());
    bn.forward(x, true);
    assertEquals(0.9 * 0.3 + 0.1 * 3, bn.runningMean()[0], 1e-6);
  }

  @Test
  void inferenceUsesRunningStats() {
    BatchNorm1d bn = new BatchNorm1d(2);
    bn.runningMean()[0] = 1f;
    bn.runningMean()[1] = -2f;
    bn.runningVar()[0] = 4f;
    bn.runningVar()[1] = 0.25f;
    bn.gamma().value.data[1] = 3f;
    bn.beta().value.data[0] = 0.5f;
    Tensor x = new Tensor(2, 2, new float[] {3, -2, -1, -1});
    Tensor y = bn.forward(x, false);
    double s0 = Math.sqrt(4 + 1e-5);
    double s1 = Math.sqrt(0.25 + 1e-5);
    assertEquals((3 - 1) / s0 + 0.5, y.get(0, 0), 1e-6);
    assertEquals(0.0, y.get(0, 1), 1e-6);
    assertEquals((-1 - 1) / s0 + 0.5, y.get(1, 0), 1e-6);
    assertEquals(3 * (-1 + 2) / s1, y.get(1, 1), 1e-5);
    assertEquals(0, bn.batchesTracked(), "inference must not touch the statistics");
    assertEquals(1f, bn.runningMean()[0]);
  }

  @Test
  void cumulativeAverageAfterResetAveragesTheBatches() {
    Rng rng = new Rng(4);
    BatchNorm1d bn = new BatchNorm1d(2);
    bn.forward(GradientCheck.uniform(8, 2, rng, -5, 5), true);
    bn.resetRunningStats();
    assertEquals(0f, bn.runningMean()[0]);
    assertEquals(1f, bn.runningVar()[1]);
    bn.setCumulativeAverage(true);
    double[] meanSum = new double[2];
    double[] varSum = new double[2];
    int batches = 5;
    for (int b = 0; b < batches; b++) {
      Tensor x = GradientCheck.uniform(10, 2, rng, -1 + b, 2 + 2 * b);
      for (int j = 0; j < 2; j++) {
        double m = 0;
        for (int r = 0; r < 10; r++) {
          m += x.get(r, j);
        }
        m /= 10;
        double v = 0;
        for (int r = 0; r < 10; r++) {
          v += (x.get(r, j) - m) * (x.get(r, j) - m);
        }
        meanSum[j] += m;
        varSum[j] += v / 9;
      }
      bn.forward(x, true);
    }
    for (int j = 0; j < 2; j++) {
      assertEquals(meanSum[j] / batches, bn.runningMean()[j], 1e-5);
      assertEquals(varSum[j] / batches, bn.runningVar()[j], 1e-5);
    }
    assertEquals(batches, bn.batchesTracked());
  }

  @Test
  void trainingNeedsTwoRows() {
    BatchNorm1d bn = new BatchNorm1d(3);
    assertThrows(IllegalArgumentException.class, () -> bn.forward(new Tensor(1, 3), true));
    bn.forward(new Tensor(1, 3), false);
  }
}
