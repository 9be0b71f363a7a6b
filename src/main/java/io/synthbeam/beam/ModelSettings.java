package io.synthbeam.beam;

import io.synthbeam.gan.ctgan.CtganOptions;
import io.synthbeam.gan.ctgan.CtganTrainer;
import io.synthbeam.gan.ctgan.DifferentialPrivacy;
import io.synthbeam.table.EncodingOptions;
import io.synthbeam.table.TableEncoderFitter;
import io.synthbeam.table.TableSpec;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.beam.sdk.transforms.display.DisplayData;

/**
 * What fitting a model needs, shared by the transforms that fit one: the trainer's and the
 * encoding's options, the training-sample cap and, optionally, the input schema. Immutable: each
 * {@code withX} returns a copy. Later calls win: {@code withCtganOptions} replaces the epochs, batch
 * size and seed set before it, {@code withEncodingOptions} the categorical and excluded columns.
 */
final class ModelSettings implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  /** Default {@link #maxTrainingRows()}: what one worker trains on comfortably. */
  static final int DEFAULT_MAX_TRAINING_ROWS = 200_000;

  private final CtganOptions ctgan;
  private final EncodingOptions encoding;
  private final int maxTrainingRows;
  /** Null: taken from the input's AvroCoder. */
  private final Schema schema;

  private ModelSettings(CtganOptions ctgan, EncodingOptions encoding, int maxTrainingRows,
      Schema schema) {
    this.ctgan = ctgan;
    this.encoding = encoding;
    this.maxTrainingRows = maxTrainingRows;
    this.schema = schema;
  }

  static ModelSettings defaults() {
    return new ModelSettings(CtganOptions.defaults(), EncodingOptions.defaults(),
        DEFAULT_MAX_TRAINING_ROWS, null);
  }

  CtganOptions ctgan() {
    return ctgan;
  }

  EncodingOptions encoding() {
    return encoding;
  }

  int maxTrainingRows() {
    return maxTrainingRows;
  }

  /** The seed of training, encoding, the training sample and sampling. */
  long seed() {
    return ctgan.seed();
  }

  /** The schema given with {@code withSchema}, or null. */
  Schema schema() {
    return schema;
  }

  ModelSettings withCtganOptions(CtganOptions options) {
    return new ModelSettings(notNull(options, "CtganOptions"), encoding, maxTrainingRows, schema);
  }

  ModelSettings withEncodingOptions(EncodingOptions options) {
    return new ModelSettings(ctgan, notNull(options, "EncodingOptions"), maxTrainingRows, schema);
  }

  /** Null turns differential privacy off. */
  ModelSettings withDifferentialPrivacy(DifferentialPrivacy dp) {
    return withCtganOptions(ctgan.withDifferentialPrivacy(dp));
  }

  /**
   * The encoder's fitter: for a private fit, one that spends the encoder's share of the budget
   * (as {@link CtganTrainer#fit(Schema, java.util.List, EncodingOptions,
   * io.synthbeam.gan.ctgan.TrainingListener)} does), so the trainer can account for it.
   */
  TableEncoderFitter encoderFitter(TableSpec spec) {
    TableEncoderFitter fitter = new TableEncoderFitter(spec, encoding);
    DifferentialPrivacy dp = ctgan.differentialPrivacy();
    // The noise seed is drawn here, once: a retried fit of the encoder adds the same noise
    // instead of releasing a second noisy draw of the same statistics.
    return dp == null ? fitter : fitter.withPrivacy(CtganTrainer.preprocessingBudget(dp));
  }

  ModelSettings withEpochs(int epochs) {
    return withCtganOptions(ctgan.withEpochs(epochs));
  }

  ModelSettings withBatchSize(int batchSize) {
    return withCtganOptions(ctgan.withBatchSize(batchSize));
  }

  ModelSettings withSeed(long seed) {
    return new ModelSettings(ctgan.withSeed(seed), encoding.withSeed(seed), maxTrainingRows,
        schema);
  }

  ModelSettings withCategoricalColumns(String... columns) {
    return withEncodingOptions(encoding.withCategoricalColumns(Set.copyOf(Arrays.asList(columns))));
  }

  ModelSettings withExcludedColumns(String... columns) {
    return withEncodingOptions(encoding.withExcludedColumns(Set.copyOf(Arrays.asList(columns))));
  }

  ModelSettings withMaxTrainingRows(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("maxTrainingRows must be at least 1, got " + rows);
    }
    return new ModelSettings(ctgan, encoding, rows, schema);
  }

  ModelSettings withSchema(Schema inputSchema) {
    return new ModelSettings(ctgan, encoding, maxTrainingRows, notNull(inputSchema, "schema"));
  }

  void populateDisplayData(DisplayData.Builder builder) {
    builder.add(DisplayData.item("epochs", ctgan.epochs()).withLabel("Training epochs"))
        .add(DisplayData.item("batchSize", ctgan.batchSize()).withLabel("Rows per step"))
        .add(DisplayData.item("seed", ctgan.seed()).withLabel("Seed"))
        .add(DisplayData.item("maxTrainingRows", maxTrainingRows)
            .withLabel("Most rows trained on"))
        .add(DisplayData.item("ctganOptions", ctgan.toString()).withLabel("Trainer options"));
    DifferentialPrivacy dp = ctgan.differentialPrivacy();
    if (dp != null) {
      builder.add(DisplayData.item("epsilon", dp.epsilon()).withLabel("Differential privacy ε"))
          .add(DisplayData.item("delta", dp.delta()).withLabel("Differential privacy δ"));
    }
    if (!encoding.categoricalColumns().isEmpty()) {
      builder.add(DisplayData.item("categoricalColumns",
          String.join(",", encoding.categoricalColumns())).withLabel("Categorical columns"));
    }
    if (!encoding.excludedColumns().isEmpty()) {
      builder.add(DisplayData.item("excludedColumns",
          String.join(",", encoding.excludedColumns())).withLabel("Excluded columns"));
    }
  }

  static <T> T notNull(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    return value;
  }
}
