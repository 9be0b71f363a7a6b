package io.synthbeam.beam;

import io.synthbeam.gan.ctgan.CtganOptions;
import io.synthbeam.gan.ctgan.DifferentialPrivacy;
import io.synthbeam.onnx.ExecutionDevice;
import io.synthbeam.table.ColumnKind;
import io.synthbeam.table.ColumnSpec;
import io.synthbeam.table.EncodingOptions;
import io.synthbeam.table.TableSpec;
import io.synthbeam.table.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Rebalances the classes of a label column by adding synthetic rows of the under-represented
 * classes: fits a conditional tabular GAN (CTGAN) on the input, counts the real rows per class,
 * samples the missing rows of each class conditionally on the label (every added row has its
 * class) and returns the real rows, untouched, plus the synthetic ones.
 *
 * <pre>{@code
 * PCollection<GenericRecord> claims = ...;                  // with an AvroCoder
 * PCollection<GenericRecord> rebalanced = claims.apply(
 *     RebalanceTable.of("label").withShare("fraud", 0.3).withEpochs(100));
 * PCollection<GenericRecord> even = claims.apply(RebalanceTable.of("label").balanced());
 * }</pre>
 *
 * <p>With {@link #withShare} the named classes reach their shares of the final table; classes not
 * named keep their real rows, and a named class already above its share gets no rows. With
 * {@link #balanced()} every class is brought up to the count of the largest. Only rows are added.
 *
 * <p>The label must be a categorical column: a string, enum or boolean column, or an int/long
 * column (which is then modelled as categorical). Checked when the pipeline is built: the label
 * column exists and is not excluded, shares are in (0, 1) and sum to less than 1, enum and
 * boolean classes exist. Checked when it runs: every named class occurs in the input. A null label
 * is the class {@value ClassCounts#NULL_CLASS}.
 *
 * <p>The output has the input's schema and an AvroCoder of it; excluded columns of synthetic rows
 * get their default value, or null (an excluded column that has neither is an error). Counters
 * (namespace {@value #METRICS}) give the rows per class: {@code real:CLASS} and
 * {@code added:CLASS}. Model options and determinism are those of {@link SynthesizeTable}; each
 * class's rows are sampled from a seed derived from the seed and the class.
 */
public final class RebalanceTable
    extends PTransform<PCollection<GenericRecord>, PCollection<GenericRecord>> {
  /** Metric namespace of the per-class counters. */
  public static final String METRICS = "synthbeam.rebalance";

  private final String label;
  private final LinkedHashMap<String, Double> shares;
  private final boolean balanced;
  private final ModelSettings model;
  private final SamplingSettings sampling;
  private final String modelPath;

  private RebalanceTable(String label, Map<String, Double> shares, boolean balanced,
      ModelSettings model, SamplingSettings sampling, String modelPath) {
    this.label = label;
    this.shares = new LinkedHashMap<>(shares);
    this.balanced = balanced;
    this.model = model;
    this.sampling = sampling;
    this.modelPath = modelPath;
  }

  /** Rebalances the classes of {@code labelColumn}; name the targets next. */
  public static RebalanceTable of(String labelColumn) {
    if (labelColumn == null || labelColumn.isBlank()) {
      throw new IllegalArgumentException("the label column must be named");
    }
    return new RebalanceTable(labelColumn, Map.of(), false, ModelSettings.defaults(),
        SamplingSettings.defaults(), null);
  }

  /**
   * Class {@code classValue} (its text, e.g. {@code "fraud"}, {@code "1"}, {@code "true"}) should
   * make up {@code share} of the final table.
   *
   * @throws IllegalArgumentException for a share outside (0, 1), or when the shares named so far
   *     sum to 1 or more
   */
  public RebalanceTable withShare(String classValue, double share) {
    ModelSettings.notNull(classValue, "class");
    if (!(share > 0 && share < 1)) {
      throw new IllegalArgumentException("the share of class '" + classValue + "' must be between"
          + " 0 and 1 (exclusive), got " + share);
    }
    Map<String, Double> next = new LinkedHashMap<>(shares);
    next.put(classValue, share);
    double sum = next.values().stream().mapToDouble(Double::doubleValue).sum();
    if (sum >= 1 - 1e-9) {
      throw new IllegalArgumentException("the class shares " + next + " sum to "
          + String.format(Locale.ROOT, "%.3f", sum) + "; they must sum to less than 1, leaving"
          + " room for the other classes");
    }
    return new RebalanceTable(label, next, balanced, model, sampling, modelPath);
  }

  /** Every class is brought up to as many rows as the largest class has. */
  public RebalanceTable balanced() {
    return new RebalanceTable(label, shares, true, model, sampling, modelPath);
  }

  /** Training epochs (default 300). */
  public RebalanceTable withEpochs(int epochs) {
    return withModel(model.withEpochs(epochs));
  }

  /** Rows per training step, a multiple of the pac (default 500). */
  public RebalanceTable withBatchSize(int batchSize) {
    return withModel(model.withBatchSize(batchSize));
  }

  /** The seed of encoding, the training sample, training and sampling (default 1). */
  public RebalanceTable withSeed(long seed) {
    return withModel(model.withSeed(seed));
  }

  /** Int/long columns to model as categories rather than numbers. */
  public RebalanceTable withCategoricalColumns(String... columns) {
    return withModel(model.withCategoricalColumns(columns));
  }

  /** Columns left out of the model; synthetic rows get their default or null. */
  public RebalanceTable withExcludedColumns(String... columns) {
    return withModel(model.withExcludedColumns(columns));
  }

  /** All the trainer's options; replaces epochs, batch size and seed set before. */
  public RebalanceTable withCtganOptions(CtganOptions options) {
    return withModel(model.withCtganOptions(options));
  }

  /** All the encoding's options; replaces categorical and excluded columns set before. */
  public RebalanceTable withEncodingOptions(EncodingOptions options) {
    return withModel(model.withEncodingOptions(options));
  }

  /** Most rows trained on (default {@value ModelSettings#DEFAULT_MAX_TRAINING_ROWS}). */
  public RebalanceTable withMaxTrainingRows(int rows) {
    return withModel(model.withMaxTrainingRows(rows));
  }

  /**
   * Differentially private fit ({@link DifferentialPrivacy}; null: off): the encoder's statistics
   * spend their share of epsilon, DP-SGD the rest, and the model bundle's training summary
   * records the guarantee reached. Sets the pac to 1; a later {@code withCtganOptions} replaces
   * it. The output's real rows
   * are the input's, not private; only the model and the synthetic rows are.
   */
  public RebalanceTable withDifferentialPrivacy(DifferentialPrivacy dp) {
    return withModel(model.withDifferentialPrivacy(dp));
  }

  /** The input's schema, when its coder is not an AvroCoder. */
  public RebalanceTable withSchema(Schema schema) {
    return withModel(model.withSchema(schema));
  }

  /** Synthetic rows per parallel shard (default {@value SamplingSettings#DEFAULT_ROWS_PER_SHARD}). */
  public RebalanceTable withRowsPerShard(int rows) {
    return new RebalanceTable(label, shares, balanced, model, sampling.withRowsPerShard(rows),
        modelPath);
  }

  /** Where ONNX Runtime runs the generator (default {@link ExecutionDevice#AUTO}). */
  public RebalanceTable withDevice(ExecutionDevice device) {
    return new RebalanceTable(label, shares, balanced, model, sampling.withDevice(device),
        modelPath);
  }

  /** Also writes the fitted model bundle to {@code path} (atomically; any Beam file system). */
  public RebalanceTable withModelSavedTo(String path) {
    return new RebalanceTable(label, shares, balanced, model, sampling,
        ModelSettings.notNull(path, "path"));
  }

  private RebalanceTable withModel(ModelSettings settings) {
    return new RebalanceTable(label, shares, balanced, settings, sampling, modelPath);
  }

  @Override
  public PCollection<GenericRecord> expand(PCollection<GenericRecord> input) {
    Schema schema = RecordSchemas.of(input, model.schema(), "RebalanceTable");
    ModelSettings settings = withLabelCategorical(schema);
    TableSpec spec = TableSpec.fromSchema(schema, settings.encoding());
    checkTargets(spec);
    checkExcludedCanBeFilled(schema, settings.encoding().excludedColumns());
    if (modelPath != null) {
      SynthesizeTable.checkCanWrite(modelPath);
    }
    PCollectionTuple fitted = input.apply("FitModel", new FitModel(spec, settings));
    PCollection<byte[]> bundle = fitted.get(TrainModel.BUNDLE);
    if (modelPath != null) {
      bundle.apply("SaveModel", new WriteBundle(modelPath));
    }
    PCollectionView<Map<String, Long>> counts = input.apply("CountClasses",
        new ClassCounts(label));
    PCollection<GenericRecord> synthetic = bundle
        .apply("Plan", ParDo.of(new PlanFn(label, shares, balanced, settings.seed(), counts))
            .withSideInputs(counts))
        .setCoder(SampleCoders.RequestCoder.of())
        .apply("Sample", new SampleShards(bundle.apply("BundleView", View.asSingleton()),
            spec.outputSchema(), sampling.rowsPerShard(), sampling.device()))
        .apply("ToInputSchema", ParDo.of(new ToInputSchemaFn(schema)))
        .setCoder(AvroCoder.of(schema));
    return PCollectionList.of(input).and(synthetic)
        .apply("RealAndSynthetic", Flatten.pCollections())
        .setCoder(AvroCoder.of(schema));
  }

  /** An int/long label is modelled as categorical even when not named so. */
  private ModelSettings withLabelCategorical(Schema schema) {
    Schema.Field field = schema.getField(label);
    if (field == null || model.encoding().categoricalColumns().contains(label)) {
      return model;
    }
    Schema.Type type = nonNull(field.schema()).getType();
    if ((type == Schema.Type.INT || type == Schema.Type.LONG)
        && nonNull(field.schema()).getLogicalType() == null) {
      Set<String> categorical = new HashSet<>(model.encoding().categoricalColumns());
      categorical.add(label);
      return model.withEncodingOptions(model.encoding().withCategoricalColumns(categorical));
    }
    return model;
  }

  private void checkTargets(TableSpec spec) {
    if (balanced == !shares.isEmpty()) {
      throw new IllegalArgumentException(balanced
          ? "RebalanceTable: use either balanced() or withShare(...), not both"
          : "RebalanceTable: name the target shares with withShare(class, share), or use"
              + " balanced()");
    }
    if (model.encoding().excludedColumns().contains(label)) {
      throw new IllegalArgumentException("the label column '" + label + "' is excluded from the"
          + " model; it cannot be rebalanced");
    }
    ColumnSpec column = spec.column(label);
    if (column.kind() != ColumnKind.CATEGORICAL) {
      throw new IllegalArgumentException("the label column '" + label + "' is a "
          + column.type().name().toLowerCase(Locale.ROOT) + " column; a label must be"
          + " categorical: string, enum, boolean, int or long");
    }
    Schema valueSchema = nonNull(spec.inputSchema().getField(label).schema());
    for (String c : shares.keySet()) {
      if (column.type() == ValueType.ENUM && !valueSchema.hasEnumSymbol(c)) {
        throw new IllegalArgumentException("class '" + c + "' is not a symbol of the label column '"
            + label + "' (its symbols: " + String.join(", ", valueSchema.getEnumSymbols()) + ")");
      }
      if (column.type() == ValueType.BOOLEAN && !c.equals("true") && !c.equals("false")) {
        throw new IllegalArgumentException("class '" + c + "' of the boolean label column '"
            + label + "' must be true or false");
      }
    }
  }

  /** Synthetic rows need a value for each excluded column: its default, or null. */
  private static void checkExcludedCanBeFilled(Schema schema, Set<String> excluded) {
    for (String name : excluded) {
      Schema.Field field = schema.getField(name);
      if (field != null && !field.hasDefaultValue() && nonNull(field.schema()) == field.schema()) {
        throw new IllegalArgumentException("excluded column '" + name + "' is neither nullable"
            + " nor has a default, so the added rows would have no value for it; make it"
            + " nullable or give it a default in the schema, or do not exclude it");
      }
    }
  }

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst()
        .orElse(schema);
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("label", label).withLabel("Label column"))
        .add(DisplayData.item("targets", balanced ? "balanced" : shares.toString())
            .withLabel("Target shares"));
    model.populateDisplayData(builder);
    sampling.populateDisplayData(builder);
    builder.addIfNotNull(DisplayData.item("modelPath", modelPath).withLabel("Model saved to"));
  }

  /**
   * Once the model is trained: from the real class counts, one sample request per class that
   * gets rows, conditioned on the class. Publishes the per-class counters.
   */
  static final class PlanFn extends DoFn<byte[], SampleRequest> {
    private static final Logger LOG = Logger.getLogger(RebalanceTable.class.getName());

    private final String label;
    private final LinkedHashMap<String, Double> shares;
    private final boolean balanced;
    private final long seed;
    private final PCollectionView<Map<String, Long>> countsView;

    PlanFn(String label, LinkedHashMap<String, Double> shares, boolean balanced, long seed,
        PCollectionView<Map<String, Long>> countsView) {
      this.label = label;
      this.shares = shares;
      this.balanced = balanced;
      this.seed = seed;
      this.countsView = countsView;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      Map<String, Long> counts = new LinkedHashMap<>(context.sideInput(countsView));
      List<String> unknown = new ArrayList<>();
      for (String c : shares.keySet()) {
        if (!counts.containsKey(c)) {
          unknown.add(c);
        }
      }
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException("class(es) " + quoted(unknown) + " do not occur in the"
            + " label column '" + label + "' of the input; its classes: "
            + quoted(new ArrayList<>(new TreeSet<>(counts.keySet()))));
      }
      Map<String, Long> add = balanced ? RebalancePlan.balanced(counts)
          : RebalancePlan.additions(counts, shares);
      for (Map.Entry<String, Long> e : counts.entrySet()) {
        long added = add.getOrDefault(e.getKey(), 0L);
        Metrics.counter(METRICS, "real:" + e.getKey()).inc(e.getValue());
        Metrics.counter(METRICS, "added:" + e.getKey()).inc(added);
        if (added > 0) {
          context.output(new SampleRequest(added, ShardSeeds.classSeed(seed, e.getKey()),
              Map.of(label, e.getKey())));
        }
      }
      LOG.fine(() -> "rebalancing '" + label + "': real " + new TreeMap<>(counts) + ", adding "
          + add);
    }

    private static String quoted(List<String> names) {
      return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }
  }

  /** A synthetic record in the input's schema: excluded fields get their default, or null. */
  static final class ToInputSchemaFn extends DoFn<GenericRecord, GenericRecord> {
    private final Schema inputSchema;

    ToInputSchemaFn(Schema inputSchema) {
      this.inputSchema = inputSchema;
    }

    @ProcessElement
    public void process(@Element GenericRecord synthetic, OutputReceiver<GenericRecord> out) {
      GenericData.Record record = new GenericData.Record(inputSchema);
      Schema syntheticSchema = synthetic.getSchema();
      for (Schema.Field field : inputSchema.getFields()) {
        Schema.Field source = syntheticSchema.getField(field.name());
        record.put(field.pos(), source != null ? synthetic.get(source.pos()) : filler(field));
      }
      out.output(record);
    }

    private static Object filler(Schema.Field field) {
      if (field.hasDefaultValue()) {
        return GenericData.get().deepCopy(field.schema(), GenericData.get().getDefaultValue(field));
      }
      return null; // nullable: checked by checkExcludedCanBeFilled
    }
  }
}
