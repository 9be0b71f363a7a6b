package io.synthbeam.nn;

import java.util.Arrays;
import java.util.List;

/**
 * Batch normalisation over the rows of a batch, per feature (column), with PyTorch's
 * {@code nn.BatchNorm1d} semantics: {@code y = gamma * (x - mean) / sqrt(var + eps) + beta}.
 *
 * <p>Training mode normalises with the batch mean and biased batch variance and moves the running
 * statistics towards the batch ones (the running variance with the unbiased batch variance).
 * Inference mode normalises with the running statistics. For recalibrating the statistics after
 * training, {@link #resetRunningStats()} plus {@link #setCumulativeAverage(boolean) cumulative
 * averaging} make the running statistics the plain average over the following training-mode
 * batches (PyTorch's {@code momentum=None}).
 */
public final class BatchNorm1d implements Layer {
  public static final float DEFAULT_EPS = 1e-5f;
  public static final float DEFAULT_MOMENTUM = 0.1f;

  private final int features;
  private final float eps;
  private final float momentum;
  private final Parameter gamma;
  private final Parameter beta;
  private final List<Parameter> parameters;
  private final float[] runningMean;
  private final float[] runningVar;
  private long batchesTracked;
  private boolean cumulativeAverage;

  // Per-feature work arrays, allocated once.
  private final float[] sumA;
  private final float[] sumB;
  private final float[] invStd;

  // Column-range bodies for Parallelism: each column is summed in row order by one thread, so
  // results do not depend on the thread count. Bound once, so a step allocates nothing.
  private final Parallelism.RangeBody statsBody = this::statsRange;
  private final Parallelism.RangeBody normaliseBody = this::normaliseRange;
  private final Parallelism.RangeBody backwardBody = this::backwardRange;
  private float[] in;
  private float[] dy;
  private int rows;
  /** Columns per task: enough work per task to be worth a thread. */
  private static final int MIN_COLUMNS = 32;

  private boolean lastTraining;
  private Tensor xHat;
  private Tensor output;
  private Tensor gradInput;

  public BatchNorm1d(int features) {
    this(features, DEFAULT_EPS, DEFAULT_MOMENTUM);
  }

  public BatchNorm1d(int features, float eps, float momentum) {
    if (features <= 0) {
      throw new IllegalArgumentException("BatchNorm1d needs a positive feature count, got "
          + features);
    }
    this.features = features;
    this.eps = eps;
    this.momentum = momentum;
    Tensor g = new Tensor(1, features);
    g.fill(1f);
    this.gamma = new Parameter("gamma", g);
    this.beta = new Parameter("beta", new Tensor(1, features));
    this.parameters = List.of(gamma, beta);
    this.runningMean = new float[features];
    this.runningVar = new float[features];
    this.sumA = new float[features];
    this.sumB = new float[features];
    this.invStd = new float[features];
    resetRunningStats();
  }

  public int features() {
    return features;
  }

  public float eps() {
    return eps;
  }

  public float momentum() {
    return momentum;
  }

  /** The scale, {@code 1 x features} (PyTorch's {@code weight}). */
  public Parameter gamma() {
    return gamma;
  }

  /** The shift, {@code 1 x features} (PyTorch's {@code bias}). */
  public Parameter beta() {
    return beta;
  }

  /** The live running mean (length {@code features}); write into it to load saved statistics. */
  public float[] runningMean() {
    return runningMean;
  }

  /** The live running variance (unbiased); write into it to load saved statistics. */
  public float[] runningVar() {
    return runningVar;
  }

  /** Training-mode batches seen since construction or the last {@link #resetRunningStats()}. */
  public long batchesTracked() {
    return batchesTracked;
  }

  /** Running mean 0, running variance 1, batch count 0 (as PyTorch's reset_running_stats). */
  public void resetRunningStats() {
    Arrays.fill(runningMean, 0f);
    Arrays.fill(runningVar, 1f);
    batchesTracked = 0;
  }

  /**
   * When true, each training-mode batch updates the running statistics with factor
   * {@code 1/batchesTracked} instead of the momentum, so after {@link #resetRunningStats()} they
   * become the exact average of the batch statistics that follow.
   */
  public void setCumulativeAverage(boolean cumulativeAverage) {
    this.cumulativeAverage = cumulativeAverage;
  }

  public boolean cumulativeAverage() {
    return cumulativeAverage;
  }

  @Override
  public Tensor forward(Tensor x, boolean training) {
    if (x.cols != features) {
      throw new IllegalArgumentException(
          "BatchNorm1d(" + features + ") got input with " + x.cols + " columns");
    }
    int rows = x.rows;
    if (training && rows < 2) {
      throw new IllegalArgumentException("BatchNorm1d(" + features + ") in training mode needs"
          + " at least 2 rows per batch to estimate a variance, got " + rows);
    }
    lastTraining = training;
    xHat = Tensor.reuse(xHat, rows, features);
    output = Tensor.reuse(output, rows, features);
    if (training) {
      computeBatchStats(x);
    } else {
      for (int j = 0; j < features; j++) {
        sumA[j] = runningMean[j];
        invStd[j] = (float) (1.0 / Math.sqrt(runningVar[j] + (double) eps));
      }
    }
    normalise(x);
    return output;
  }

