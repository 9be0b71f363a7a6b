package io.synthbeam.gan.ctgan;

import io.synthbeam.SynthBeamVersion;
import io.synthbeam.nn.Parallelism;
import io.synthbeam.nn.Rng;
import io.synthbeam.table.EncodedTable;
import io.synthbeam.table.EncodingOptions;
import io.synthbeam.table.TableEncoder;
import io.synthbeam.table.TableEncoderFitter;
import io.synthbeam.table.TableSpec;
import io.synthbeam.table.dp.PreprocessingPrivacy;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Trains a {@link CtganModel}: fits the table encoder, encodes the rows and runs the GAN.
 *
 * <pre>{@code
 * CtganModel model = new CtganTrainer(CtganOptions.defaults().withEpochs(100))
 *     .fit(schema, records, EncodingOptions.defaults(), stats -> System.err.println(stats));
 * }</pre>
 *
 * <p>A fixed seed gives the same model for the same data (results do not depend on the thread
 * count: every matrix product sums in an order fixed by the shapes).
 */
public final class CtganTrainer {
  /** Batches whose statistics replace the BatchNorm running averages after training. */
  static final int RECALIBRATION_BATCHES = 20;

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(CtganTrainer.class.getName());

  private final CtganOptions options;

  public CtganTrainer(CtganOptions options) {
    this.options = options;
  }

  public CtganOptions options() {
    return options;
  }

  /** Fits the encoder on the records, encodes them and trains the GAN. */
  public CtganModel fit(Schema schema, List<? extends GenericRecord> records,
      EncodingOptions encoding, TrainingListener listener) {
    TableSpec spec = TableSpec.fromSchema(schema, encoding);
    TableEncoderFitter fitter = new TableEncoderFitter(spec, encoding);
    DifferentialPrivacy dp = options.differentialPrivacy();
    if (dp != null) {
      fitter = fitter.withPrivacy(preprocessingBudget(dp));
    }
    TableEncoder encoder = fitter.fit(records);
    List<? extends GenericRecord> training = capRows(records);
    EncodedTable encoded = encoder.encodeAll(training, options.seed());
    return fit(encoder, encoded, listener);
  }

  /**
   * The encoder statistics' budget under {@code dp}: its preprocessing share of epsilon and half
   * of delta, with a noise seed derived from the (secret) DP noise seed.
   */
  public static PreprocessingPrivacy preprocessingBudget(DifferentialPrivacy dp) {
    long seed = new Rng(dp.resolveNoiseSeed(), 1).nextLong();
    return new PreprocessingPrivacy(dp.epsilon() * dp.preprocessingShare(), dp.delta() / 2,
        seed);
  }

  /** A seeded uniform sample of at most {@link CtganOptions#maxTrainingRows()} rows. */
  private List<? extends GenericRecord> capRows(List<? extends GenericRecord> records) {
    int cap = options.maxTrainingRows();
    if (records.size() <= cap) {
      return records;
    }
    int[] index = new int[records.size()];
    for (int i = 0; i < index.length; i++) {
      index[i] = i;
    }
    Rng rng = new Rng(options.seed() ^ 0x5DEECE66DL);
    List<GenericRecord> sample = new ArrayList<>(cap);
    for (int i = 0; i < cap; i++) {
      int j = i + rng.nextInt(index.length - i);
      int t = index[i];
      index[i] = index[j];
      index[j] = t;
      sample.add(records.get(index[i]));
    }
    return sample;
  }

  /** Trains the GAN on rows already encoded by {@code encoder} (the Beam path). */
  public CtganModel fit(TableEncoder encoder, EncodedTable rows, TrainingListener listener) {
    if (rows.rows() == 0) {
      throw new IllegalArgumentException("the table is empty: no rows to fit");
    }
    if (rows.width() != encoder.width()) {
      throw new IllegalArgumentException(
          "encoded rows have width " + rows.width() + ", the encoder " + encoder.width());
    }
    options.validate();
    Parallelism.setThreads(options.threads());
    PrivacyPlan privacy = PrivacyPlan.of(options, encoder, rows.rows());
    TrainingLoop loop = new TrainingLoop(privacy.options(), encoder, rows);
    int steps = loop.stepsPerEpoch();
    List<Double> critic = new ArrayList<>();
    List<Double> generator = new ArrayList<>();
    List<Double> seconds = new ArrayList<>();
    long start = System.nanoTime();
    for (int epoch = 1; epoch <= options.epochs(); epoch++) {
      long t0 = System.nanoTime();
      double c = 0;
      double g = 0;
      int done = 0;
      for (int s = 0; s < steps && !privacy.spent(loop.stepsTaken()); s++) {
        loop.step();
        c += loop.lastCriticLoss;
        g += loop.lastGeneratorLoss;
        done++;
      }
      if (done == 0) {
        LOG.info("privacy budget spent after " + loop.stepsTaken() + " steps: training stops");
        break;
      }
      c /= done;
      g /= done;
      if (!Double.isFinite(c) || !Double.isFinite(g)) {
        throw new IllegalStateException("training diverged at epoch " + epoch + " (critic loss "
            + c + ", generator loss " + g + "); try a lower learning rate");
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      critic.add(c);
      generator.add(g);
      seconds.add(secs);
      double elapsed = (System.nanoTime() - start) / 1e9;
      double eta = elapsed / epoch * (options.epochs() - epoch);
      listener.onEpoch(new EpochStats(epoch, options.epochs(), c, g, secs, eta));
    }
    loop.prepareForSampling(RECALIBRATION_BATCHES);
    double total = (System.nanoTime() - start) / 1e9;
    TrainingSummary summary = new TrainingSummary(options.seed(), options.epochs(),
        options.batchSize(), rows.rows(), encoder.rowCount(), options.threads(),
        privacy.options().toString(), critic, generator, seconds, total, SynthBeamVersion.VERSION,
        privacy.account(loop.stepsTaken()));
    return new CtganModel(encoder, FoldedGenerator.fold(loop.generator), options.noiseWidth(),
        summary);
  }
}
