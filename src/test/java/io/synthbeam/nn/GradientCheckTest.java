package io.synthbeam.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The gradient checker accepts correct gradients and rejects subtly wrong ones. */
class GradientCheckTest {

  private static double cubeSum(float[] x) {
    double s = 0;
    for (float v : x) {
      s += (double) v * v * v;
    }
    return s;
  }

  @Test
  void acceptsCorrectGradient() {
    float[] x = {0.3f, -1.2f, 2.0f, 0.05f};
    float[] grad = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      grad[i] = 3 * x[i] * x[i];
    }
    double[] num = GradientCheck.numericalGradient(x, () -> cubeSum(x), 1e-2);
    assertEquals(12.0, num[2], 1e-3);
    GradientCheck.assertGradient("cube", x, grad, () -> cubeSum(x));
  }

  @Test
  void rejectsGradientOffByOnePercent() {
    float[] x = {0.3f, -1.2f, 2.0f, 0.05f};
    float[] grad = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      grad[i] = 3 * x[i] * x[i];
    }
    grad[1] *= 1.01f;
    assertThrows(AssertionFailedError.class,
        () -> GradientCheck.assertGradient("cube", x, grad, () -> cubeSum(x)));
  }

  @Test
  void rejectsWrongLayerBackward() {
    // A "layer" whose backward forgets the derivative of its square: must fail the check.
    Layer broken = new Layer() {
      Tensor out;
      Tensor dx;

      @Override
      public Tensor forward(Tensor input, boolean training) {
        out = Tensor.reuse(out, input.rows, input.cols);
        for (int i = 0; i < input.data.length; i++) {
          out.data[i] = input.data[i] * input.data[i];
        }
        return out;
      }

      @Override
      public Tensor backward(Tensor g) {
        dx = Tensor.reuse(dx, g.rows, g.cols);
        System.arraycopy(g.data, 0, dx.data, 0, g.data.length);
        return dx;
      }
    };
    Rng rng = new Rng(3);
    Tensor x = GradientCheck.uniform(3, 4, rng, 1f, 2f);
    assertThrows(AssertionFailedError.class,
        () -> GradientCheck.checkLayer("broken", broken, x, rng));
  }
}
