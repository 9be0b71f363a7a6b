package io.synthbeam.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Pipelines for tests. Beam's TestPipeline is a JUnit 4 rule, and these tests run on JUnit 5, so
 * they build plain pipelines and check results with PAssert (whose failures fail the run) or
 * collect records in this JVM (the DirectRunner and Flink's embedded cluster both run here).
 */
final class TestPipelines {
  private static final Map<String, ConcurrentLinkedQueue<String>> COLLECTED =
      new ConcurrentHashMap<>();

  private TestPipelines() {}

  static Pipeline direct() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
  }

  /** Flink's embedded mini cluster, two parallel subtasks. */
  static Pipeline flink() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=FlinkRunner",
        "--flinkMaster=[local]", "--parallelism=2").create());
  }

  static void run(Pipeline pipeline) {
    assertEquals(PipelineResult.State.DONE, pipeline.run().waitUntilFinish());
  }

  /** The messages of an exception and its causes, one per line. */
  static String messages(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      out.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
    }
    return out.toString();
  }

  /** Records collected in this JVM, read with {@link #jsonSorted} once the pipeline has run. */
  static String collect(PCollection<GenericRecord> records) {
    String id = UUID.randomUUID().toString();
    COLLECTED.put(id, new ConcurrentLinkedQueue<>());
    records.apply("Collect" + id, ParDo.of(new CollectFn(id)));
    return id;
  }

  /** The collected records as JSON, sorted: a runner-independent view of a PCollection. */
  static List<String> jsonSorted(String id) {
    List<String> out = new ArrayList<>(COLLECTED.get(id));
    out.sort(null);
    return out;
  }

  static final class CollectFn extends DoFn<GenericRecord, Void> {
    private final String id;

    CollectFn(String id) {
      this.id = id;
    }

    @ProcessElement
    public void process(@Element GenericRecord record) {
      COLLECTED.get(id).add(record.toString());
    }
  }
}
