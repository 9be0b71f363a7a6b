package io.synthbeam.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MeanTest {

  @Test
  void valueAndGradient() {
    Tensor x = new Tensor(2, 3, new float[] {1, 2, 3, 4, 5, 9});
    Mean mean = new Mean();
    assertEquals(4.0, mean.forward(x), 1e-12);
    Tensor g = mean.backward(-2f);
    assertEquals(2, g.rows);
    assertEquals(3, g.cols);
    for (float v : g.data) {
      assertEquals(-2f / 6, v, 1e-7f);
    }
    GradientCheck.assertGradient("mean", x.data, g.data, () -> -2 * Mean.mean(x));
  }
}
