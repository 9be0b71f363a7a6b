package io.synthbeam.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SoftmaxTest {

  @Test
  void rowsSumToOneAndOnlyTheSpanIsWritten() {
    Rng rng = new Rng(1);
    Tensor x = GradientCheck.uniform(4, 7, rng, -3, 3);
    Tensor y = new Tensor(4, 7);
    y.fill(-5f);
    Softmax.forward(x, y, 2, 4, 0.5f);
    for (int r = 0; r < 4; r++) {
      double s = 0;
      for (int c = 0; c < 7; c++) {
        if (c >= 2 && c < 6) {
          assertTrue(y.get(r, c) > 0f);
          s += y.get(r, c);
        } else {
          assertEquals(-5f, y.get(r, c));
        }
      }
      assertEquals(1.0, s, 1e-6);
    }
  }

  @Test
  void matchesDefinitionAndTemperature() {
    Tensor x = new Tensor(1, 3, new float[] {1, 2, 3});
    Tensor y = new Tensor(1, 3);
    Softmax.forward(x, y, 0, 3, 2f);
    double z = Math.exp(0.5) + Math.exp(1) + Math.exp(1.5);
    assertEquals(Math.exp(0.5) / z, y.get(0, 0), 1e-7);
    assertEquals(Math.exp(1.5) / z, y.get(0, 2), 1e-7);
  }

  @Test
  void stableForHugeLogitsAndInPlace() {
    Tensor x = new Tensor(1, 3, new float[] {1000, 1000, -1000});
    Softmax.forward(x, x, 0, 3, 0.2f);
    assertEquals(0.5f, x.get(0, 0), 1e-7f);
    assertEquals(0.5f, x.get(0, 1), 1e-7f);
    assertEquals(0f, x.get(0, 2));
  }

  private static void checkSoftmaxGradient(float tau, double h, long seed) {
    Rng rng = new Rng(seed);
    int rows = 3;
    int stride = 6;
    int off = 1;
    int len = 4;
    Tensor x = GradientCheck.uniform(rows, stride, rng, -1, 1);
    Tensor w = GradientCheck.uniform(rows, stride, rng, -1, 1);
    Tensor y = new Tensor(rows, stride);
    Softmax.forward(x, y, off, len, tau);
    Tensor dx = new Tensor(rows, stride);
    Softmax.backward(y, w, dx, off, len, tau);
    Tensor work = new Tensor(rows, stride);
    GradientCheck.assertGradient("softmax tau " + tau, x.data, dx.data, () -> {
      Softmax.forward(x, work, off, len, tau);
      return GradientCheck.weightedSum(work, w);
    }, h, GradientCheck.DEFAULT_TOL);
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    checkSoftmaxGradient(1f, 1e-2, 2);
    checkSoftmaxGradient(0.5f, 1e-2, 3);
    // tau 0.2 scales the logits by 5: a 5x smaller step keeps the truncation error alike.
    checkSoftmaxGradient(0.2f, 2e-3, 4);
  }

  @Test
  void backwardMayOverwriteItsUpstream() {
    Rng rng = new Rng(5);
    Tensor x = GradientCheck.uniform(2, 4, rng, -1, 1);
    Tensor y = new Tensor(2, 4);
    Softmax.forward(x, y, 0, 4, 1f);
    Tensor dy = GradientCheck.uniform(2, 4, rng, -1, 1);
    Tensor expected = new Tensor(2, 4);
    Softmax.backward(y, dy, expected, 0, 4, 1f);
    Softmax.backward(y, dy, dy, 0, 4, 1f);
    for (int i = 0; i < 8; i++) {
      assertEquals(expected.data[i], dy.data[i], 1e-7f);
    }
  }
}
