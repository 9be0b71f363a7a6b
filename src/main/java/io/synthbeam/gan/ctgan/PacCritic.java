package io.synthbeam.gan.ctgan;

import io.synthbeam.nn.Gemm;
import io.synthbeam.nn.Parameter;
import io.synthbeam.nn.Rng;
import io.synthbeam.nn.Tensor;
import java.util.List;

/**
 * The PacGAN critic of CTGAN (arXiv 1712.04086, 1907.00503): {@code pac} rows concatenated into one
 * input, then (Linear, LeakyReLU 0.2, Dropout 0.5) twice and a Linear to one score.
 *
 * <p>Packing is free: a batch of {@code B} rows of width {@code w}, row-major, is already the
 * {@code B/pac} packs of width {@code pac*w}.
 *
 * <p>The WGAN-GP penalty (arXiv 1704.00028) needs the gradient of the penalty, itself made of an
 * input gradient, with respect to the weights. The critic is piecewise linear in its input
 * (LeakyReLU and a fixed dropout mask act as a per-unit slope {@code s}), so for pack i the input
 * gradient is {@code g_i = W1 (s1_i ⊙ W2 (s2_i ⊙ w3))} and its derivative with respect to the
 * weights follows by the chain rule with the slopes held fixed (their derivative is zero almost
 * everywhere). {@link #gradientPenalty} implements that exact gradient; biases do not enter it.
 */
final class PacCritic {
  static final float LEAKY_SLOPE = 0.2f;

  final int pac;
  final int rowWidth;
  final int packWidth;
  final int hidden1;
  final int hidden2;
  final float dropout;

  final Parameter w1;
  final Parameter b1;
  final Parameter w2;
  final Parameter b2;
  final Parameter w3;
  final Parameter b3;

  // Penalty workspace, reused across steps.
  private Tensor dA1;
  private Tensor dA2;

  PacCritic(int pac, int rowWidth, int hidden1, int hidden2, float dropout, Rng rng) {
    this.pac = pac;
    this.rowWidth = rowWidth;
    this.packWidth = pac * rowWidth;
    this.hidden1 = hidden1;
    this.hidden2 = hidden2;
    this.dropout = dropout;
    this.w1 = uniform("critic.w1", packWidth, hidden1, packWidth, rng);
    this.b1 = uniform("critic.b1", 1, hidden1, packWidth, rng);
    this.w2 = uniform("critic.w2", hidden1, hidden2, hidden1, rng);
    this.b2 = uniform("critic.b2", 1, hidden2, hidden1, rng);
    this.w3 = uniform("critic.w3", hidden2, 1, hidden2, rng);
    this.b3 = uniform("critic.b3", 1, 1, hidden2, rng);
  }

  /** PyTorch's nn.Linear initialisation: U(-1/sqrt(fanIn), 1/sqrt(fanIn)). */
  private static Parameter uniform(String name, int rows, int cols, int fanIn, Rng rng) {
    Tensor t = new Tensor(rows, cols);
    float bound = (float) (1.0 / Math.sqrt(fanIn));
    for (int i = 0; i < t.data.length; i++) {
      t.data[i] = (2f * rng.nextFloat() - 1f) * bound;
    }
    return new Parameter(name, t);
  }

  List<Parameter> parameters() {
    return List.of(w1, b1, w2, b2, w3, b3);
  }

  /** The activations of one forward pass, kept for its backward pass and the penalty. */
  static final class Pass {
    Tensor input;
    Tensor z1;
    Tensor s1;
    Tensor d1;
    Tensor z2;
    Tensor s2;
    Tensor d2;
    Tensor score;
    Tensor dz1;
    Tensor dz2;
    Tensor dInput;

    int packs() {
      return input.rows;
    }
  }

