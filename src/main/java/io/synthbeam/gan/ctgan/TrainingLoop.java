package io.synthbeam.gan.ctgan;

import io.synthbeam.nn.Adam;
import io.synthbeam.nn.Rng;
import io.synthbeam.nn.Tensor;
import io.synthbeam.table.DiscreteColumn;
import io.synthbeam.table.EncodedTable;
import io.synthbeam.table.TableEncoder;

/**
 * One CTGAN training run: the networks, their optimisers and every batch buffer, allocated once.
 * A step is one critic update (WGAN-GP) followed by one generator update (critic score plus the
 * cross-entropy of the conditioned column).
 */
final class TrainingLoop {
  final CtganOptions options;
  final EncodedTable data;
  final int dataWidth;
  final int conditionWidth;
  final int batch;
  final int packs;
  final ConditionSampler sampler;
  final Generator generator;
  final OutputHeads heads;
  final PacCritic critic;
  private final Adam generatorOptimizer;
  private final Adam criticOptimizer;
  private final WeightAverage generatorAverage;

  private Rng noiseRng;
  private Rng conditionRng;
  private Rng dropoutRng;
  private Rng gumbelRng;

  private final Tensor generatorInput;
  private final float[] conditions;
  private final int[] conditionColumn;
  private final int[] conditionCategory;
  private final int[] permutation;
  private final Tensor fakeInput;
  /** The critic step's packs: fake, real, then mixed, each {@code packs} rows. */
  private final Tensor criticInput;
  private final Tensor dScore;
  private final Tensor dActivated;
  private final PacCritic.Pass fakePass = new PacCritic.Pass();
  private final PacCritic.Pass criticPass = new PacCritic.Pass();

  // DP-SGD (null without differential privacy).
  private final PrivateBatches privateBatches;
  private final UnitClipping clipping;
  private long stepsTaken;

  double lastCriticLoss;
  double lastGeneratorLoss;

  TrainingLoop(CtganOptions options, TableEncoder encoder, EncodedTable data) {
    options.validate();
    this.options = options;
    this.data = data;
    this.dataWidth = encoder.width();
    this.conditionWidth = encoder.conditionWidth();
    DifferentialPrivacy dp = options.differentialPrivacy();
    Rng root = new Rng(options.seed());
    Rng initRng = root.split();
    reseed(root);
    this.sampler = new ConditionSampler(encoder.discreteColumns(), conditionWidth, data,
        dp != null);
    if (dp == null) {
      this.privateBatches = null;
      this.clipping = null;
      this.batch = options.batchSize();
    } else {
      // Amplification by sampling holds only if the sample is secret: the secret noise seed
      // draws it, like the noise.
      this.privateBatches = new PrivateBatches(data.rows(), options.batchSize(), sampler,
          new Rng(dp.resolveNoiseSeed(), 3));
      if (!(dp.noiseMultiplier() > 0)) {
        throw new IllegalArgumentException("the DP noise multiplier must be calibrated first");
      }
      // The noise must stay secret: it comes from the DP noise seed, never from the fit's seed.
      this.clipping = new UnitClipping(dp.clipNorm(), dp.noiseMultiplier(),
          privateBatches.expectedRows(), new Rng(dp.resolveNoiseSeed(), 2));
      // Padding units beyond the sampled rows keep the shapes fixed from step to step.
      this.batch = privateBatches.capacity();
    }
    this.packs = batch / options.pac();
    int rowWidth = dataWidth + conditionWidth;
    this.generator = new Generator(options.noiseWidth() + conditionWidth,
        options.generatorWidths(), dataWidth, initRng);
    this.heads = new OutputHeads(encoder.outputSpans(), (float) options.gumbelTemperature());
    int[] cw = options.criticWidths();
    this.critic = new PacCritic(options.pac(), rowWidth, cw[0], cw[1],
        (float) options.criticDropout(), initRng);
    this.generatorOptimizer = new Adam(generator.parameters(),
        (float) options.generatorLearningRate(), (float) options.beta1(), (float) options.beta2(),
        Adam.DEFAULT_EPS, (float) options.generatorWeightDecay());
    this.criticOptimizer = new Adam(critic.parameters(), (float) options.criticLearningRate(),
        (float) options.beta1(), (float) options.beta2(), Adam.DEFAULT_EPS,
        (float) options.criticWeightDecay());

    this.generatorAverage = options.generatorAverageDecay() > 0
        ? new WeightAverage(generator.parameters(), options.generatorAverageDecay()) : null;
    this.generatorInput = new Tensor(batch, options.noiseWidth() + conditionWidth);
    this.conditions = new float[batch * conditionWidth];
    this.conditionColumn = new int[batch];
    this.conditionCategory = new int[batch];
    this.permutation = new int[batch];
    this.fakeInput = new Tensor(packs, critic.packWidth);
    this.criticInput = new Tensor(3 * packs, critic.packWidth);
    this.dScore = new Tensor(packs, 1);
    this.dActivated = new Tensor(batch, dataWidth);
  }

