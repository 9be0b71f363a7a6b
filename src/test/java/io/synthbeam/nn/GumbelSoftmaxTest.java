package io.synthbeam.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GumbelSoftmaxTest {

  @Test
  void rowsSumToOneAndNoiseIsKept() {
    Rng rng = new Rng(1);
    Tensor x = GradientCheck.uniform(5, 6, rng, -2, 2);
    Tensor y = new Tensor(5, 6);
    Tensor noise = new Tensor(5, 6);
    GumbelSoftmax.forward(x, y, noise, 1, 3, 0.2f, rng);
    for (int r = 0; r < 5; r++) {
      double s = 0;
      for (int c = 1; c < 4; c++) {
        s += y.get(r, c);
      }
      assertEquals(1.0, s, 1e-6);
      assertEquals(0f, noise.get(r, 0));
      assertEquals(0f, y.get(r, 5));
    }
    // Replaying the kept noise reproduces the output exactly.
    Tensor again = new Tensor(5, 6);
    GumbelSoftmax.forward(x, again, noise, 1, 3, 0.2f, null);
    assertArrayEquals(y.data, again.data);
    // Same seed, same noise.
    Tensor other = new Tensor(5, 6);
    Rng rng2 = new Rng(1);
    Tensor x2 = GradientCheck.uniform(5, 6, rng2, -2, 2);
    GumbelSoftmax.forward(x2, other, new Tensor(5, 6), 1, 3, 0.2f, rng2);
    assertArrayEquals(y.data, other.data);
  }

  @Test
  void argmaxFollowsTheSoftmaxOfTheLogits() {
    // Gumbel-max: argmax(x + g) is a sample of Categorical(softmax(x)), whatever tau.
    float[] logits = {1f, 0f, -1f, 0.5f};
    int rows = 20000;
    Tensor x = new Tensor(rows, 4);
    for (int r = 0; r < rows; r++) {
      System.arraycopy(logits, 0, x.data, r * 4, 4);
    }
    Tensor y = new Tensor(rows, 4);
    GumbelSoftmax.forward(x, y, new Tensor(rows, 4), 0, 4, 0.2f, new Rng(7));
    int[] counts = new int[4];
    for (int r = 0; r < rows; r++) {
      int best = 0;
      for (int c = 1; c < 4; c++) {
        if (y.get(r, c) > y.get(r, best)) {
          best = c;
        }
      }
      counts[best]++;
    }
    double z = 0;
    for (float l : logits) {
      z += Math.exp(l);
    }
    for (int c = 0; c < 4; c++) {
      // Binomial std is at most sqrt(0.25/20000) = 0.0035.
      assertEquals(Math.exp(logits[c]) / z, counts[c] / (double) rows, 0.015, "class " + c);
    }
  }

  @Test
  void gradientWithFixedNoise() {
    for (float tau : new float[] {1f, 0.2f}) {
      Rng rng = new Rng(3);
      int rows = 3;
      int stride = 5;
      Tensor x = GradientCheck.uniform(rows, stride, rng, -1, 1);
      Tensor w = GradientCheck.uniform(rows, stride, rng, -1, 1);
      Tensor noise = new Tensor(rows, stride);
      Tensor y = new Tensor(rows, stride);
      GumbelSoftmax.forward(x, y, noise, 0, 5, tau, rng);
      Tensor dx = new Tensor(rows, stride);
      GumbelSoftmax.backward(y, w, dx, 0, 5, tau);
      Tensor work = new Tensor(rows, stride);
      GradientCheck.assertGradient("gumbel tau " + tau, x.data, dx.data, () -> {
        GumbelSoftmax.forward(x, work, noise, 0, 5, tau, null);
        return GradientCheck.weightedSum(work, w);
      }, 2e-3, GradientCheck.DEFAULT_TOL);
    }
  }
}
