package io.synthbeam.cli;

import io.synthbeam.beam.io.TableIO;
import io.synthbeam.gan.ctgan.CtganOptions;
import io.synthbeam.gan.ctgan.TrainingSummary;
import io.synthbeam.onnx.ExecutionDevice;
import io.synthbeam.table.EncodingOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.options.PipelineOptions;

/** What the commands ask the {@link Backend} to run, and what comes back. */
final class Jobs {
  private Jobs() {}

  /** The model options shared by fit, synthesize and rebalance. */
  record Model(CtganOptions ctgan, EncodingOptions encoding, int maxTrainingRows) {}

  /** {@code fit}: train on {@code input}, write the bundle to {@code model}. */
  record Fit(TableIO.Read input, Path model, Model options, PipelineOptions pipeline) {}

  /** {@code sample}: {@code rows} rows from the bundle {@code model} to {@code output}. */
  record Sample(Path model, long rows, long seed, Map<String, String> conditions,
      ExecutionDevice device, Path output, PipelineOptions pipeline) {
    Sample {
      conditions = new TreeMap<>(conditions);
    }
  }

  /**
   * {@code synthesize}: fit on {@code input} and write {@code rows} synthetic rows (null: as many
   * as the input) to {@code output}; also save the bundle when {@code model} is not null.
   */
  record Synthesize(TableIO.Read input, Path output, Long rows, Path model, Model options,
      Map<String, String> conditions, ExecutionDevice device, PipelineOptions pipeline) {
    Synthesize {
      conditions = new TreeMap<>(conditions);
    }
  }

  /**
   * {@code rebalance}: add synthetic rows of the classes of {@code label} (a field name) so they
   * reach {@code shares}, or all the largest class's count when {@code balanced}.
   */
  record Rebalance(TableIO.Read input, Path output, String label, Map<String, Double> shares,
      boolean balanced, Path model, Model options, ExecutionDevice device,
      PipelineOptions pipeline) {
    Rebalance {
      shares = new LinkedHashMap<>(shares);
    }
  }

  /** A fit's result: what the bundle's training summary says. */
  record Fitted(TrainingSummary summary) {}

  /** Rows written to the output. */
  record Written(long rows) {}

  /** Real rows per class, and synthetic rows added per class. */
  record Rebalanced(Map<String, Long> real, Map<String, Long> added) {
    Rebalanced {
      real = new TreeMap<>(real);
      added = new TreeMap<>(added);
    }
  }
}