  /** Draws fresh random streams (noise, conditions, dropout, Gumbel) from {@code root}. */
  void reseed(Rng root) {
    this.noiseRng = root.split();
    this.conditionRng = root.split();
    this.dropoutRng = root.split();
    this.gumbelRng = root.split();
  }

  /** Steps per epoch: one pass over the rows in batches, as CTGAN counts it. */
  int stepsPerEpoch() {
    return Math.max(data.rows() / options.batchSize(), 1);
  }

  /** Steps taken so far. */
  long stepsTaken() {
    return stepsTaken;
  }

  /** The expected real rows per critic step over the table's rows (DP-SGD's sampling rate). */
  double samplingRate() {
    return privateBatches == null ? Math.min(1.0, (double) batch / data.rows())
        : privateBatches.samplingRate();
  }

  void step() {
    double criticLoss;
    if (clipping == null) {
      generateFakeBatch();
      criticLoss = criticStep();
      if (!options.reuseFakeBatch()) {
        generateFakeBatch();
      }
    } else {
      // The critic's units: Poisson-sampled real rows, each conditioned on one of its own
      // categories, and fakes under the same conditions.
      clipping.setActiveUnits(privateBatches.draw(conditions, conditionColumn, conditionCategory,
          conditionRng));
      generate();
      criticLoss = criticStep();
      // The generator's conditions must not come from real rows: draw them anew from the
      // encoder's counts (private or public), so its update only reads the critic.
      generateFakeBatch();
    }
    lastGeneratorLoss = generatorStep();
    lastCriticLoss = criticLoss;
    stepsTaken++;
  }

  /**
   * Draws conditions (training-by-sampling), then generates the fake batch
   * ({@link #generate}).
   */
  void generateFakeBatch() {
    if (sampler.hasColumns()) {
      sampler.sampleForTraining(conditions, batch, conditionColumn, conditionCategory,
          conditionRng);
    }
    generate();
  }

  /**
   * Draws noise, runs the generator in training mode on [noise, the current conditions] and
   * writes [fake, condition] rows into {@code fakeInput}.
   */
  private void generate() {
    int noise = options.noiseWidth();
    int inWidth = noise + conditionWidth;
    float[] in = generatorInput.data;
    for (int r = 0; r < batch; r++) {
      noiseRng.fillGaussian(in, r * inWidth, noise);
      System.arraycopy(conditions, r * conditionWidth, in, r * inWidth + noise, conditionWidth);
    }
    Tensor activated = heads.forward(generator.forward(generatorInput, true), gumbelRng);
    int rowWidth = dataWidth + conditionWidth;
    float[] dst = fakeInput.data;
    for (int r = 0; r < batch; r++) {
      System.arraycopy(activated.data, r * dataWidth, dst, r * rowWidth, dataWidth);
      System.arraycopy(in, r * inWidth + noise, dst, r * rowWidth + dataWidth, conditionWidth);
    }
  }

  /**
   * Real rows for the critic: row i has the category drawn for row perm(i) of the fake batch and
   * carries that condition (CTGAN shuffles so packs of real and fake rows differ).
   */
  private void fillRealBatch() {
    int rowWidth = dataWidth + conditionWidth;
    float[] dst = criticInput.data;
    int realOffset = packs * critic.packWidth;
    float[] src = data.data();
    int noise = options.noiseWidth();
    int inWidth = noise + conditionWidth;
    if (privateBatches != null) {
      int active = clipping.activeUnits();
      java.util.Arrays.fill(dst, realOffset, realOffset + batch * rowWidth, 0f);
      for (int r = 0; r < active; r++) {
        System.arraycopy(src, privateBatches.row(r) * dataWidth, dst, realOffset + r * rowWidth,
            dataWidth);
        System.arraycopy(conditions, r * conditionWidth, dst,
            realOffset + r * rowWidth + dataWidth, conditionWidth);
      }
      return;
    }
    if (!sampler.hasColumns()) {
      for (int r = 0; r < batch; r++) {
        int row = conditionRng.nextInt(data.rows());
        System.arraycopy(src, row * dataWidth, dst, realOffset + r * rowWidth, dataWidth);
      }
      return;
    }
    for (int i = 0; i < batch; i++) {
      permutation[i] = i;
    }
    for (int i = batch - 1; i > 0; i--) {
      int j = conditionRng.nextInt(i + 1);
      int t = permutation[i];
      permutation[i] = permutation[j];
      permutation[j] = t;
    }
    float[] in = generatorInput.data;
    for (int r = 0; r < batch; r++) {
      int p = permutation[r];
      int row = sampler.realRow(conditionColumn[p], conditionCategory[p], conditionRng);
      System.arraycopy(src, row * dataWidth, dst, realOffset + r * rowWidth, dataWidth);
      System.arraycopy(in, p * inWidth + noise, dst, realOffset + r * rowWidth + dataWidth,
          conditionWidth);
    }
  }

