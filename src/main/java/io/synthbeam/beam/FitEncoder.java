package io.synthbeam.beam;

import io.synthbeam.table.TableEncoder;
import io.synthbeam.table.TableEncoderFitter;
import io.synthbeam.table.TableEncoderFitter.Accumulator;
import io.synthbeam.table.TableSpec;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Fits the table encoder: the fitter's mergeable statistics through {@code Combine.globally}
 * (partial statistics per worker, merged), then the mixtures and category lists from the merged
 * statistics. One element out.
 *
 * <p>The statistics are combined as they are and the encoder extracted by a ParDo after the
 * combine, because Beam asks a CombineFn for its default value (the output for an empty input) while
 * the pipeline is built, and extracting an encoder from no rows fails; this way an empty input
 * fails when the pipeline runs, with the fitter's "the table is empty" message.
 */
final class FitEncoder extends PTransform<PCollection<GenericRecord>, PCollection<TableEncoder>> {
  private final TableSpec spec;
  private final TableEncoderFitter fitter;

  FitEncoder(TableSpec spec, TableEncoderFitter fitter) {
    this.spec = spec;
    this.fitter = fitter;
  }

  @Override
  public PCollection<TableEncoder> expand(PCollection<GenericRecord> records) {
    return records
        .apply("Statistics", Combine.globally(new StatisticsFn(fitter,
            new RecordSchemas.Check(spec.inputSchema()))))
        .apply("Extract", ParDo.of(new ExtractFn(fitter)))
        .setCoder(JavaSerializedCoder.of(TableEncoder.class));
  }

  /** The fitter's accumulator as a CombineFn whose output is the merged accumulator. */
  static final class StatisticsFn extends CombineFn<GenericRecord, Accumulator, Accumulator> {
    private final TableEncoderFitter fitter;
    private final RecordSchemas.Check schemaCheck;

    StatisticsFn(TableEncoderFitter fitter, RecordSchemas.Check schemaCheck) {
      this.fitter = fitter;
      this.schemaCheck = schemaCheck;
    }

    @Override
    public Accumulator createAccumulator() {
      return fitter.createAccumulator();
    }

    @Override
    public Accumulator addInput(Accumulator accumulator, GenericRecord record) {
      schemaCheck.check(record);
      return fitter.add(accumulator, record);
    }

    @Override
    public Accumulator mergeAccumulators(Iterable<Accumulator> accumulators) {
      return fitter.merge(accumulators);
    }

    /**
     * A copy: the output element goes to several consumers (the extraction and Combine's own
     * default-value view), while the runner may still hold the accumulator it combined into.
     */
    @Override
    public Accumulator extractOutput(Accumulator accumulator) {
      return fitter.merge(List.of(accumulator));
    }

    @Override
    public Coder<Accumulator> getAccumulatorCoder(CoderRegistry registry,
        Coder<GenericRecord> inputCoder) {
      return JavaSerializedCoder.of(Accumulator.class);
    }

    @Override
    public Coder<Accumulator> getDefaultOutputCoder(CoderRegistry registry,
        Coder<GenericRecord> inputCoder) {
      return JavaSerializedCoder.of(Accumulator.class);
    }
  }

  /** Fits the mixtures and fixes the categories; fails on an empty table. */
  static final class ExtractFn extends DoFn<Accumulator, TableEncoder> {
    private final TableEncoderFitter fitter;

    ExtractFn(TableEncoderFitter fitter) {
      this.fitter = fitter;
    }

    @ProcessElement
    public void process(@Element Accumulator statistics, OutputReceiver<TableEncoder> out) {
      // extract compacts the statistics in place: work on a copy, inputs must stay unchanged.
      out.output(fitter.extract(fitter.merge(List.of(statistics))));
    }
  }
}
