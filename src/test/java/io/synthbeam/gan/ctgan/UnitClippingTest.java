package io.synthbeam.gan.ctgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.nn.Parameter;
import io.synthbeam.nn.Rng;
import io.synthbeam.nn.Tensor;
import org.junit.jupiter.api.Test;

/**
 * DP-SGD's per-unit clipping in the critic step: the norms computed without materialising
 * per-unit gradients are exact, and one unit's influence on the summed update is at most C.
 */
class UnitClippingTest {
  private static final int ROW = 5;
  private static final int UNITS = 6;
  private static final float LAMBDA = 10f;

  private static PacCritic critic() {
    // No dropout, so a unit's gradient does not depend on which other units share the step.
    return new PacCritic(1, ROW, 7, 6, 0f, new Rng(3));
  }

  private static Tensor stacked(int units, Rng rng) {
    Tensor t = new Tensor(3 * units, ROW);
    for (int i = 0; i < units * ROW * 2; i++) {
      t.data[i] = (float) rng.nextGaussian();
    }
    for (int u = 0; u < units; u++) {
      float eps = rng.nextFloat();
      for (int c = 0; c < ROW; c++) {
        t.data[(2 * units + u) * ROW + c] =
            eps * t.data[(units + u) * ROW + c] + (1 - eps) * t.data[u * ROW + c];
      }
    }
    return t;
  }

  /** The stacked input of unit {@code u} alone. */
  private static Tensor unit(Tensor all, int units, int u) {
    Tensor t = new Tensor(3, ROW);
    for (int k = 0; k < 3; k++) {
      System.arraycopy(all.data, (k * units + u) * ROW, t.data, k * ROW, ROW);
    }
    return t;
  }

  private static double[] gradients(PacCritic c) {
    int n = 0;
    for (Parameter p : c.parameters()) {
      n += p.grad.size();
    }
    double[] g = new double[n];
    int i = 0;
    for (Parameter p : c.parameters()) {
      for (float v : p.grad.data) {
        g[i++] = v;
      }
    }
    return g;
  }

  private static void zero(PacCritic c) {
    for (Parameter p : c.parameters()) {
      p.zeroGrad();
    }
  }

  private static double[] clippedSum(PacCritic c, Tensor input, int active, double clip) {
    zero(c);
    UnitClipping dp = new UnitClipping(clip, 0, 1, new Rng(1));
    dp.setActiveUnits(active);
    c.wganGpLossAndGradients(new PacCritic.Pass(), input.copy(), LAMBDA, new Rng(2), dp);
    return gradients(c);
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }

  @Test
  void ghostNormsEqualMaterialisedPerUnitGradients() {
    PacCritic c = critic();
    Tensor all = stacked(UNITS, new Rng(7));
    UnitClipping dp = new UnitClipping(1e9, 0, 1, new Rng(1));
    dp.setActiveUnits(UNITS);
    zero(c);
    c.wganGpLossAndGradients(new PacCritic.Pass(), all.copy(), LAMBDA, new Rng(2), dp);
    double[] ghost = dp.lastNorms();
    for (int u = 0; u < UNITS; u++) {
      zero(c);
      // One unit alone, without DP: the gradient of that unit's own loss.
      c.wganGpLossAndGradients(new PacCritic.Pass(), unit(all, UNITS, u), LAMBDA, new Rng(2),
          null);
      double[] g = gradients(c);
      double norm = distance(g, new double[g.length]);
      assertEquals(norm, ghost[u], 1e-4 * Math.max(1, norm), "unit " + u);
    }
  }

  @Test
  void oneUnitMovesTheClippedSumByAtMostC() {
    PacCritic c = critic();
    double clip = 0.5;
    Tensor all = stacked(UNITS, new Rng(11));
    double[] base = clippedSum(c, all, UNITS, clip);

    // Blow up one unit's real row 1,000 times: its gradient is enormous, its effect is not.
    Tensor loud = all.copy();
    for (int col = 0; col < ROW; col++) {
      loud.data[(UNITS + 2) * ROW + col] *= 1000f;
      loud.data[(2 * UNITS + 2) * ROW + col] *= 1000f;
    }
    UnitClipping probe = new UnitClipping(1e12, 0, 1, new Rng(1));
    probe.setActiveUnits(UNITS);
    zero(c);
    c.wganGpLossAndGradients(new PacCritic.Pass(), loud.copy(), LAMBDA, new Rng(2), probe);
    assertTrue(probe.lastNorms()[2] > 100 * clip, "the unit's raw norm " + probe.lastNorms()[2]);
    double[] changed = clippedSum(c, loud, UNITS, clip);
    assertTrue(distance(base, changed) <= 2 * clip + 1e-5, "replaced: " + distance(base, changed));

    // Removing the last unit (padding it) moves the sum by at most C.
    double[] removed = clippedSum(c, all, UNITS - 1, clip);
    assertTrue(distance(base, removed) <= clip + 1e-5, "removed: " + distance(base, removed));
    assertTrue(distance(base, removed) > 0, "the removed unit contributed");
  }

  @Test
  void noiseHasTheCalibratedSpread() {
    PacCritic c = critic();
    Tensor all = stacked(UNITS, new Rng(5));
    double[] clean = clippedSum(c, all, UNITS, 1.0);
    zero(c);
    UnitClipping dp = new UnitClipping(1.0, 2.0, 4.0, new Rng(9));
    dp.setActiveUnits(UNITS);
    c.wganGpLossAndGradients(new PacCritic.Pass(), all.copy(), LAMBDA, new Rng(2), dp);
    double[] noisy = gradients(c);
    // noisy = (clean + N(0, (2 * 1)^2)) / 4: the residual's spread is 0.5.
    double sq = 0;
    for (int i = 0; i < noisy.length; i++) {
      double r = noisy[i] - clean[i] / 4;
      sq += r * r;
    }
    double std = Math.sqrt(sq / noisy.length);
    assertEquals(0.5, std, 0.05, "noise standard deviation over " + noisy.length + " coordinates");
  }
}
