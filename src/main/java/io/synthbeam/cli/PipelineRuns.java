package io.synthbeam.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * Runs a pipeline to the end and turns a failure into the error that caused it: the runners wrap
 * a DoFn's exception in several layers (Beam's UserCodeException, Flink's job exceptions); the
 * user needs the innermost message that explains it ("file line 3, column 'age': ...").
 */
final class PipelineRuns {
  private PipelineRuns() {}

  static PipelineResult run(Pipeline pipeline) throws IOException {
    PipelineResult result;
    PipelineResult.State state;
    try {
      result = pipeline.run();
      state = result.waitUntilFinish();
    } catch (RuntimeException e) {
      throw cause(e);
    }
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the pipeline ended in state " + state);
    }
    return result;
  }

  /**
   * The outermost exception in the chain that reports bad input or an IO problem (not a runner's
   * wrapper); the exception itself when there is none.
   */
  static RuntimeException cause(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() == null || fromRunner(t)) {
        continue;
      }
      if (t instanceof IOException io) {
        return new UncheckedIOException(io.getMessage(), io);
      }
      if (t instanceof IllegalArgumentException || t instanceof IllegalStateException
          || t instanceof UncheckedIOException || t instanceof AvroRuntimeException) {
        return (RuntimeException) t;
      }
    }
    return e;
  }

  private static boolean fromRunner(Throwable t) {
    String name = t.getClass().getName();
    return name.startsWith("org.apache.beam.") || name.startsWith("org.apache.flink.");
  }

  /** The attempted values of the counters in {@code namespace}, by name. */
  static Map<String, Long> counters(PipelineResult result, String namespace) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.inNamespace(namespace)).build()).getCounters()) {
      out.merge(c.getName().getName(), c.getAttempted(), Long::sum);
    }
    return out;
  }
}