  /**
   * The critic's packs for one step: the fake packs (copied), the real packs, and per pack a
   * uniform mix of the two (the penalty's sampling distribution).
   */
  private void fillCriticBatch() {
    int w = critic.packWidth;
    float[] x = criticInput.data;
    System.arraycopy(fakeInput.data, 0, x, 0, packs * w);
    fillRealBatch();
    int real = packs * w;
    int mixed = 2 * packs * w;
    for (int p = 0; p < packs; p++) {
      float eps = dropoutRng.nextFloat();
      int base = p * w;
      for (int c = 0; c < w; c++) {
        x[mixed + base + c] = eps * x[real + base + c] + (1f - eps) * x[base + c];
      }
    }
  }

  private double criticStep() {
    fillCriticBatch();
    criticOptimizer.zeroGrad();
    PacCritic.StepLoss loss = critic.wganGpLossAndGradients(criticPass, criticInput,
        (float) options.penaltyWeight(), dropoutRng, clipping);
    criticOptimizer.step();
    return loss.total();
  }

  private double generatorStep() {
    generatorOptimizer.zeroGrad();
    double loss = generatorLossAndGradients();
    generatorOptimizer.step();
    if (generatorAverage != null) {
      generatorAverage.update();
    }
    return loss;
  }

  /**
   * The generator's loss on the current fake batch, adding its gradient to the generator's
   * parameters: the critic's score of [fake, condition] and the condition cross-entropy.
   */
  double generatorLossAndGradients() {
    Tensor score = critic.forward(fakePass, fakeInput, true, dropoutRng);
    double loss = -mean(score);
    dScore.fill(-1f / packs);
    Tensor dInput = critic.inputGradient(fakePass, dScore);
    // The critic sees [fake, condition] rows; only the fake part flows back to the generator.
    int rowWidth = dataWidth + conditionWidth;
    for (int r = 0; r < batch; r++) {
      System.arraycopy(dInput.data, r * rowWidth, dActivated.data, r * dataWidth, dataWidth);
    }
    Tensor dRaw = heads.backward(dActivated);
    if (sampler.hasColumns()) {
      loss += conditionLoss(generator.lastOutput(), dRaw);
    }
    generator.backward(dRaw);
    return loss;
  }

  /**
   * Cross-entropy of each row's conditioned column (raw logits against the asked category),
   * averaged over the batch; adds its gradient into {@code dRaw}.
   */
  private double conditionLoss(Tensor raw, Tensor dRaw) {
    double total = 0;
    float inv = 1f / batch;
    for (int r = 0; r < batch; r++) {
      DiscreteColumn col = sampler.column(conditionColumn[r]);
      int off = r * dataWidth + col.spanOffset();
      int len = col.categories();
      float max = Float.NEGATIVE_INFINITY;
      for (int i = 0; i < len; i++) {
        max = Math.max(max, raw.data[off + i]);
      }
      double sum = 0;
      for (int i = 0; i < len; i++) {
        sum += Math.exp(raw.data[off + i] - max);
      }
      double logSum = max + Math.log(sum);
      int target = conditionCategory[r];
      total += logSum - raw.data[off + target];
      for (int i = 0; i < len; i++) {
        float p = (float) Math.exp(raw.data[off + i] - logSum);
        dRaw.data[off + i] += (p - (i == target ? 1f : 0f)) * inv;
      }
    }
    return total / batch;
  }

  /**
   * Readies the generator for sampling: takes the averaged weights (when averaging), then replaces
   * each BatchNorm's running statistics by the average over {@code batches} fresh batches drawn as
   * at sampling time. The exponential running averages lag behind weights that move during
   * training (and never saw the averaged weights); sampling uses inference mode, so it needs
   * statistics that match the generator it runs.
   */
  void prepareForSampling(int batches) {
    if (generatorAverage != null) {
      generatorAverage.copyToParameters();
    }
    for (ResidualBlock b : generator.blocks) {
      b.norm.resetRunningStats();
      b.norm.setCumulativeAverage(true);
    }
    int noise = options.noiseWidth();
    int inWidth = noise + conditionWidth;
    float[] in = generatorInput.data;
    for (int i = 0; i < batches; i++) {
      if (sampler.hasColumns()) {
        sampler.sampleOriginal(conditions, batch, conditionRng);
      }
      for (int r = 0; r < batch; r++) {
        noiseRng.fillGaussian(in, r * inWidth, noise);
        System.arraycopy(conditions, r * conditionWidth, in, r * inWidth + noise, conditionWidth);
      }
      generator.forward(generatorInput, true);
    }
    for (ResidualBlock b : generator.blocks) {
      b.norm.setCumulativeAverage(false);
    }
  }

  private static double mean(Tensor t) {
    double s = 0;
    for (float v : t.data) {
      s += v;
    }
    return s / t.data.length;
  }
}
