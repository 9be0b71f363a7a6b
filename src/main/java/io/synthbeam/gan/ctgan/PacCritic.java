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
  private Tensor a2;
  private Tensor u1;
  private Tensor a1;
  private Tensor inputGrad;
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
   * Backward from {@code dScore} (packs x 1): adds the weight gradients and, when
   * {@code inputGrad}, returns the gradient with respect to the input (else null).
   */
  Tensor backward(Pass p, Tensor dScore, boolean accumulateWeights, boolean inputGrad) {
    int n = p.packs();
    p.dz2 = Tensor.reuse(p.dz2, n, hidden2);
    p.dz1 = Tensor.reuse(p.dz1, n, hidden1);
    float[] ds = dScore.data;
    float[] w3v = w3.value.data;
    // dz2 = (dScore w3ᵀ) ⊙ s2
    for (int r = 0; r < n; r++) {
      int base = r * hidden2;
      for (int j = 0; j < hidden2; j++) {
        p.dz2.data[base + j] = ds[r] * w3v[j] * p.s2.data[base + j];
      }
    }
    if (accumulateWeights) {
      Gemm.matmul(p.d2, true, dScore, false, w3.grad, true);
      float sum = 0f;
      for (int r = 0; r < n; r++) {
        sum += ds[r];
      }
      b3.grad.data[0] += sum;
      Gemm.matmul(p.d1, true, p.dz2, false, w2.grad, true);
      addColumnSums(p.dz2, b2);
    }
    // dz1 = (dz2 W2ᵀ) ⊙ s1
    Gemm.matmul(p.dz2, false, w2.value, true, p.dz1, false);
    multiplyInPlace(p.dz1, p.s1);
    if (accumulateWeights) {
      Gemm.matmul(p.input, true, p.dz1, false, w1.grad, true);
      addColumnSums(p.dz1, b1);
    }
    if (!inputGrad) {
      return null;
    }
    p.dInput = Tensor.reuse(p.dInput, n, packWidth);
    Gemm.matmul(p.dz1, false, w1.value, true, p.dInput, false);
    return p.dInput;
  }

  /**
   * The WGAN-GP penalty {@code lambda * mean_i (||∂score_i/∂input_i|| - 1)^2} over the packs of a
   * forward pass {@code p} (made on the interpolated inputs), adding its exact gradient with
   * respect to the weights. Returns the penalty.
   */
  double gradientPenalty(Pass p, float lambda) {
    int n = p.packs();
    a2 = Tensor.reuse(a2, n, hidden2);
    u1 = Tensor.reuse(u1, n, hidden1);
    a1 = Tensor.reuse(a1, n, hidden1);
    inputGrad = Tensor.reuse(inputGrad, n, packWidth);
    dA1 = Tensor.reuse(dA1, n, hidden1);
    dA2 = Tensor.reuse(dA2, n, hidden2);
    float[] w3v = w3.value.data;

    // Input gradient g = ((s2 ⊙ w3ᵀ) W2ᵀ ⊙ s1) W1ᵀ, one row per pack.
    for (int r = 0; r < n; r++) {
      int base = r * hidden2;
      for (int j = 0; j < hidden2; j++) {
        a2.data[base + j] = p.s2.data[base + j] * w3v[j];
      }
    }
    Gemm.matmul(a2, false, w2.value, true, u1, false);
    for (int i = 0; i < a1.data.length; i++) {
      a1.data[i] = u1.data[i] * p.s1.data[i];
    }
    Gemm.matmul(a1, false, w1.value, true, inputGrad, false);

    // Penalty and its gradient R with respect to g, written over g in place.
    double penalty = 0;
    float[] g = inputGrad.data;
    for (int r = 0; r < n; r++) {
      int base = r * packWidth;
      double sq = 0;
      for (int c = 0; c < packWidth; c++) {
        sq += (double) g[base + c] * g[base + c];
      }
      double norm = Math.sqrt(sq);
      penalty += (norm - 1) * (norm - 1);
      float scale = norm > 0 ? (float) (2.0 * lambda / n * (norm - 1) / norm) : 0f;
      for (int c = 0; c < packWidth; c++) {
        g[base + c] *= scale;
      }
    }
    penalty *= (double) lambda / n;

    // Back through g = a1 W1ᵀ, a1 = s1 ⊙ (a2 W2ᵀ), a2 = s2 ⊙ w3ᵀ, slopes fixed.
    Gemm.matmul(inputGrad, true, a1, false, w1.grad, true);
    Gemm.matmul(inputGrad, false, w1.value, false, dA1, false);
    multiplyInPlace(dA1, p.s1);
    Gemm.matmul(dA1, true, a2, false, w2.grad, true);
    Gemm.matmul(dA1, false, w2.value, false, dA2, false);
    float[] w3g = w3.grad.data;
    for (int r = 0; r < n; r++) {
      int base = r * hidden2;
      for (int j = 0; j < hidden2; j++) {
        w3g[j] += p.s2.data[base + j] * dA2.data[base + j];
      }
    }
    return penalty;
  }

  private static void multiplyInPlace(Tensor t, Tensor by) {
    float[] a = t.data;
    float[] b = by.data;
    for (int i = 0; i < a.length; i++) {
      a[i] *= b[i];
    }
  }

  private static void addColumnSums(Tensor t, Parameter bias) {
    float[] g = bias.grad.data;
    int cols = t.cols;
    for (int r = 0; r < t.rows; r++) {
      int base = r * cols;
      for (int c = 0; c < cols; c++) {
        g[c] += t.data[base + c];
      }
    }
  }
}