  /** Sets sumA to the batch mean and invStd from the biased variance; updates running stats. */
  private void computeBatchStats(Tensor x) {
    in = x.data;
    rows = x.rows;
    Parallelism.parallelRange(features, MIN_COLUMNS, statsBody);
    batchesTracked++;
    double factor = cumulativeAverage ? 1.0 / batchesTracked : momentum;
    double unbias = rows / (rows - 1.0);
    for (int j = 0; j < features; j++) {
      double var = sumB[j] / rows;
      invStd[j] = (float) (1.0 / Math.sqrt(var + eps));
      runningMean[j] = (float) ((1.0 - factor) * runningMean[j] + factor * sumA[j]);
      runningVar[j] = (float) ((1.0 - factor) * runningVar[j] + factor * var * unbias);
    }
  }

  private void statsRange(int from, int to) {
    int f = features;
    float[] mean = sumA;
    float[] sq = sumB;
    for (int j = from; j < to; j++) {
      mean[j] = 0f;
      sq[j] = 0f;
    }
    for (int r = 0; r < rows; r++) {
      int base = r * f;
      for (int j = from; j < to; j++) {
        mean[j] += in[base + j];
      }
    }
    for (int j = from; j < to; j++) {
      mean[j] /= rows;
    }
    // Second pass over deviations: stable even when |mean| >> std.
    for (int r = 0; r < rows; r++) {
      int base = r * f;
      for (int j = from; j < to; j++) {
        float d = in[base + j] - mean[j];
        sq[j] += d * d;
      }
    }
  }

  /** xHat = (x - sumA) * invStd; output = gamma * xHat + beta. */
  private void normalise(Tensor x) {
    in = x.data;
    rows = x.rows;
    Parallelism.parallelRange(features, MIN_COLUMNS, normaliseBody);
  }

  private void normaliseRange(int from, int to) {
    int f = features;
    float[] xh = xHat.data;
    float[] y = output.data;
    float[] g = gamma.value.data;
    float[] b = beta.value.data;
    float[] mean = sumA;
    for (int r = 0; r < rows; r++) {
      int base = r * f;
      for (int j = from; j < to; j++) {
        float v = (in[base + j] - mean[j]) * invStd[j];
        xh[base + j] = v;
        y[base + j] = g[j] * v + b[j];
      }
    }
  }

  @Override
  public Tensor backward(Tensor gradOutput) {
    int n = xHat.rows;
    if (gradOutput.rows != n || gradOutput.cols != features) {
      throw new IllegalArgumentException("BatchNorm1d(" + features + ") backward got "
          + gradOutput + ", expected " + n + "x" + features);
    }
    gradInput = Tensor.reuse(gradInput, n, features);
    dy = gradOutput.data;
    rows = n;
    Parallelism.parallelRange(features, MIN_COLUMNS, backwardBody);
    return gradInput;
  }

  private void backwardRange(int from, int to) {
    int f = features;
    float[] xh = xHat.data;
    float[] dx = gradInput.data;
    float[] g = gamma.value.data;
    float[] sumDy = sumA;
    float[] sumDyXhat = sumB;
    for (int j = from; j < to; j++) {
      sumDy[j] = 0f;
      sumDyXhat[j] = 0f;
    }
    for (int r = 0; r < rows; r++) {
      int base = r * f;
      for (int j = from; j < to; j++) {
        float d = dy[base + j];
        sumDy[j] += d;
        sumDyXhat[j] += d * xh[base + j];
      }
    }
    float[] dGamma = gamma.grad.data;
    float[] dBeta = beta.grad.data;
    for (int j = from; j < to; j++) {
      dGamma[j] += sumDyXhat[j];
      dBeta[j] += sumDy[j];
    }
    if (lastTraining) {
      // dx = gamma*invStd/n * (n*dy - sum(dy) - xHat*sum(dy*xHat)): the batch statistics depend
      // on every row, hence the two correction terms.
      for (int j = from; j < to; j++) {
        sumDy[j] /= rows;
        sumDyXhat[j] /= rows;
      }
      for (int r = 0; r < rows; r++) {
        int base = r * f;
        for (int j = from; j < to; j++) {
          float centred = dy[base + j] - sumDy[j] - xh[base + j] * sumDyXhat[j];
          dx[base + j] = g[j] * invStd[j] * centred;
        }
      }
    } else {
      for (int r = 0; r < rows; r++) {
        int base = r * f;
        for (int j = from; j < to; j++) {
          dx[base + j] = dy[base + j] * g[j] * invStd[j];
        }
      }
    }
  }

  @Override
  public List<Parameter> parameters() {
    return parameters;
  }
}
