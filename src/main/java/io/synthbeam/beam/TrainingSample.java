package io.synthbeam.beam;

import io.synthbeam.table.TableEncoder;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Top;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Encodes the rows in parallel and keeps a deterministic uniform sample of at most
 * {@code maxRows} of them: each row's priority is a hash of the seed and its content, and Beam's
 * {@code Top} combine keeps the smallest priorities (merging partial results by keeping the
 * smallest of their union). One element out: the sample, in priority order. The rows kept, their
 * encoding and their order depend on the data and the seed only, not on the runner or the
 * bundling. Identical rows share a priority, so they are kept or dropped together.
 */
final class TrainingSample
    extends PTransform<PCollection<GenericRecord>, PCollection<List<EncodedRow>>> {
  private final PCollectionView<TableEncoder> encoder;
  private final Schema inputSchema;
  private final long seed;
  private final int maxRows;

  TrainingSample(PCollectionView<TableEncoder> encoder, Schema inputSchema, long seed,
      int maxRows) {
    this.encoder = encoder;
    this.inputSchema = inputSchema;
    this.seed = seed;
    this.maxRows = maxRows;
  }

  @Override
  public PCollection<List<EncodedRow>> expand(PCollection<GenericRecord> records) {
    return records
        .apply("Encode", ParDo.of(new EncodeFn(encoder, inputSchema, seed))
            .withSideInputs(encoder))
        .setCoder(EncodedRow.RowCoder.of())
        .apply("KeepSmallestPriorities", Top.of(maxRows, new EncodedRow.SmallestPriorityFirst()));
  }

  /** Encodes a record; its mode draws are seeded by its priority. */
  static final class EncodeFn extends DoFn<GenericRecord, EncodedRow> {
    private final PCollectionView<TableEncoder> encoderView;
    private final Schema inputSchema;
    private final long seed;
    private final RecordSchemas.Check schemaCheck;
    private transient RowPriority priority;

    EncodeFn(PCollectionView<TableEncoder> encoderView, Schema inputSchema, long seed) {
      this.encoderView = encoderView;
      this.inputSchema = inputSchema;
      this.seed = seed;
      this.schemaCheck = new RecordSchemas.Check(inputSchema);
    }

    @Setup
    public void setup() {
      priority = new RowPriority(inputSchema, seed);
    }

    @ProcessElement
    public void process(ProcessContext context) {
      GenericRecord record = context.element();
      schemaCheck.check(record);
      TableEncoder encoder = context.sideInput(encoderView);
      long p = priority.of(record);
      float[] values = new float[encoder.width()];
      encoder.encode(record, values, 0, new SplittableRandom(p));
      context.output(new EncodedRow(p, values));
    }
  }
}
