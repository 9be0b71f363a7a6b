package io.synthbeam.gan.ctgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.nn.Parameter;
import io.synthbeam.nn.Rng;
import io.synthbeam.nn.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks the critic's backward pass and its hand-derived WGAN-GP gradient against central finite
 * differences of an independent double-precision reference of the same loss, with the dropout
 * masks of the float run held fixed.
 */
class PacCriticGradientTest {
  private static final int PAC = 2;
  private static final int ROW = 3;
  private static final int PACKS = 4;
  private static final float LAMBDA = 10f;

  /** Dropout masks (0 or the keep scale) read back from a float pass's slopes. */
  private static double[] masks(Tensor slopes) {
    double[] m = new double[slopes.data.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = slopes.data[i] == 0f ? 0 : 2.0;
    }
    return m;
  }

  /** The critic in double precision: weights copied from the float critic. */
  private static final class Reference {
    final int in;
    final int h1;
    final int h2;
    final double[][] w = new double[6][];

    Reference(PacCritic c) {
      in = c.packWidth;
      h1 = c.hidden1;
      h2 = c.hidden2;
      List<Parameter> ps = c.parameters();
      for (int i = 0; i < 6; i++) {
        float[] d = ps.get(i).value.data;
        w[i] = new double[d.length];
        for (int j = 0; j < d.length; j++) {
          w[i][j] = d[j];
        }
      }
    }

    private static double slope(double z) {
      return z > 0 ? 1.0 : PacCritic.LEAKY_SLOPE;
    }

    /** Score of one pack and, in grad (if not null), the exact input gradient. */
    double score(double[] x, double[] m1, double[] m2, int pack, double[] grad) {
      double[] s1 = new double[h1];
      double[] d1 = new double[h1];
      for (int j = 0; j < h1; j++) {
        double z = w[1][j];
        for (int i = 0; i < in; i++) {
          z += x[i] * w[0][i * h1 + j];
        }
        s1[j] = slope(z) * m1[pack * h1 + j];
        d1[j] = z * s1[j];
      }
      double[] s2 = new double[h2];
      double out = w[5][0];
      for (int k = 0; k < h2; k++) {
        double z = w[3][k];
        for (int j = 0; j < h1; j++) {
          z += d1[j] * w[2][j * h2 + k];
        }
        s2[k] = slope(z) * m2[pack * h2 + k];
        out += z * s2[k] * w[4][k];
      }
      if (grad != null) {
        double[] u = new double[h1];
        for (int j = 0; j < h1; j++) {
          for (int k = 0; k < h2; k++) {
            u[j] += w[2][j * h2 + k] * s2[k] * w[4][k];
          }
          u[j] *= s1[j];
        }
        for (int i = 0; i < in; i++) {
          double g = 0;
          for (int j = 0; j < h1; j++) {
            g += w[0][i * h1 + j] * u[j];
          }
          grad[i] = g;
        }
      }
      return out;
    }

    double meanScore(float[] x, double[] m1, double[] m2) {
      double s = 0;
      for (int p = 0; p < PACKS; p++) {
        s += score(row(x, p), m1, m2, p, null);
      }
      return s / PACKS;
    }

    double penalty(float[] x, double[] m1, double[] m2) {
      double total = 0;
      double[] g = new double[in];
      for (int p = 0; p < PACKS; p++) {
        score(row(x, p), m1, m2, p, g);
        double sq = 0;
        for (double v : g) {
          sq += v * v;
        }
        double n = Math.sqrt(sq);
        total += (n - 1) * (n - 1);
      }
      return LAMBDA * total / PACKS;
    }

    private double[] row(float[] x, int p) {
      double[] r = new double[in];
      for (int i = 0; i < in; i++) {
        r[i] = x[p * in + i];
      }
      return r;
    }
  }

  private static Tensor randomInput(Rng rng) {
    Tensor t = new Tensor(PACKS, PAC * ROW);
    for (int i = 0; i < t.data.length; i++) {
      t.data[i] = (float) rng.nextGaussian();
    }
    return t;
  }

