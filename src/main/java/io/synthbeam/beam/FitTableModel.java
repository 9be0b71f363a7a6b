package io.synthbeam.beam;

import io.synthbeam.gan.ctgan.CtganOptions;
import io.synthbeam.gan.ctgan.DifferentialPrivacy;
import io.synthbeam.table.EncodingOptions;
import io.synthbeam.table.TableSpec;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;

/**
 * Fits a conditional tabular GAN (CTGAN) on the input records and writes the model bundle (a zip:
 * schema, encoder, generator, training summary) to a path, for {@link SampleTable} or
 * {@code synthbeam sample} to draw from later.
 *
 * <pre>{@code
 * PCollection<GenericRecord> patients = ...;            // with an AvroCoder
 * patients.apply(FitTableModel.to("gs://bucket/models/patients.zip")
 *     .withEpochs(100).withSeed(7).withExcludedColumns("patient_id"));
 * }</pre>
 *
 * <p>The output holds one element, the bundle's path, once the bundle is written. The bundle is
 * written through Beam's {@code FileSystems} (local and any registered file system), first to a
 * temporary file in the same folder, then renamed into place, so a failed or retried run never
 * leaves a half-written bundle. A local path's folder is checked to be writable when the pipeline
 * is built.
 *
 * <p>Fitting runs as in {@link SynthesizeTable}: encoder fitted in parallel, a deterministic
 * training sample of at most {@link #withMaxTrainingRows} rows (default
 * {@value ModelSettings#DEFAULT_MAX_TRAINING_ROWS}), training on one worker, one log line per
 * epoch (java.util.logging, INFO). The same input, options and seed give the same bundle. On the
 * DirectRunner, use {@code --targetParallelism=1} (see {@link SynthesizeTable}).
 */
public final class FitTableModel
    extends PTransform<PCollection<GenericRecord>, PCollection<String>> {
  private final String path;
  private final ModelSettings model;

  private FitTableModel(String path, ModelSettings model) {
    this.path = path;
    this.model = model;
  }

  /** Writes the bundle to {@code path} (conventionally ending in {@code .zip}). */
  public static FitTableModel to(String path) {
    return new FitTableModel(ModelSettings.notNull(path, "path"), ModelSettings.defaults());
  }

  /** Training epochs (default 300). */
  public FitTableModel withEpochs(int epochs) {
    return new FitTableModel(path, model.withEpochs(epochs));
  }

  /** Rows per training step, a multiple of the pac (default 500). */
  public FitTableModel withBatchSize(int batchSize) {
    return new FitTableModel(path, model.withBatchSize(batchSize));
  }

  /** The seed of encoding, the training sample and training (default 1). */
  public FitTableModel withSeed(long seed) {
    return new FitTableModel(path, model.withSeed(seed));
  }

  /** Int/long columns to model as categories rather than numbers. */
  public FitTableModel withCategoricalColumns(String... columns) {
    return new FitTableModel(path, model.withCategoricalColumns(columns));
  }

  /** Columns left out of the model (and so of the tables sampled from it). */
  public FitTableModel withExcludedColumns(String... columns) {
    return new FitTableModel(path, model.withExcludedColumns(columns));
  }

  /** All the trainer's options; replaces epochs, batch size and seed set before. */
  public FitTableModel withCtganOptions(CtganOptions options) {
    return new FitTableModel(path, model.withCtganOptions(options));
  }

  /** All the encoding's options; replaces categorical and excluded columns set before. */
  public FitTableModel withEncodingOptions(EncodingOptions options) {
    return new FitTableModel(path, model.withEncodingOptions(options));
  }

  /**
   * Most rows trained on (default {@value ModelSettings#DEFAULT_MAX_TRAINING_ROWS}); a larger
   * input is sampled uniformly and deterministically down to this many.
   */
  public FitTableModel withMaxTrainingRows(int rows) {
    return new FitTableModel(path, model.withMaxTrainingRows(rows));
  }

  /**
   * Differentially private fit ({@link DifferentialPrivacy}; null: off): the encoder's statistics
   * spend their share of epsilon, DP-SGD the rest, and the model bundle's training summary
   * records the guarantee reached. Sets the pac to 1; a later {@code withCtganOptions} replaces
   * it.
   */
  public FitTableModel withDifferentialPrivacy(DifferentialPrivacy dp) {
    return new FitTableModel(path, model.withDifferentialPrivacy(dp));
  }

  /** The input's schema, when its coder is not an AvroCoder. */
  public FitTableModel withSchema(Schema schema) {
    return new FitTableModel(path, model.withSchema(schema));
  }

  @Override
  public PCollection<String> expand(PCollection<GenericRecord> input) {
    TableSpec spec = TableSpec.fromSchema(RecordSchemas.of(input, model.schema(),
        "FitTableModel"), model.encoding());
    SynthesizeTable.checkCanWrite(path);
    return input.apply("FitModel", new FitModel(spec, model))
        .get(TrainModel.BUNDLE)
        .apply("WriteBundle", new WriteBundle(path));
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("path", path).withLabel("Model bundle"));
    model.populateDisplayData(builder);
  }
}
