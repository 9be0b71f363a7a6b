package io.synthbeam.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ActivationsTest {

  @Test
  void reluValuesAndGradient() {
    Tensor x = new Tensor(1, 4, new float[] {-2, -0.5f, 0.5f, 3});
    assertArrayEquals(new float[] {0, 0, 0.5f, 3}, new ReLU().forward(x, true).data);
    Rng rng = new Rng(1);
    GradientCheck.checkLayer("relu", new ReLU(), GradientCheck.awayFromZero(5, 6, rng, 0.1f, 2f),
        rng);
  }

  @Test
  void leakyReluValuesAndGradient() {
    LeakyReLU act = new LeakyReLU(0.2f);
    Tensor x = new Tensor(1, 4, new float[] {-2, -0.5f, 0.5f, 3});
    assertArrayEquals(new float[] {-0.4f, -0.1f, 0.5f, 3}, act.forward(x, true).data, 1e-7f);
    assertEquals(0.2f, act.slope());
    Rng rng = new Rng(2);
    GradientCheck.checkLayer("leaky relu", new LeakyReLU(0.2f),
        GradientCheck.awayFromZero(5, 6, rng, 0.1f, 2f), rng);
  }

  @Test
  void tanhValuesAndGradient() {
    Tensor x = new Tensor(1, 3, new float[] {-1, 0, 2});
    assertArrayEquals(new float[] {(float) Math.tanh(-1), 0, (float) Math.tanh(2)},
        new Tanh().forward(x, true).data, 1e-7f);
    Rng rng = new Rng(3);
    GradientCheck.checkLayer("tanh", new Tanh(), GradientCheck.uniform(5, 6, rng, -2, 2), rng);
  }

  @Test
  void tanhSpanTouchesOnlyTheSpanAndHasRightGradient() {
    Rng rng = new Rng(4);
    int rows = 3;
    int stride = 5;
    Tensor x = GradientCheck.uniform(rows, stride, rng, -2, 2);
    Tensor y = new Tensor(rows, stride);
    y.fill(9f);
    Tanh.forward(x.data, y.data, rows, stride, 1, 2);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < stride; c++) {
        float expected = c >= 1 && c < 3 ? (float) Math.tanh(x.get(r, c)) : 9f;
        assertEquals(expected, y.get(r, c), 1e-7f);
      }
    }
    Tensor w = GradientCheck.uniform(rows, stride, rng, -1, 1);
    Tensor dx = new Tensor(rows, stride);
    Tanh.backward(y.data, w.data, dx.data, rows, stride, 1, 2);
    Tensor work = new Tensor(rows, stride);
    GradientCheck.assertGradient("tanh span", x.data, dx.data, () -> {
      Tanh.forward(x.data, work.data, rows, stride, 1, 2);
      return GradientCheck.weightedSum(work, w);
    });
  }

  @Test
  void gradientAtTheKinkFollowsPyTorch() {
    // PyTorch passes the gradient only where x > 0; at x = 0 ReLU gives 0, LeakyReLU the slope.
    Tensor x = new Tensor(1, 4, new float[] {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE});
    Tensor g = new Tensor(1, 4, new float[] {1, 1, 1, 1});
    ReLU relu = new ReLU();
    relu.forward(x, true);
    assertArrayEquals(new float[] {0, 0, 1, 0}, relu.backward(g).data);
    LeakyReLU leaky = new LeakyReLU(0.2f);
    leaky.forward(x, true);
    assertArrayEquals(new float[] {0.2f, 0.2f, 1, 0.2f}, leaky.backward(g).data);
  }

  @Test
  void branchlessPositive() {
    assertEquals(1, Branchless.positive(3f));
    assertEquals(1, Branchless.positive(Float.MIN_VALUE));
    assertEquals(1, Branchless.positive(Float.POSITIVE_INFINITY));
    assertEquals(0, Branchless.positive(0f));
    assertEquals(0, Branchless.positive(-0f));
    assertEquals(0, Branchless.positive(-Float.MIN_VALUE));
    assertEquals(0, Branchless.positive(-2f));
    assertEquals(0, Branchless.positive(Float.NEGATIVE_INFINITY));
  }
}