  @Test
  void inputGradientMatchesFiniteDifferences() {
    Rng rng = new Rng(3);
    PacCritic critic = new PacCritic(PAC, ROW, 5, 4, 0.5f, rng);
    Tensor x = randomInput(rng);
    PacCritic.Pass pass = new PacCritic.Pass();
    critic.forward(pass, x, true, new Rng(11));
    Tensor dScore = new Tensor(PACKS, 1);
    dScore.fill(1f / PACKS);
    Tensor dx = critic.inputGradient(pass, dScore);

    Reference ref = new Reference(critic);
    double[] m1 = masks(pass.s1);
    double[] m2 = masks(pass.s2);
    double h = 1e-4;
    float[] xs = x.data.clone();
    for (int i = 0; i < xs.length; i++) {
      double[] plus = toDouble(xs);
      double[] minus = toDouble(xs);
      plus[i] += h;
      minus[i] -= h;
      int p = i / ref.in;
      double num = (ref.score(slice(plus, p, ref.in), m1, m2, p, null)
          - ref.score(slice(minus, p, ref.in), m1, m2, p, null)) / (2 * h) / PACKS;
      assertEquals(num, dx.data[i], 1e-4 * Math.max(1, Math.abs(num)), "input " + i);
    }
  }

  @Test
  void wganLossWithPenaltyMatchesFiniteDifferences() {
    Rng rng = new Rng(5);
    PacCritic critic = new PacCritic(PAC, ROW, 6, 5, 0.5f, rng);
    Tensor real = randomInput(rng);
    Tensor fake = randomInput(rng);
    Tensor mixed = new Tensor(PACKS, PAC * ROW);
    for (int p = 0; p < PACKS; p++) {
      float eps = rng.nextFloat();
      for (int c = 0; c < mixed.cols; c++) {
        int i = p * mixed.cols + c;
        mixed.data[i] = eps * real.data[i] + (1 - eps) * fake.data[i];
      }
    }
    int width = PAC * ROW;
    Tensor stacked = new Tensor(3 * PACKS, width);
    System.arraycopy(fake.data, 0, stacked.data, 0, PACKS * width);
    System.arraycopy(real.data, 0, stacked.data, PACKS * width, PACKS * width);
    System.arraycopy(mixed.data, 0, stacked.data, 2 * PACKS * width, PACKS * width);
    for (Parameter p : critic.parameters()) {
      p.zeroGrad();
    }
    PacCritic.Pass pass = new PacCritic.Pass();
    PacCritic.StepLoss loss = critic.wganGpLossAndGradients(pass, stacked, LAMBDA, new Rng(17),
        null);
    assertTrue(loss.penalty() > 0);

    double[] m1 = masks(pass.s1);
    double[] m2 = masks(pass.s2);
    int h1 = critic.hidden1;
    int h2 = critic.hidden2;
    double[][] fm = {range(m1, 0, PACKS * h1), range(m2, 0, PACKS * h2)};
    double[][] rm = {range(m1, PACKS * h1, PACKS * h1), range(m2, PACKS * h2, PACKS * h2)};
    double[][] mm = {range(m1, 2 * PACKS * h1, PACKS * h1), range(m2, 2 * PACKS * h2, PACKS * h2)};
    Reference base = new Reference(critic);
    assertEquals(base.penalty(mixed.data, mm[0], mm[1]), loss.penalty(),
        1e-4 * Math.max(1, loss.penalty()));
    assertEquals(loss(base, fake, real, mixed, fm, rm, mm), loss.total(), 1e-4);

    double h = 1e-5;
    List<Parameter> params = critic.parameters();
    int checked = 0;
    for (int pi = 0; pi < params.size(); pi++) {
      float[] grad = params.get(pi).grad.data;
      for (int j = 0; j < grad.length; j++) {
        Reference plus = new Reference(critic);
        Reference minus = new Reference(critic);
        plus.w[pi][j] += h;
        minus.w[pi][j] -= h;
        double lp = loss(plus, fake, real, mixed, fm, rm, mm);
        double lm = loss(minus, fake, real, mixed, fm, rm, mm);
        double num = (lp - lm) / (2 * h);
        assertEquals(num, grad[j], 2e-3 * Math.max(1, Math.abs(num)),
            params.get(pi).name + "[" + j + "]");
        checked++;
      }
    }
    assertTrue(checked > 60);
  }

  private static double loss(Reference r, Tensor fake, Tensor real, Tensor mixed, double[][] fm,
      double[][] rm, double[][] mm) {
    return r.meanScore(fake.data, fm[0], fm[1]) - r.meanScore(real.data, rm[0], rm[1])
        + r.penalty(mixed.data, mm[0], mm[1]);
  }

  private static double[] toDouble(float[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i];
    }
    return d;
  }

  private static double[] range(double[] x, int from, int length) {
    double[] r = new double[length];
    System.arraycopy(x, from, r, 0, length);
    return r;
  }

  private static double[] slice(double[] x, int pack, int width) {
    double[] r = new double[width];
    System.arraycopy(x, pack * width, r, 0, width);
    return r;
  }
}
