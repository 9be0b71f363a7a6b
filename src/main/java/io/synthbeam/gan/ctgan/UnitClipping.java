package io.synthbeam.gan.ctgan;

import io.synthbeam.nn.Parameter;
import io.synthbeam.nn.Rng;
import io.synthbeam.nn.Tensor;
import java.util.List;

/**
 * DP-SGD's treatment of one critic step (Abadi et al. 2016, arXiv 1607.00133): each privacy unit's
 * gradient is clipped to norm C, the clipped gradients are summed, Gaussian noise of standard
 * deviation sigma*C is added to every coordinate, and the result is divided by the expected
 * number of units.
 *
 * <p>No per-unit gradient is materialised. In the stacked critic step unit i owns one fake, one
 * real and one mixed row, and every weight gradient of a linear layer is a sum over rows of outer
 * products {@code a_r ⊗ d_r}; so unit i's share of a layer's gradient is a sum of three rank-one
 * terms, whose squared norm is {@code sum_{r,s} (a_r·a_s)(d_r·d_s)} (the "ghost norm" trick).
 * Clipping then scales the unit's rows of the backpropagated terms before the summing products.
 */
final class UnitClipping {
  private final float clipNorm;
  private final float noiseStd;
  private final float expectedUnits;
  private final Rng noise;
  private int activeUnits;
  private float[] factor = new float[0];
  private double[] norms = new double[0];

  UnitClipping(double clipNorm, double noiseMultiplier, double expectedUnits, Rng noise) {
    this.clipNorm = (float) clipNorm;
    this.noiseStd = (float) (noiseMultiplier * clipNorm);
    this.expectedUnits = (float) expectedUnits;
    this.noise = noise;
  }

  /** Units {@code [0, n)} of the next step hold real rows; the rest are padding. */
  void setActiveUnits(int n) {
    activeUnits = n;
  }

  int activeUnits() {
    return activeUnits;
  }

  /** The gradient norms of the last step's units before clipping (for tests and reports). */
  double[] lastNorms() {
    return norms.clone();
  }

  /**
   * Computes every unit's gradient norm from the step's rows, scales the unit's rows of dz1 and
   * dz2 by {@code min(1, C / norm)} (0 for padding units) and returns those factors; the caller
   * applies them to the layer-3 terms it sums itself.
   */
  float[] clip(PacCritic c, PacCritic.Pass p, Tensor stacked, float[] dA2, float unit) {
    int n = stacked.rows / 3;
    if (factor.length != n) {
      factor = new float[n];
      norms = new double[n];
    }
    int w = c.packWidth;
    int h1 = c.hidden1;
    int h2 = c.hidden2;
    float[] x = stacked.data;
    float[] dz1 = p.dz1.data;
    float[] d1 = p.d1.data;
    float[] dz2 = p.dz2.data;
    float[] d2 = p.d2.data;
    float[] s2 = p.s2.data;
    for (int i = 0; i < n; i++) {
      int[] rows = {i, n + i, 2 * n + i};
      double sq = rankThreeNorm(x, w, dz1, h1, rows) + rankThreeNorm(d1, h1, dz2, h2, rows)
          + sumOfTwoNorm(dz1, h1, rows) + sumOfTwoNorm(dz2, h2, rows);
      // Layer 3 is a vector: the two Wasserstein rows' activations and the penalty's term.
      int mixedBase = (2 * n + i) * h2;
      for (int j = 0; j < h2; j++) {
        double v = unit * (d2[i * h2 + j] - d2[(n + i) * h2 + j])
            + s2[mixedBase + j] * dA2[i * h2 + j];
        sq += v * v;
      }
      double norm = Math.sqrt(sq);
      norms[i] = norm;
      float f = i >= activeUnits ? 0f : norm > clipNorm ? (float) (clipNorm / norm) : 1f;
      factor[i] = f;
      for (int r : rows) {
        scale(dz1, r * h1, h1, f);
        scale(dz2, r * h2, h2, f);
      }
    }
    return factor;
  }

  /** ||sum_r a_r ⊗ d_r||² over the given rows, from the rows' dot products. */
  private static double rankThreeNorm(float[] a, int aWidth, float[] d, int dWidth, int[] rows) {
    double sq = 0;
    for (int s = 0; s < rows.length; s++) {
      for (int t = s; t < rows.length; t++) {
        double term = dot(a, rows[s] * aWidth, rows[t] * aWidth, aWidth)
            * dot(d, rows[s] * dWidth, rows[t] * dWidth, dWidth);
        sq += s == t ? term : 2 * term;
      }
    }
    return sq;
  }

  /** ||d_fake + d_real||²: a bias gradient (the penalty has none). */
  private static double sumOfTwoNorm(float[] d, int width, int[] rows) {
    double sq = 0;
    int a = rows[0] * width;
    int b = rows[1] * width;
    for (int j = 0; j < width; j++) {
      double v = d[a + j] + d[b + j];
      sq += v * v;
    }
    return sq;
  }

  private static double dot(float[] v, int a, int b, int len) {
    double s = 0;
    for (int j = 0; j < len; j++) {
      s += (double) v[a + j] * v[b + j];
    }
    return s;
  }

  private static void scale(float[] v, int off, int len, float f) {
    for (int j = off; j < off + len; j++) {
      v[j] *= f;
    }
  }

  /** Adds N(0, (sigma C)^2) to every gradient coordinate, then divides by the expected units. */
  void addNoiseAndAverage(List<Parameter> parameters) {
    float inv = 1f / expectedUnits;
    for (Parameter param : parameters) {
      float[] g = param.grad.data;
      for (int j = 0; j < g.length; j++) {
        g[j] = (g[j] + noiseStd * (float) noise.nextGaussian()) * inv;
      }
    }
  }
}
