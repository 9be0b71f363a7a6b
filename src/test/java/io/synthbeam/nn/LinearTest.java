package io.synthbeam.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinearTest {

  @Test
  void forwardIsXTimesWPlusB() {
    Linear lin = new Linear(2, 3, new Rng(1));
    System.arraycopy(new float[] {1, 2, 3, 4, 5, 6}, 0, lin.weight().value.data, 0, 6);
    System.arraycopy(new float[] {0.5f, -1, 2}, 0, lin.bias().value.data, 0, 3);
    Tensor x = new Tensor(2, 2, new float[] {1, -1, 2, 0.5f});
    Tensor y = lin.forward(x, true);
    // row 0: [1-4, 2-5, 3-6] + b; row 1: [2+2, 4+2.5, 6+3] + b
    assertArrayEquals(new float[] {-2.5f, -4, -1, 4.5f, 5.5f, 11}, y.data, 1e-6f);
  }

  @Test
  void initIsUniformWithinPyTorchBound() {
    Linear lin = new Linear(64, 32, new Rng(7));
    float bound = 1f / 8f;
    float maxAbs = 0;
    double sumSq = 0;
    for (float w : lin.weight().value.data) {
      maxAbs = Math.max(maxAbs, Math.abs(w));
      sumSq += w * w;
    }
    for (float b : lin.bias().value.data) {
      assertTrue(Math.abs(b) <= bound);
    }
    assertTrue(maxAbs <= bound && maxAbs > 0.95f * bound, "max |w| " + maxAbs);
    // Variance of U(-a, a) is a^2/3.
    double var = sumSq / (64 * 32);
    assertEquals(bound * bound / 3, var, 0.1 * bound * bound / 3);
    assertEquals(64, lin.weight().value.rows);
    assertEquals(32, lin.weight().value.cols);
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    Rng rng = new Rng(11);
    Linear lin = new Linear(5, 4, rng);
    GradientCheck.checkLayer("linear", lin, GradientCheck.uniform(6, 5, rng, -1, 1), rng);
  }

  @Test
  void parameterGradientsAccumulate() {
    Rng rng = new Rng(2);
    Linear lin = new Linear(3, 2, rng);
    Tensor x = GradientCheck.uniform(4, 3, rng, -1, 1);
    Tensor g = GradientCheck.uniform(4, 2, rng, -1, 1);
    lin.forward(x, true);
    lin.backward(g);
    float[] once = lin.weight().grad.data.clone();
    float[] bOnce = lin.bias().grad.data.clone();
    lin.forward(x, true);
    lin.backward(g);
    for (int i = 0; i < once.length; i++) {
      assertEquals(2 * once[i], lin.weight().grad.data[i], 1e-6f);
    }
    for (int i = 0; i < bOnce.length; i++) {
      assertEquals(2 * bOnce[i], lin.bias().grad.data[i], 1e-6f);
    }
  }

  @Test
  void skipsInputGradientWhenAsked() {
    Rng rng = new Rng(5);
    Linear lin = new Linear(3, 2, rng);
    lin.setNeedsInputGrad(false);
    Tensor x = GradientCheck.uniform(4, 3, rng, -1, 1);
    lin.forward(x, true);
    assertSame(x, lin.input());
    assertNull(lin.backward(GradientCheck.uniform(4, 2, rng, -1, 1)));
    boolean anyNonZero = false;
    for (float v : lin.weight().grad.data) {
      anyNonZero |= v != 0f;
    }
    assertTrue(anyNonZero, "weight gradient still computed");
    GradientCheck.checkLayer("linear without dx", lin, x, rng);
  }

  @Test
  void reusesOutputForSameBatchSize() {
    Rng rng = new Rng(5);
    Linear lin = new Linear(3, 2, rng);
    Tensor y1 = lin.forward(new Tensor(4, 3), true);
    assertSame(y1, lin.forward(new Tensor(4, 3), true));
    assertEquals(7, lin.forward(new Tensor(7, 3), true).rows);
  }

  @Test
  void rejectsWrongInputWidth() {
    Linear lin = new Linear(3, 2, new Rng(1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> lin.forward(new Tensor(2, 4), true));
    assertTrue(e.getMessage().contains("4 columns"), e.getMessage());
  }
}
