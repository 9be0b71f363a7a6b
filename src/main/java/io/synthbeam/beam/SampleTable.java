package io.synthbeam.beam;

import io.synthbeam.bundle.ModelBundle;
import io.synthbeam.gan.ctgan.CtganModel;
import io.synthbeam.onnx.ExecutionDevice;
import io.synthbeam.table.TableEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Samples synthetic records from a model bundle written by {@link FitTableModel} (or
 * {@code synthbeam fit}).
 *
 * <pre>{@code
 * PCollection<GenericRecord> synthetic = pipeline.apply(
 *     SampleTable.from("gs://bucket/models/patients.zip").withRows(1_000_000).withSeed(3));
 * PCollection<GenericRecord> strokes = pipeline.apply(
 *     SampleTable.from("models/patients.zip").withRows(5_000)
 *         .withConditions(Map.of("stroke", "1")));
 * }</pre>
 *
 * <p>The bundle is read when the transform is created, to learn the output schema
 * ({@link #getSchema()}) and to fail early, naming the file, when it is missing or is not a valid
 * bundle; conditions are checked against the model then too. Workers read it again when the
 * pipeline runs (through Beam's {@code FileSystems}), so the path must be visible to them.
 *
 * <p>Rows are drawn in parallel, in shards of {@link #withRowsPerShard} rows (default
 * {@value SamplingSettings#DEFAULT_ROWS_PER_SHARD}), each with its own seed derived from the seed
 * and the shard's index, from the model loaded once per worker JVM and run in ONNX Runtime on
 * {@link #withDevice}. The same bundle, row count, seed and conditions give the same records on
 * any runner with any number of workers (in no defined order).
 */
public final class SampleTable extends PTransform<PBegin, PCollection<GenericRecord>> {
  private final String path;
  private final Schema schema;
  private final long trainingRows;
  /** Kept to check conditions; not needed once the pipeline is built. */
  private final transient TableEncoder encoder;
  private final long seed;
  private final SamplingSettings sampling;

  private SampleTable(String path, Schema schema, long trainingRows, TableEncoder encoder,
      long seed, SamplingSettings sampling) {
    this.path = path;
    this.schema = schema;
    this.trainingRows = trainingRows;
    this.encoder = encoder;
    this.seed = seed;
    this.sampling = sampling;
  }

  /**
   * Samples from the bundle at {@code path}, which is read now.
   *
   * @throws UncheckedIOException naming the file when it is missing, unreadable or not a valid
   *     SynthBeam model bundle (cause: the IOException)
   */
  public static SampleTable from(String path) {
    ModelSettings.notNull(path, "path");
    CtganModel model;
    try {
      model = ModelBundle.fromBytes(BundleFiles.read(path), path);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    TableEncoder encoder = model.encoder();
    return new SampleTable(path, encoder.spec().outputSchema(), encoder.rowCount(), encoder, 1L,
        SamplingSettings.defaults());
  }

  /** Rows to generate (default: as many as the model's training table had). */
  public SampleTable withRows(long rows) {
    return new SampleTable(path, schema, trainingRows, encoder, seed, sampling.withRows(rows));
  }

  /** The sampling seed (default 1). */
  public SampleTable withSeed(long newSeed) {
    return new SampleTable(path, schema, trainingRows, encoder, newSeed, sampling);
  }

  /**
   * Every row has these categorical values (column name to value text).
   *
   * @throws IllegalArgumentException naming an unknown or continuous column, or a value the model
   *     never saw (listing known ones)
   */
  public SampleTable withConditions(Map<String, String> conditions) {
    SamplingSettings checked = sampling.withConditions(conditions);
    if (encoder != null) {
      Conditions.check(encoder, checked.conditions());
    }
    return new SampleTable(path, schema, trainingRows, encoder, seed, checked);
  }

  /** Rows per parallel shard (default {@value SamplingSettings#DEFAULT_ROWS_PER_SHARD}). */
  public SampleTable withRowsPerShard(int rows) {
    return new SampleTable(path, schema, trainingRows, encoder, seed,
        sampling.withRowsPerShard(rows));
  }

  /** Where ONNX Runtime runs the generator (default {@link ExecutionDevice#AUTO}). */
  public SampleTable withDevice(ExecutionDevice device) {
    return new SampleTable(path, schema, trainingRows, encoder, seed, sampling.withDevice(device));
  }

  /** The schema of the sampled records (the training table's minus excluded columns). */
  public Schema getSchema() {
    return schema;
  }

  @Override
  public PCollection<GenericRecord> expand(PBegin begin) {
    long rows = sampling.rowsSet() ? sampling.rows() : trainingRows;
    return begin.apply("Rows", Create.of(rows))
        .apply("ToRequest", new ToRequest(seed, sampling.conditions()))
        .apply("Sample", new SampleShards(
            begin.apply("ReadBundle", new ReadBundle(path)).apply("BundleView",
                View.asSingleton()),
            schema, sampling.rowsPerShard(), sampling.device()));
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("path", path).withLabel("Model bundle"))
        .add(DisplayData.item("seed", seed).withLabel("Seed"));
    sampling.populateDisplayData(builder);
  }
}
