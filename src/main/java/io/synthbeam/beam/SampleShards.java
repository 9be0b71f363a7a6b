package io.synthbeam.beam;

import io.synthbeam.gan.ctgan.CtganModel;
import io.synthbeam.onnx.ExecutionDevice;
import io.synthbeam.table.TableEncoder;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Logger;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Samples synthetic rows in parallel: each request is cut into shards of at most
 * {@code rowsPerShard} rows, the shards are spread over the workers, and each shard's rows are
 * drawn with its own seed (see {@link ShardSeeds}) from the model, loaded once per worker JVM
 * ({@link ModelCache}). A retried shard emits exactly the same rows.
 */
final class SampleShards extends PTransform<PCollection<SampleRequest>, PCollection<GenericRecord>> {
  private final PCollectionView<byte[]> bundle;
  private final Schema outputSchema;
  private final int rowsPerShard;
  private final ExecutionDevice device;

  SampleShards(PCollectionView<byte[]> bundle, Schema outputSchema, int rowsPerShard,
      ExecutionDevice device) {
    this.bundle = bundle;
    this.outputSchema = outputSchema;
    this.rowsPerShard = rowsPerShard;
    this.device = device;
  }

  @Override
  public PCollection<GenericRecord> expand(PCollection<SampleRequest> requests) {
    return requests
        .apply("PlanShards", ParDo.of(new PlanShardsFn(rowsPerShard)))
        .setCoder(SampleCoders.ShardCoder.of())
        .apply("SpreadShards", Reshuffle.viaRandomKey())
        .apply("GenerateRows", ParDo.of(new GenerateFn(bundle, device)).withSideInputs(bundle))
        .setCoder(AvroCoder.of(outputSchema));
  }

  /** Cuts a request into shards 0..ceil(rows / rowsPerShard) - 1. */
  static final class PlanShardsFn extends DoFn<SampleRequest, SampleShard> {
    private final int rowsPerShard;

    PlanShardsFn(int rowsPerShard) {
      this.rowsPerShard = rowsPerShard;
    }

    @ProcessElement
    public void process(@Element SampleRequest request, OutputReceiver<SampleShard> out) {
      long shards = (request.rows() + rowsPerShard - 1) / rowsPerShard;
      for (long i = 0; i < shards; i++) {
        int rows = (int) Math.min(rowsPerShard, request.rows() - i * rowsPerShard);
        out.output(new SampleShard(i, rows, ShardSeeds.shardSeed(request.seed(), i),
            request.conditions()));
      }
    }
  }

  /** Draws a shard's rows from the model, which is loaded once per JVM. */
  static final class GenerateFn extends DoFn<SampleShard, GenericRecord> {
    private static final Logger LOG = Logger.getLogger(SampleShards.class.getName());
    private final PCollectionView<byte[]> bundleView;
    private final ExecutionDevice device;
    private final Counter rowsCounter = Metrics.counter(SynthesizeTable.METRICS,
        SynthesizeTable.SYNTHETIC_ROWS);
    private transient ModelCache.Lease lease;

    GenerateFn(PCollectionView<byte[]> bundleView, ExecutionDevice device) {
      this.bundleView = bundleView;
      this.device = device;
    }

    @ProcessElement
    public void process(ProcessContext context) throws IOException {
      if (lease == null) {
        lease = ModelCache.acquire(context.sideInput(bundleView), "the model bundle", device);
      }
      CtganModel model = lease.model();
      TableEncoder encoder = model.encoder();
      SampleShard shard = context.element();
      model.sampleEncoded(shard.rows(), shard.seed(), shard.conditions(),
          (rows, offset) -> context.output(encoder.decode(rows, offset)));
      rowsCounter.inc(shard.rows());
      // Progress: shards finish in any order and on any worker, so each reports its own rows.
      LOG.info(() -> String.format(Locale.ROOT, "sampled %,d rows (shard %d)", shard.rows(),
          shard.index()));
    }

    @Teardown
    public void teardown() {
      if (lease != null) {
        lease.release();
        lease = null;
      }
    }
  }
}