  /**
   * Scores {@code input} (packs x packWidth). In training mode each hidden unit is dropped with
   * probability {@code dropout} (mask drawn from {@code rng}); kept units are scaled by
   * 1/(1-dropout).
   */
  Tensor forward(Pass p, Tensor input, boolean training, Rng rng) {
    if (input.cols != packWidth) {
      throw new IllegalArgumentException("critic input width " + input.cols + " != " + packWidth);
    }
    int n = input.rows;
    p.input = input;
    p.z1 = Tensor.reuse(p.z1, n, hidden1);
    p.s1 = Tensor.reuse(p.s1, n, hidden1);
    p.d1 = Tensor.reuse(p.d1, n, hidden1);
    p.z2 = Tensor.reuse(p.z2, n, hidden2);
    p.s2 = Tensor.reuse(p.s2, n, hidden2);
    p.d2 = Tensor.reuse(p.d2, n, hidden2);
    p.score = Tensor.reuse(p.score, n, 1);
    affine(input, w1, b1, p.z1);
    activate(p.z1, p.s1, p.d1, training, rng);
    affine(p.d1, w2, b2, p.z2);
    activate(p.z2, p.s2, p.d2, training, rng);
    affine(p.d2, w3, b3, p.score);
    return p.score;
  }

  private static void affine(Tensor x, Parameter w, Parameter b, Tensor out) {
    int cols = out.cols;
    float[] o = out.data;
    float[] bias = b.value.data;
    for (int r = 0; r < out.rows; r++) {
      System.arraycopy(bias, 0, o, r * cols, cols);
    }
    Gemm.matmul(x, false, w.value, false, out, true);
  }

  /**
   * LeakyReLU then dropout, written as one per-unit slope s (0.2 or 1, times the dropout scale or
   * 0) so that the output is z*s: the same slopes serve backward and the penalty.
   */
  private void activate(Tensor z, Tensor s, Tensor out, boolean training, Rng rng) {
    float[] zd = z.data;
    float[] sd = s.data;
    float[] od = out.data;
    boolean drop = training && dropout > 0f;
    float keepScale = drop ? 1f / (1f - dropout) : 1f;
    // With p = 0.5 (CTGAN's setting) every random bit is one exact keep/drop draw.
    boolean halves = dropout == 0.5f;
    long bits = 0;
    for (int i = 0; i < zd.length; i++) {
      float slope = zd[i] > 0f ? keepScale : LEAKY_SLOPE * keepScale;
      if (drop) {
        boolean dropped;
        if (halves) {
          if ((i & 63) == 0) {
            bits = rng.nextLong();
          }
          dropped = (bits & 1L) == 0;
          bits >>>= 1;
        } else {
          dropped = rng.nextFloat() < dropout;
        }
        if (dropped) {
          slope = 0f;
        }
      }
      sd[i] = slope;
      od[i] = zd[i] * slope;
    }
  }

  /**
   * The gradient of {@code sum_i dScore_i * score_i} with respect to the input of the forward pass
   * {@code p} (what the generator step needs); the critic's weights get no gradient.
   */
  Tensor inputGradient(Pass p, Tensor dScore) {
    int n = p.packs();
    p.dz2 = Tensor.reuse(p.dz2, n, hidden2);
    p.dz1 = Tensor.reuse(p.dz1, n, hidden1);
    float[] ds = dScore.data;
    float[] w3v = w3.value.data;
    for (int r = 0; r < n; r++) {
      int base = r * hidden2;
      for (int j = 0; j < hidden2; j++) {
        p.dz2.data[base + j] = ds[r] * w3v[j] * p.s2.data[base + j];
      }
    }
    Gemm.matmul(p.dz2, false, w2.value, true, p.dz1, false);
    float[] dz1 = p.dz1.data;
    float[] s1 = p.s1.data;
    for (int i = 0; i < dz1.length; i++) {
      dz1[i] *= s1[i];
    }
    p.dInput = Tensor.reuse(p.dInput, n, packWidth);
    Gemm.matmul(p.dz1, false, w1.value, true, p.dInput, false);
    return p.dInput;
  }

  /** The critic loss of one step: the Wasserstein estimate's two means and the penalty. */
  record StepLoss(double meanFake, double meanReal, double penalty) {
    double total() {
      return meanFake - meanReal + penalty;
    }
  }

