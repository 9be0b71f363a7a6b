package io.synthbeam.beam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthbeam.bundle.ModelBundle;
import io.synthbeam.gan.ctgan.CtganModel;
import io.synthbeam.gan.ctgan.CtganOptions;
import io.synthbeam.gan.ctgan.CtganTrainer;
import io.synthbeam.gan.ctgan.EpochStats;
import io.synthbeam.gan.ctgan.TrainingListener;
import io.synthbeam.gan.ctgan.TrainingSummary;
import io.synthbeam.table.EncodedTable;
import io.synthbeam.table.TableEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Trains the GAN on one worker: the (single) training sample in, the model bundle's zip bytes
 * ({@link #BUNDLE}) and the training summary as JSON ({@link #SUMMARY}) out. Logs one line per
 * epoch (java.util.logging, INFO, logger {@code io.synthbeam.beam.TrainModel}). A retried run
 * trains the same model: training depends on the sample, the encoder and the options only.
 */
final class TrainModel extends PTransform<PCollection<List<EncodedRow>>, PCollectionTuple> {
  static final TupleTag<byte[]> BUNDLE = new TupleTag<>() {};
  static final TupleTag<String> SUMMARY = new TupleTag<>() {};

  private final PCollectionView<TableEncoder> encoder;
  private final CtganOptions options;

  TrainModel(PCollectionView<TableEncoder> encoder, CtganOptions options) {
    this.encoder = encoder;
    this.options = options;
  }

  @Override
  public PCollectionTuple expand(PCollection<List<EncodedRow>> sample) {
    PCollectionTuple out = sample.apply("Train", ParDo.of(new TrainFn(encoder, options))
        .withSideInputs(encoder)
        .withOutputTags(BUNDLE, TupleTagList.of(SUMMARY)));
    out.get(BUNDLE).setCoder(ByteArrayCoder.of());
    out.get(SUMMARY).setCoder(StringUtf8Coder.of());
    return out;
  }

  static final class TrainFn extends DoFn<List<EncodedRow>, byte[]> {
    private static final Logger LOG = Logger.getLogger(TrainModel.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PCollectionView<TableEncoder> encoderView;
    private final CtganOptions options;

    TrainFn(PCollectionView<TableEncoder> encoderView, CtganOptions options) {
      this.encoderView = encoderView;
      this.options = options;
    }

    @ProcessElement
    public void process(ProcessContext context) throws IOException {
      TableEncoder encoder = context.sideInput(encoderView);
      EncodedTable table = toTable(context.element(), encoder.width());
      LOG.info(String.format(Locale.ROOT, "training on %,d rows (of %,d) x %d columns, %d epochs",
          table.rows(), encoder.rowCount(), encoder.spec().columns().size(), options.epochs()));
      long start = System.nanoTime();
      CtganModel model = new CtganTrainer(options).fit(encoder, table, new EpochLog());
      LOG.info("trained in " + EpochLog.duration((System.nanoTime() - start) / 1e9));
      context.output(ModelBundle.toBytes(model));
      context.output(SUMMARY, json(model.summary()));
    }

    /** The sample's rows, in priority order, as one row-major table. */
    static EncodedTable toTable(List<EncodedRow> rows, int width) {
      float[] data = new float[Math.multiplyExact(rows.size(), width)];
      for (int r = 0; r < rows.size(); r++) {
        System.arraycopy(rows.get(r).values(), 0, data, r * width, width);
      }
      return new EncodedTable(rows.size(), width, data);
    }

    static String json(TrainingSummary summary) {
      try {
        return JSON.writeValueAsString(summary);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Logs each epoch as one line: {@code epoch 3/30  critic -0.53  generator 1.21  ...}. */
  static final class EpochLog implements TrainingListener {
    private static final Logger LOG = Logger.getLogger(TrainModel.class.getName());

    @Override
    public void onEpoch(EpochStats stats) {
      LOG.info(line(stats));
    }

    static String line(EpochStats s) {
      return String.format(Locale.ROOT, "epoch %d/%d  critic %.2f  generator %.2f  %.1f s/epoch"
          + "  ETA %s", s.epoch(), s.epochs(), s.criticLoss(), s.generatorLoss(), s.seconds(),
          duration(s.etaSeconds()));
    }

    /** {@code 45s}, {@code 9m 12s}, {@code 2h 05m}. */
    static String duration(double seconds) {
      if (!Double.isFinite(seconds) || seconds < 0) {
        return "?";
      }
      long total = Math.round(seconds);
      if (total >= 3600) {
        return String.format(Locale.ROOT, "%dh %02dm", total / 3600, total % 3600 / 60);
      }
      if (total >= 60) {
        return String.format(Locale.ROOT, "%dm %02ds", total / 60, total % 60);
      }
      return total == 0 && seconds > 0 ? String.format(Locale.ROOT, "%.1fs", seconds)
          : total + "s";
    }
  }
}
