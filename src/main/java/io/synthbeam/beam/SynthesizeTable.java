package io.synthbeam.beam;

import io.synthbeam.gan.ctgan.CtganOptions;
import io.synthbeam.gan.ctgan.DifferentialPrivacy;
import io.synthbeam.onnx.ExecutionDevice;
import io.synthbeam.table.ColumnKind;
import io.synthbeam.table.EncodingOptions;
import io.synthbeam.table.TableSpec;
import io.synthbeam.validation.QualityGates;
import io.synthbeam.validation.ValidateSynthetic;
import io.synthbeam.validation.ValidationOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Replaces a table by a synthetic one: fits a conditional tabular GAN (CTGAN) on the input records
 * and samples new records with the same schema (minus the excluded columns).
 *
 * <pre>{@code
 * PCollection<GenericRecord> patients = ...;            // with an AvroCoder
 * PCollection<GenericRecord> synthetic = patients.apply(SynthesizeTable.create());
 *
 * PCollection<GenericRecord> strokes = patients.apply(SynthesizeTable.create()
 *     .withEpochs(100).withSeed(7).withRows(50_000)
 *     .withExcludedColumns("patient_id")
 *     .withConditions(Map.of("stroke", "1")));
 *
 * SynthesizeTable.Result result = patients.apply(SynthesizeTable.create().withResult());
 * result.getSynthetic();        // the synthetic records
 * result.getModelBundle();      // one element: the model bundle's zip bytes
 * result.getFitStatistics();    // one element: the training summary as JSON
 *
 * // Validated against a holdout; a table below the gates is quarantined instead of emitted.
 * SynthesizeTable.Result checked = patients.apply(SynthesizeTable.create()
 *     .withValidation(holdout, "stroke")
 *     .withGates(QualityGates.none().withMinUtility(0.8).withMaxDcrExcess(0.05))
 *     .withQuarantine()
 *     .withResult());
 * checked.getSynthetic();       // the records, if every gate passed
 * checked.getQuarantined();     // the records, if a gate failed
 * checked.getReportJson();      // one element each: the reports
 *
 * // Differentially private: (ε = 3, δ = 1e-5) for the model and every row sampled from it.
 * patients.apply(SynthesizeTable.create().withDifferentialPrivacy(DifferentialPrivacy.epsilon(3)));
 * }</pre>
 *
 * <p>The input's schema is taken from its {@code AvroCoder}, or given with {@link #withSchema}.
 * The output has the schema {@link TableSpec#outputSchema()} (the input's without the excluded
 * columns) and an {@code AvroCoder} of it.
 *
 * <p>How it runs: the table encoder is fitted with a {@code Combine.globally} (in parallel); the
 * rows are encoded in parallel and a deterministic uniform sample of at most
 * {@link #withMaxTrainingRows} of them (default {@value ModelSettings#DEFAULT_MAX_TRAINING_ROWS})
 * is kept, each row's priority being a hash of the seed and its content; one worker trains the GAN
 * on it, logging each epoch (java.util.logging, INFO); then the rows are sampled in parallel in
 * shards of {@link #withRowsPerShard} rows (default
 * {@value SamplingSettings#DEFAULT_ROWS_PER_SHARD}), each shard with its own seed derived from the
 * seed and its index, from the model loaded once per worker JVM and run in ONNX Runtime on
 * {@link #withDevice} (default AUTO: CUDA when available, else the CPU).
 *
 * <p>On the DirectRunner, run a fit with {@code --targetParallelism=1}: the training spreads over
 * its own threads ({@link CtganOptions#threads}), and the DirectRunner's driver polls in a loop on
 * one more thread for as long as work runs on several (a third of the CPU during a fit on two
 * cores); with one worker thread it polls only between bundles. The {@code synthbeam} commands
 * that train do this by default.
 *
 * <p>Determinism: the same input, options and seed give the same records whatever the runner, the
 * number of workers or retries (their order in the PCollection is not defined).
 *
 * <p>Options: later calls win; {@link #withCtganOptions} replaces the epochs, batch size, seed and
 * differential privacy set before it, {@link #withEncodingOptions} the categorical and excluded
 * columns.
 *
 * <p>Validation ({@link #withValidation}): the synthetic rows are judged against the input (as the
 * training rows) and a holdout on one worker, as {@link ValidateSynthetic} does; the main output
 * waits for the verdict, so a table that fails a gate never reaches it.
 */
public final class SynthesizeTable
    extends PTransform<PCollection<GenericRecord>, PCollection<GenericRecord>> {
  /** Namespace of SynthBeam's metrics. */
  public static final String METRICS = "synthbeam";
  /**
   * Counter (namespace {@value #METRICS}) of the synthetic rows emitted by SynthesizeTable,
   * SampleTable and RebalanceTable.
   */
  public static final String SYNTHETIC_ROWS = "syntheticRows";

  private final ModelSettings model;
  private final SamplingSettings sampling;
  private final String modelPath;
  private final transient ValidationSettings validation;

  private SynthesizeTable(ModelSettings model, SamplingSettings sampling, String modelPath,
      ValidationSettings validation) {
    this.model = model;
    this.sampling = sampling;
    this.modelPath = modelPath;
    this.validation = validation;
  }

  /** Default options: CTGAN's ({@link CtganOptions#defaults()}), as many rows as the input. */
  public static SynthesizeTable create() {
    return new SynthesizeTable(ModelSettings.defaults(), SamplingSettings.defaults(), null,
        ValidationSettings.none());
  }

  /** Synthetic rows to generate (default: as many as the input has). */
  public SynthesizeTable withRows(long rows) {
    return new SynthesizeTable(model, sampling.withRows(rows), modelPath, validation);
  }

  /** Training epochs (default 300). */
  public SynthesizeTable withEpochs(int epochs) {
    return new SynthesizeTable(model.withEpochs(epochs), sampling, modelPath, validation);
  }

  /** Rows per training step, a multiple of the pac (default 500). */
  public SynthesizeTable withBatchSize(int batchSize) {
    return new SynthesizeTable(model.withBatchSize(batchSize), sampling, modelPath, validation);
  }

  /** The seed of encoding, the training sample, training and sampling (default 1). */
  public SynthesizeTable withSeed(long seed) {
    return new SynthesizeTable(model.withSeed(seed), sampling, modelPath, validation);
  }

  /** Int/long columns to model as categories rather than numbers. */
  public SynthesizeTable withCategoricalColumns(String... columns) {
    return new SynthesizeTable(model.withCategoricalColumns(columns), sampling, modelPath,
        validation);
  }

  /** Columns left out of the model and of the output schema (identifiers, free text, ...). */
  public SynthesizeTable withExcludedColumns(String... columns) {
    return new SynthesizeTable(model.withExcludedColumns(columns), sampling, modelPath,
        validation);
  }

  /**
   * Every synthetic row has these categorical values (column name to value text, e.g.
   * {@code Map.of("stroke", "1")}); rows the generator makes otherwise are rejected.
   */
  public SynthesizeTable withConditions(Map<String, String> conditions) {
    return new SynthesizeTable(model, sampling.withConditions(conditions), modelPath,
        validation);
  }

  /** All the trainer's options (network widths, learning rates, pac, threads, ...). */
  public SynthesizeTable withCtganOptions(CtganOptions options) {
    return new SynthesizeTable(model.withCtganOptions(options), sampling, modelPath,
        validation);
  }

  /** All the encoding's options (modes, point masses, category limit, ...). */
  public SynthesizeTable withEncodingOptions(EncodingOptions options) {
    return new SynthesizeTable(model.withEncodingOptions(options), sampling, modelPath,
        validation);
  }

  /**
   * Most rows trained on (default {@value ModelSettings#DEFAULT_MAX_TRAINING_ROWS}); a larger
   * input is sampled uniformly and deterministically down to this many. The encoder is always
   * fitted on every row.
   */
  public SynthesizeTable withMaxTrainingRows(int rows) {
    return new SynthesizeTable(model.withMaxTrainingRows(rows), sampling, modelPath,
        validation);
  }

  /** Synthetic rows per parallel shard (default {@value SamplingSettings#DEFAULT_ROWS_PER_SHARD}). */
  public SynthesizeTable withRowsPerShard(int rows) {
    return new SynthesizeTable(model, sampling.withRowsPerShard(rows), modelPath, validation);
  }

  /** Where ONNX Runtime runs the generator (default {@link ExecutionDevice#AUTO}). */
  public SynthesizeTable withDevice(ExecutionDevice device) {
    return new SynthesizeTable(model, sampling.withDevice(device), modelPath, validation);
  }

  /** The input's schema, when its coder is not an AvroCoder. */
  public SynthesizeTable withSchema(Schema schema) {
    return new SynthesizeTable(model.withSchema(schema), sampling, modelPath, validation);
  }

  /** Also writes the model bundle to {@code path} (atomically; any Beam file system). */
  public SynthesizeTable withModelSavedTo(String path) {
    return new SynthesizeTable(model, sampling, ModelSettings.notNull(path, "path"), validation);
  }

  /**
   * Differentially private fit ({@link DifferentialPrivacy}; null: off): the encoder's statistics
   * spend their share of epsilon, DP-SGD the rest, and the model bundle's training summary
   * records the guarantee reached; every synthetic row is post-processing of the model. Sets the
   * pac to 1; a later {@link #withCtganOptions} replaces it. Without a noise seed the fit is not
   * reproducible (the noise must stay secret).
   */
  public SynthesizeTable withDifferentialPrivacy(DifferentialPrivacy dp) {
    return new SynthesizeTable(model.withDifferentialPrivacy(dp), sampling, modelPath,
        validation);
  }

  /**
   * Validates the synthetic table (fidelity, utility, privacy risk; see {@link ValidateSynthetic})
   * against the input as the training rows and {@code holdout}, real rows the model never saw
   * (same schema as the input); {@code targetColumn} is the column the utility models predict.
   * The reports are the {@link Result}'s {@link Result#getReportJson} and
   * {@link Result#getReportHtml}.
   */
  public SynthesizeTable withValidation(PCollection<GenericRecord> holdout,
      String targetColumn) {
    return new SynthesizeTable(model, sampling, modelPath,
        validation.withHoldout(holdout, targetColumn));
  }

  /**
   * Quality gates (needs {@link #withValidation}): a table that fails one fails the pipeline with
   * a {@link io.synthbeam.validation.QualityGateException} naming the figure, its value and the
   * bound, before any synthetic row is emitted; see {@link #withQuarantine} to keep it instead.
   */
  public SynthesizeTable withGates(QualityGates gates) {
    return new SynthesizeTable(model, sampling, modelPath, validation.withGates(gates));
  }

  /**
   * A table that fails a gate goes to {@link Result#getQuarantined()} and the main output stays
   * empty, instead of failing the pipeline (needs {@link #withGates}).
   */
  public SynthesizeTable withQuarantine() {
    return new SynthesizeTable(model, sampling, modelPath, validation.withQuarantine());
  }

  /** The validation's options (learners, sample sizes, threads; default: with charts). */
  public SynthesizeTable withValidationOptions(ValidationOptions options) {
    return new SynthesizeTable(model, sampling, modelPath, validation.withOptions(options));
  }

  /** This transform with all its outputs: records, model bundle and training statistics. */
  public WithResult withResult() {
    return new WithResult(this);
  }

  @Override
  public PCollection<GenericRecord> expand(PCollection<GenericRecord> input) {
    return synthesize(input).getSynthetic();
  }

  private Result synthesize(PCollection<GenericRecord> input) {
    TableSpec spec = TableSpec.fromSchema(RecordSchemas.of(input, model.schema(),
        "SynthesizeTable"), model.encoding());
    Conditions.checkColumns(spec, sampling.conditions());
    Map<String, ColumnKind> kinds = ValidationSettings.kinds(model);
    validation.check(spec, kinds);
    if (modelPath != null) {
      checkCanWrite(modelPath);
    }
    PCollectionTuple fitted = input.apply("FitModel", new FitModel(spec, model));
    PCollection<byte[]> bundle = fitted.get(TrainModel.BUNDLE);
    if (modelPath != null) {
      bundle.apply("SaveModel", new WriteBundle(modelPath));
    }
    PCollection<Long> rows = sampling.rowsSet()
        ? input.getPipeline().apply("Rows", Create.of(sampling.rows()))
        : input.apply("CountRows", Count.globally());
    PCollection<GenericRecord> synthetic = rows
        .apply("ToRequest", new ToRequest(model.seed(), sampling.conditions()))
        .apply("Sample", new SampleShards(bundle.apply("BundleView", View.asSingleton()),
            spec.outputSchema(), sampling.rowsPerShard(), sampling.device()));
    return new Result(input.getPipeline(), synthetic, bundle, fitted.get(TrainModel.SUMMARY),
        validation.enabled() ? validation.validate(synthetic, input, bundle, spec, kinds) : null);
  }

  static void checkCanWrite(String path) {
    try {
      BundleFiles.checkCanWrite(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    model.populateDisplayData(builder);
    sampling.populateDisplayData(builder);
    builder.addIfNotNull(DisplayData.item("modelPath", modelPath).withLabel("Model saved to"));
    if (validation != null) {
      validation.populateDisplayData(builder);
    }
  }

  /** {@link SynthesizeTable} with all its outputs. */
  public static final class WithResult
      extends PTransform<PCollection<GenericRecord>, Result> {
    private final SynthesizeTable transform;

    private WithResult(SynthesizeTable transform) {
      this.transform = transform;
    }

    @Override
    public Result expand(PCollection<GenericRecord> input) {
      return transform.synthesize(input);
    }

    @Override
    public void populateDisplayData(DisplayData.Builder builder) {
      super.populateDisplayData(builder);
      transform.populateDisplayData(builder);
    }
  }

  /**
   * The outputs of {@link SynthesizeTable}: synthetic records, model bundle, statistics and, with
   * {@link #withValidation}, the reports and the quarantined records.
   */
  public static final class Result implements POutput {
    private static final TupleTag<GenericRecord> SYNTHETIC = new TupleTag<>("synthetic");
    private static final TupleTag<byte[]> BUNDLE = new TupleTag<>("modelBundle");
    private static final TupleTag<String> STATISTICS = new TupleTag<>("fitStatistics");

    private final Pipeline pipeline;
    private final PCollection<GenericRecord> synthetic;
    private final PCollection<byte[]> bundle;
    private final PCollection<String> statistics;
    /** ValidateSynthetic's outputs, or null without validation. */
    private final PCollectionTuple validated;

    private Result(Pipeline pipeline, PCollection<GenericRecord> synthetic,
        PCollection<byte[]> bundle, PCollection<String> statistics, PCollectionTuple validated) {
      this.pipeline = pipeline;
      this.synthetic = synthetic;
      this.bundle = bundle;
      this.statistics = statistics;
      this.validated = validated;
    }

    /**
     * The synthetic records (AvroCoder of the output schema). With validation, only once the
     * table has passed its gates: empty when it was quarantined.
     */
    public PCollection<GenericRecord> getSynthetic() {
      return validated == null ? synthetic : validated.get(ValidateSynthetic.ACCEPTED);
    }

    /**
     * The synthetic records when the table failed a gate under {@link #withQuarantine} (else
     * empty).
     *
     * @throws IllegalStateException without {@link #withValidation}
     */
    public PCollection<GenericRecord> getQuarantined() {
      return validation(ValidateSynthetic.QUARANTINED);
    }

    /**
     * One element: the validation report as JSON ({@code ReportJson}'s keys, with
     * {@code privacy_guarantee} from the model bundle).
     *
     * @throws IllegalStateException without {@link #withValidation}
     */
    public PCollection<String> getReportJson() {
      return validation(ValidateSynthetic.REPORT_JSON);
    }

    /**
     * One element: the self-contained HTML validation report.
     *
     * @throws IllegalStateException without {@link #withValidation}
     */
    public PCollection<String> getReportHtml() {
      return validation(ValidateSynthetic.REPORT_HTML);
    }

    private <T> PCollection<T> validation(TupleTag<T> tag) {
      if (validated == null) {
        throw new IllegalStateException("SynthesizeTable validated nothing: call "
            + "withValidation(holdout, targetColumn) for reports and quarantine");
      }
      return validated.get(tag);
    }

    /**
     * One element: the fitted model as bundle zip bytes (what {@code ModelBundle.toBytes} makes;
     * {@code ModelBundle.fromBytes} reads it).
     */
    public PCollection<byte[]> getModelBundle() {
      return bundle;
    }

    /**
     * One element: the training summary ({@code TrainingSummary}: seed, epochs, losses and
     * seconds per epoch, row counts, options) as JSON.
     */
    public PCollection<String> getFitStatistics() {
      return statistics;
    }

    @Override
    public Pipeline getPipeline() {
      return pipeline;
    }

    @Override
    public Map<TupleTag<?>, PValue> expand() {
      Map<TupleTag<?>, PValue> outputs = new LinkedHashMap<>(Map.of(SYNTHETIC, getSynthetic(),
          BUNDLE, bundle, STATISTICS, statistics));
      if (validated != null) {
        outputs.put(ValidateSynthetic.QUARANTINED, getQuarantined());
        outputs.put(ValidateSynthetic.REPORT_JSON, getReportJson());
        outputs.put(ValidateSynthetic.REPORT_HTML, getReportHtml());
      }
      return outputs;
    }

    @Override
    public void finishSpecifyingOutput(String transformName, PInput input,
        PTransform<?, ?> transform) {}
  }
}