  /**
   * The WGAN-GP critic loss {@code mean D(fake) - mean D(real) + lambda * mean (||∇D(mixed)|| - 1)^2}
   * (arXiv 1704.00028) on {@code stacked} = [fake; real; mixed] packs (3 x packs rows), adding its
   * exact gradient with respect to every weight.
   *
   * <p>All three kinds of packs go through each layer in one product, and the two loss terms'
   * weight gradients are summed in one product per layer: rows of fake and real packs carry the
   * Wasserstein term, rows of mixed packs the penalty's. The mixed rows of {@code stacked} are
   * overwritten (with the penalty's gradient with respect to them).
   *
   * <p>With {@code dp} (DP-SGD), pack i of each kind forms privacy unit i: the gradient becomes
   * {@code (sum_i clip_C(g_i) + N(0, sigma^2 C^2)) / expectedUnits}, where {@code g_i} is unit i's
   * gradient of its own loss {@code D(fake_i) - D(real_i) + lambda (||∇D(mixed_i)|| - 1)^2}; units
   * at and beyond {@code dp.activeUnits()} hold no real row and contribute nothing.
   */
  StepLoss wganGpLossAndGradients(Pass p, Tensor stacked, float lambda, Rng rng,
      UnitClipping dp) {
    int all = stacked.rows;
    int n = all / 3;
    if (all != 3 * n) {
      throw new IllegalArgumentException("stacked critic input needs 3 x packs rows, got " + all);
    }
    int active = dp == null ? n : dp.activeUnits();
    forward(p, stacked, true, rng);
    float[] score = p.score.data;
    double meanFake = 0;
    double meanReal = 0;
    for (int r = 0; r < active; r++) {
      meanFake += score[r];
      meanReal += score[n + r];
    }
    meanFake /= Math.max(active, 1);
    meanReal /= Math.max(active, 1);

    // Without DP the loss is a mean over units; with DP each unit's own loss is clipped, and the
    // division by the expected batch comes after the noise.
    float unit = dp == null ? 1f / n : 1f;
    // dz2: the Wasserstein term's gradient in fake and real rows; a2 = s2 ⊙ w3 in mixed rows,
    // the start of the penalty's input gradient g = ((s2 ⊙ w3) W2ᵀ ⊙ s1) W1ᵀ.
    p.dz2 = Tensor.reuse(p.dz2, all, hidden2);
    p.dz1 = Tensor.reuse(p.dz1, all, hidden1);
    float[] w3v = w3.value.data;
    float[] s2 = p.s2.data;
    float[] dz2 = p.dz2.data;
    for (int r = 0; r < all; r++) {
      float upstream = r < n ? unit : r < 2 * n ? -unit : 1f;
      int base = r * hidden2;
      for (int j = 0; j < hidden2; j++) {
        dz2[base + j] = upstream * w3v[j] * s2[base + j];
      }
    }
    // dz1 = (dz2 W2ᵀ) ⊙ s1 for every row: in mixed rows that is a1 of the input gradient.
    float[] dz1 = p.dz1.data;
    Gemm.gemm(false, true, all, hidden1, hidden2, dz2, 0, hidden2, w2.value.data, 0, hidden2,
        0f, dz1, 0, hidden1);
    float[] s1 = p.s1.data;
    for (int i = 0; i < dz1.length; i++) {
      dz1[i] *= s1[i];
    }
    // The input gradient of the mixed packs, written over their input rows.
    float[] x = stacked.data;
    int mixedIn = 2 * n * packWidth;
    Gemm.gemm(false, true, n, packWidth, hidden1, dz1, 2 * n * hidden1, hidden1,
        w1.value.data, 0, hidden1, 0f, x, mixedIn, packWidth);
    double penalty = penaltyGradient(x, mixedIn, n, active, lambda, unit);

    // Back through g with the slopes fixed: dA1 = R W1, dU1 = dA1 ⊙ s1 (into the mixed rows of
    // d1, free after the forward pass), dA2 = dU1 W2.
    dA1 = Tensor.reuse(dA1, n, hidden1);
    dA2 = Tensor.reuse(dA2, n, hidden2);
    Gemm.gemm(false, false, n, hidden1, packWidth, x, mixedIn, packWidth, w1.value.data, 0,
        hidden1, 0f, dA1.data, 0, hidden1);
    float[] d1 = p.d1.data;
    int mixedH1 = 2 * n * hidden1;
    for (int i = 0; i < n * hidden1; i++) {
      d1[mixedH1 + i] = dA1.data[i] * s1[mixedH1 + i];
    }
    Gemm.gemm(false, false, n, hidden2, hidden1, d1, mixedH1, hidden1, w2.value.data, 0,
        hidden2, 0f, dA2.data, 0, hidden2);

    // Every unit's gradient is now determined by its rows: clip units by scaling their rows.
    float[] factor = dp == null ? null : dp.clip(this, p, stacked, dA2.data, unit);

    // Weight gradients, both terms at once: the Wasserstein rows pair activations with dz, the
    // mixed rows pair the penalty's R with a1 (layer 1) and dU1 with a2 (layer 2).
    float[] d2 = p.d2.data;
    float[] w3g = w3.grad.data;
    for (int r = 0; r < 2 * n; r++) {
      float upstream = (r < n ? unit : -unit) * (factor == null ? 1f : factor[r % n]);
      int base = r * hidden2;
      for (int j = 0; j < hidden2; j++) {
        w3g[j] += d2[base + j] * upstream;
      }
    }
    int mixedH2 = 2 * n * hidden2;
    for (int r = 0; r < n; r++) {
      float f = factor == null ? 1f : factor[r];
      int base = r * hidden2;
      for (int j = 0; j < hidden2; j++) {
        w3g[j] += f * s2[mixedH2 + base + j] * dA2.data[base + j];
      }
    }
    Gemm.gemm(true, false, hidden1, hidden2, all, d1, 0, hidden1, dz2, 0, hidden2, 1f,
        w2.grad.data, 0, hidden2);
    Gemm.gemm(true, false, packWidth, hidden1, all, x, 0, packWidth, dz1, 0, hidden1, 1f,
        w1.grad.data, 0, hidden1);
    // Biases: only the Wasserstein rows (the penalty does not depend on them); b3's gradient is
    // +unit over fake rows and -unit over real rows, which cancel within every unit.
    addColumnSums(dz2, 2 * n, hidden2, b2.grad.data);
    addColumnSums(dz1, 2 * n, hidden1, b1.grad.data);
    if (dp != null) {
      dp.addNoiseAndAverage(parameters());
    }
    return new StepLoss(meanFake, meanReal, penalty);
  }

