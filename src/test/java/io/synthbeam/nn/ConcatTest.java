package io.synthbeam.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConcatTest {

  @Test
  void concatenatesColumnsAndSplitsGradient() {
    Tensor a = new Tensor(2, 2, new float[] {1, 2, 3, 4});
    Tensor b = new Tensor(2, 1, new float[] {5, 6});
    Concat cat = new Concat();
    Tensor y = cat.forward(a, b);
    assertArrayEquals(new float[] {1, 2, 5, 3, 4, 6}, y.data);
    cat.backward(new Tensor(2, 3, new float[] {10, 20, 30, 40, 50, 60}));
    assertArrayEquals(new float[] {10, 20, 40, 50}, cat.gradA().data);
    assertArrayEquals(new float[] {30, 60}, cat.gradB().data);
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    Rng rng = new Rng(1);
    Tensor a = GradientCheck.uniform(3, 4, rng, -1, 1);
    Tensor b = GradientCheck.uniform(3, 2, rng, -1, 1);
    Tensor w = GradientCheck.uniform(3, 6, rng, -1, 1);
    Concat cat = new Concat();
    cat.forward(a, b);
    cat.backward(w);
    float[] ga = cat.gradA().data.clone();
    float[] gb = cat.gradB().data.clone();
    java.util.function.DoubleSupplier loss = () -> {
      Tensor y = cat.forward(a, b);
      double s = 0;
      for (int i = 0; i < y.data.length; i++) {
        s += w.data[i] * y.data[i];
      }
      return s;
    };
    GradientCheck.assertGradient("concat a", a.data, ga, loss);
    GradientCheck.assertGradient("concat b", b.data, gb, loss);
  }

  @Test
  void rejectsDifferentRowCounts() {
    assertThrows(IllegalArgumentException.class,
        () -> new Concat().forward(new Tensor(2, 1), new Tensor(3, 1)));
  }
}
