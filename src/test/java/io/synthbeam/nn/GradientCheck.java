package io.synthbeam.nn;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Test utility: compares analytic gradients with central finite differences.
 *
 * <p>The network computes in float32, so the loss is only accurate to about 1e-7 relative. With a
 * step {@code h = 1e-2} the rounding error of {@code (L(x+h) - L(x-h)) / 2h} is about
 * {@code 1e-7 * sum|terms| / 2h}, around 1e-5..1e-4 for the small tensors used here, and the
 * truncation error {@code h^2 |f'''| / 6} is of the same order for smooth functions of unit scale
 * (steeper functions, like a softmax at temperature 0.2, take a smaller h). Measured worst errors
 * over all the layer checks are below 1e-4. The default tolerance
 * {@code |num - ana| <= 2e-3 * max(1, |ana|)} leaves a 20x margin over that, yet catches subtle
 * backward bugs: dropping the {@code xHat * sum(dy * xHat)} term of the batch-norm input gradient
 * changes it by only ~4% on the test batch, which fails. {@code GradientCheckTest} shows the check
 * rejects a 1% error. Losses are summed in double and the step used is the one actually stored in
 * float.
 */
final class GradientCheck {
  static final double DEFAULT_H = 1e-2;
  static final double DEFAULT_TOL = 2e-3;

  private GradientCheck() {}

  /** Central-difference gradient of {@code loss} with respect to every entry of {@code values}. */
  static double[] numericalGradient(float[] values, DoubleSupplier loss, double h) {
    double[] num = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      float saved = values[i];
      float plus = (float) (saved + h);
      float minus = (float) (saved - h);
      values[i] = plus;
      double lp = loss.getAsDouble();
      values[i] = minus;
      double lm = loss.getAsDouble();
      values[i] = saved;
      num[i] = (lp - lm) / ((double) plus - (double) minus);
    }
    return num;
  }

  /** Largest {@code |num - ana| / max(1, |ana|)} over the entries. */
  static double maxError(double[] numerical, float[] analytic) {
    double worst = 0.0;
    for (int i = 0; i < numerical.length; i++) {
      double err = Math.abs(numerical[i] - analytic[i]) / Math.max(1.0, Math.abs(analytic[i]));
      worst = Math.max(worst, err);
    }
    return worst;
  }

  /** Fails with the worst entry when the analytic gradient disagrees with the numerical one. */
  static void assertGradient(String what, float[] values, float[] analytic, DoubleSupplier loss,
      double h, double tol) {
    if (values.length != analytic.length) {
      fail(what + ": " + values.length + " values but " + analytic.length + " gradients");
    }
    double[] num = numericalGradient(values, loss, h);
    for (int i = 0; i < num.length; i++) {
      double err = Math.abs(num[i] - analytic[i]) / Math.max(1.0, Math.abs(analytic[i]));
      if (!(err <= tol)) {
        fail(what + "[" + i + "]: numerical " + num[i] + " vs analytic " + analytic[i]
            + " (relative error " + err + " > " + tol + ")");
      }
    }
  }

  static void assertGradient(String what, float[] values, float[] analytic, DoubleSupplier loss) {
    assertGradient(what, values, analytic, loss, DEFAULT_H, DEFAULT_TOL);
  }

  /** {@code sum(out * weights)} in double: a scalar loss in which every output matters. */
  static double weightedSum(Tensor out, Tensor weights) {
    double s = 0.0;
    for (int i = 0; i < out.data.length; i++) {
      s += (double) out.data[i] * weights.data[i];
    }
    return s;
  }

  static Tensor uniform(int rows, int cols, Rng rng, float lo, float hi) {
    Tensor t = new Tensor(rows, cols);
    rng.fillUniform(t.data, 0, t.data.length, lo, hi);
    return t;
  }

  /**
   * Uniform magnitudes in {@code [minAbs, maxAbs)} with random signs: keeps inputs of ReLU-like
   * layers further than {@code h} from the kink.
   */
  static Tensor awayFromZero(int rows, int cols, Rng rng, float minAbs, float maxAbs) {
    Tensor t = uniform(rows, cols, rng, minAbs, maxAbs);
    for (int i = 0; i < t.data.length; i++) {
      if (rng.nextFloat() < 0.5f) {
        t.data[i] = -t.data[i];
      }
    }
    return t;
  }

  /**
   * Checks a layer's input gradient and every parameter gradient in training mode, with the loss
   * {@code sum(forward(input) * w)} for random weights {@code w}.
   */
  static void checkLayer(String name, Layer layer, Tensor input, Rng rng, double h, double tol) {
    checkLayer(name, layer, input, rng, h, tol, true);
  }

  static void checkLayer(String name, Layer layer, Tensor input, Rng rng, double h, double tol,
      boolean training) {
    Tensor out = layer.forward(input, training);
    Tensor weights = uniform(out.rows, out.cols, rng, -1f, 1f);
    for (Parameter p : layer.parameters()) {
      p.zeroGrad();
    }
    layer.forward(input, training);
    Tensor dx = layer.backward(weights);
    float[] dxCopy = dx == null ? null : dx.data.clone();
    List<float[]> paramGrads = new ArrayList<>();
    for (Parameter p : layer.parameters()) {
      paramGrads.add(p.grad.data.clone());
    }
    DoubleSupplier loss = () -> weightedSum(layer.forward(input, training), weights);
    if (dxCopy != null) {
      assertGradient(name + " input", input.data, dxCopy, loss, h, tol);
    }
    for (int i = 0; i < paramGrads.size(); i++) {
      Parameter p = layer.parameters().get(i);
      assertGradient(name + " " + p.name, p.value.data, paramGrads.get(i), loss, h, tol);
    }
  }

  static void checkLayer(String name, Layer layer, Tensor input, Rng rng) {
    checkLayer(name, layer, input, rng, DEFAULT_H, DEFAULT_TOL);
  }
}
