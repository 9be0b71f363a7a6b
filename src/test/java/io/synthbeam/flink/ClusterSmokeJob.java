package io.synthbeam.flink;

import io.synthbeam.nn.Gemm;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.GenerateSequence;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.Validation;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * A small Beam pipeline for checking that a Flink cluster runs SynthBeam code.
 *
 * <p>It counts the numbers 0..elements-1 by {@code n % keys} (written to {@code
 * <output>/counts-*}, lines {@code key,count}) and records which JVMs processed them (written to
 * {@code <output>/workers-*}, lines {@code pid=<pid> vector=<bool> gemm=<ok|wrong>}), so a client
 * can tell that the work ran in the TaskManagers, with the Vector API module, and that a SynthBeam
 * class ({@link Gemm}) loaded there. Run it with e.g. {@code --runner=FlinkRunner
 * --flinkMaster=localhost:8081 --parallelism=2 --filesToStage=target/synthbeam.jar,target/test-classes
 * --output=/tmp/smoke}.
 */
public final class ClusterSmokeJob {

  /** Options of the smoke job, on top of the runner's. */
  public interface Options extends PipelineOptions {
    @Description("Directory the counts-* and workers-* files are written to (visible to the workers)")
    @Validation.Required
    String getOutput();

    void setOutput(String output);

    @Description("How many numbers to generate")
    @Default.Long(1000)
    long getElements();

    void setElements(long elements);

    @Description("How many keys the numbers are counted by")
    @Default.Integer(10)
    int getKeys();

    void setKeys(int keys);
  }

  private ClusterSmokeJob() {}

  /** Runs the job to completion; exits with status 1 unless it finished successfully. */
  public static void main(String[] args) {
    PipelineResult.State state = run(args);
    System.out.println("ClusterSmokeJob finished: " + state);
    if (state != PipelineResult.State.DONE) {
      System.exit(1);
    }
  }

  /** Builds the pipeline from command-line options, runs it and waits for the final state. */
  public static PipelineResult.State run(String... args) {
    PipelineOptionsFactory.register(Options.class);
    Options options = PipelineOptionsFactory.fromArgs(args).withValidation().as(Options.class);
    Pipeline pipeline = build(options);
    return pipeline.run().waitUntilFinish();
  }

  static Pipeline build(Options options) {
    String output = options.getOutput().replaceAll("/+$", "");
    int keys = options.getKeys();
    Pipeline pipeline = Pipeline.create(options);
    // Reshuffle spreads the numbers over all subtasks, so every TaskManager gets some.
    PCollection<Long> numbers = pipeline
        .apply("Numbers", GenerateSequence.from(0).to(options.getElements()))
        .apply("Spread", Reshuffle.viaRandomKey());

    numbers
        .apply("ByKey", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.longs(), TypeDescriptors.longs()))
            .via(n -> KV.of(n % keys, n)))
        .apply("Count", Count.perKey())
        .apply("FormatCount", MapElements.into(TypeDescriptors.strings())
            .via(kv -> kv.getKey() + "," + kv.getValue()))
        .apply("WriteCounts", TextIO.write().to(output + "/counts").withSuffix(".txt"));

    numbers
        .apply("Worker", ParDo.of(new DescribeWorker()))
        .apply("DistinctWorkers", Distinct.create())
        .apply("WriteWorkers", TextIO.write().to(output + "/workers").withSuffix(".txt"));
    return pipeline;
  }

  /** Emits one description of the JVM it runs in per element (made distinct downstream). */
  static final class DescribeWorker extends DoFn<Long, String> {
    private transient String description;

    @Setup
    public void setup() {
      boolean vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
      description = "pid=" + ProcessHandle.current().pid() + " vector=" + vector
          + " gemm=" + (gemmWorks() ? "ok" : "wrong");
    }

    @ProcessElement
    public void process(OutputReceiver<String> out) {
      out.output(description);
    }

    /** A 48x48x48 product, large enough to take Gemm's packed path, against a hand-made answer. */
    private static boolean gemmWorks() {
      int n = 48;
      float[] a = new float[n * n];
      float[] identity = new float[n * n];
      for (int i = 0; i < n * n; i++) {
        a[i] = i % 7 - 3;
      }
      for (int i = 0; i < n; i++) {
        identity[i * n + i] = 2f;
      }
      float[] c = new float[n * n];
      Gemm.gemm(false, false, n, n, n, a, 0, n, identity, 0, n, 0f, c, 0, n);
      for (int i = 0; i < n * n; i++) {
        if (c[i] != 2f * a[i]) {
          return false;
        }
      }
      return true;
    }
  }
}
