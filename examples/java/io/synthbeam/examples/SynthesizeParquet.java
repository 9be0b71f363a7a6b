package io.synthbeam.examples;

import io.synthbeam.beam.SynthesizeTable;
import io.synthbeam.beam.io.TableIO;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.PCollection;

/**
 * SynthesizeTable in your own Beam pipeline: read a Parquet file, replace its rows by synthetic
 * ones, write Parquet. Any runner: pass Beam options after the paths, e.g.
 * {@code --runner=FlinkRunner --flinkMaster=localhost:8081}.
 *
 * <pre>
 * java -cp target/synthbeam.jar:$(cat target/classpath.txt):CLASSES \
 *     io.synthbeam.examples.SynthesizeParquet in.parquet out.parquet 100 [BEAM OPTIONS]
 * </pre>
 */
public final class SynthesizeParquet {
  private SynthesizeParquet() {}

  /** Arguments: input Parquet, output Parquet, training epochs, then Beam options. */
  public static void main(String[] args) {
    String input = args[0];
    String output = args[1];
    int epochs = Integer.parseInt(args[2]);
    String[] beamArgs = java.util.Arrays.copyOfRange(args, 3, args.length);

    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs(beamArgs).create());
    PCollection<GenericRecord> real = pipeline.apply("Read", TableIO.read(input));
    real.apply("Synthesize", SynthesizeTable.create().withEpochs(epochs).withSeed(1))
        .apply("Write", TableIO.write(output));
    pipeline.run().waitUntilFinish();
  }
}
