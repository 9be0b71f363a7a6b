package io.synthbeam.nn;

import java.util.List;

/**
 * Adam (Kingma and Ba 2015) with the semantics of PyTorch's {@code torch.optim.Adam}: L2 weight
 * decay added to the gradient before the moment updates (not AdamW), bias-corrected moments, and
 * {@code eps} added to the bias-corrected square root of the second moment:
 *
 * <pre>
 *   g = grad + wd * w
 *   m = b1 * m + (1 - b1) * g
 *   v = b2 * v + (1 - b2) * g^2
 *   w -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
 * </pre>
 *
 * The parameters' gradients are only read; call {@link #zeroGrad()} before the next backward pass.
 */
public final class Adam {
  public static final float DEFAULT_EPS = 1e-8f;

  private final List<Parameter> parameters;
  private final float[][] m;
  private final float[][] v;
  private final float beta1;
  private final float beta2;
  private final float eps;
  private final float weightDecay;
  private float learningRate;
  private long steps;
  /** offsets[p] is where parameter p starts when all are laid end to end. */
  private final int[] offsets;
  private final Parallelism.RangeBody updateBody = this::updateRange;
  private float stepSize;
  private float invSqrtBias2;
  /** Entries per task in the parallel update. */
  private static final int MIN_CHUNK = 32_768;

  public Adam(List<Parameter> parameters, float learningRate, float beta1, float beta2,
      float eps, float weightDecay) {
    if (!(learningRate >= 0f) || !(beta1 >= 0f && beta1 < 1f) || !(beta2 >= 0f && beta2 < 1f)
        || !(eps >= 0f) || !(weightDecay >= 0f)) {
      throw new IllegalArgumentException("invalid Adam settings: lr " + learningRate + ", betas ("
          + beta1 + ", " + beta2 + "), eps " + eps + ", weight decay " + weightDecay);
    }
    this.parameters = List.copyOf(parameters);
    this.offsets = new int[this.parameters.size() + 1];
    for (int i = 0; i < this.parameters.size(); i++) {
      offsets[i + 1] = offsets[i] + this.parameters.get(i).value.size();
    }
    this.m = new float[this.parameters.size()][];
    this.v = new float[this.parameters.size()][];
    for (int i = 0; i < m.length; i++) {
      int n = this.parameters.get(i).value.size();
      m[i] = new float[n];
      v[i] = new float[n];
    }
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
  }

  /** Adam with eps 1e-8. */
  public Adam(List<Parameter> parameters, float learningRate, float beta1, float beta2,
      float weightDecay) {
    this(parameters, learningRate, beta1, beta2, DEFAULT_EPS, weightDecay);
  }

  public List<Parameter> parameters() {
    return parameters;
  }

  public float learningRate() {
    return learningRate;
  }

  public void setLearningRate(float learningRate) {
    this.learningRate = learningRate;
  }

  /** Number of {@link #step()} calls so far (PyTorch's per-parameter {@code step}). */
  public long steps() {
    return steps;
  }

  /** First-moment estimate of parameter {@code index} (live array, for checkpointing). */
  public float[] firstMoment(int index) {
    return m[index];
  }

  /** Second-moment estimate of parameter {@code index} (live array, for checkpointing). */
  public float[] secondMoment(int index) {
    return v[index];
  }

  /** Restores the step count together with the moment arrays when resuming from a checkpoint. */
  public void setSteps(long steps) {
    this.steps = steps;
  }

  /** One update of every parameter from its current gradient. */
  public void step() {
    steps++;
    double bias1 = 1.0 - Math.pow(beta1, steps);
    double bias2 = 1.0 - Math.pow(beta2, steps);
    stepSize = (float) (learningRate / bias1);
    invSqrtBias2 = (float) (1.0 / Math.sqrt(bias2));
    // Memory-bound (weights, gradients and both moments stream through once): both cores help.
    Parallelism.parallelRange(offsets[offsets.length - 1], MIN_CHUNK, updateBody);
  }

  /** Updates the entries {@code [from, to)} of all parameters laid end to end. */
  private void updateRange(int from, int to) {
    int p = 0;
    while (offsets[p + 1] <= from) {
      p++;
    }
    float b1 = beta1;
    float b2 = beta2;
    float c1 = 1f - beta1;
    float c2 = 1f - beta2;
    float wd = weightDecay;
    float e = eps;
    float size = stepSize;
    float corr = invSqrtBias2;
    while (from < to) {
      int start = from - offsets[p];
      int end = Math.min(to, offsets[p + 1]) - offsets[p];
      float[] w = parameters.get(p).value.data;
      float[] grad = parameters.get(p).grad.data;
      float[] mp = m[p];
      float[] vp = v[p];
      for (int i = start; i < end; i++) {
        float g = grad[i] + wd * w[i];
        float mi = b1 * mp[i] + c1 * g;
        float vi = b2 * vp[i] + c2 * g * g;
        mp[i] = mi;
        vp[i] = vi;
        w[i] -= size * mi / ((float) Math.sqrt(vi) * corr + e);
      }
      from = offsets[p] + end;
      p++;
    }
  }

  /** Zeroes the gradients of all parameters. */
  public void zeroGrad() {
    for (int i = 0, n = parameters.size(); i < n; i++) { // indexed: no iterator per step
      parameters.get(i).zeroGrad();
    }
  }
}