  /**
   * Turns the input gradients g (rows at {@code x[off..]}) into the penalty's gradient with
   * respect to them, {@code 2 lambda unit (||g|| - 1) g / ||g||}, in place (zero for rows at and
   * beyond {@code active}); returns the mean penalty over the active rows.
   */
  private double penaltyGradient(float[] x, int off, int n, int active, float lambda,
      float unit) {
    double penalty = 0;
    for (int r = 0; r < n; r++) {
      int base = off + r * packWidth;
      double sq = 0;
      for (int c = 0; c < packWidth; c++) {
        sq += (double) x[base + c] * x[base + c];
      }
      double norm = Math.sqrt(sq);
      float scale = 0f;
      if (r < active) {
        penalty += (norm - 1) * (norm - 1);
        scale = norm > 0 ? (float) (2.0 * lambda * unit * (norm - 1) / norm) : 0f;
      }
      for (int c = 0; c < packWidth; c++) {
        x[base + c] *= scale;
      }
    }
    return penalty * lambda / Math.max(active, 1);
  }

  private static void addColumnSums(float[] t, int rows, int cols, float[] sums) {
    for (int r = 0; r < rows; r++) {
      int base = r * cols;
      for (int c = 0; c < cols; c++) {
        sums[c] += t[base + c];
      }
    }
  }

}
