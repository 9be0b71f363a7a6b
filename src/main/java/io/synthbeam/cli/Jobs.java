package io.synthbeam.cli;

import io.synthbeam.beam.io.TableIO;
import io.synthbeam.gan.ctgan.CtganOptions;
import io.synthbeam.gan.ctgan.TrainingSummary;
import io.synthbeam.onnx.ExecutionDevice;
import io.synthbeam.table.EncodingOptions;
import io.synthbeam.validation.QualityGates;
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
      Map<String, String> conditions, ExecutionDevice device, PipelineOptions pipeline,
      Validation validation) {
    Synthesize {
      conditions = new TreeMap<>(conditions);
    }
  }

  /**
   * {@code synthesize --holdout}: validate against {@code holdout} predicting {@code target},
   * hold the table to {@code gates}; write the reports where asked (null: not wanted) and, when
   * a gate fails, the table to {@code quarantine} (null: nowhere).
   */
  record Validation(TableIO.Read holdout, String target, QualityGates gates, Path report,
      Path json, Path quarantine) {}

  /**
   * A synthesize run: rows sampled, the training summary, and the validation's outcome (null
   * without validation). The table is at the output when it passed (or was not validated), at
   * the quarantine path when it failed and one was given, nowhere otherwise.
   */
  record Synthesized(long rows, TrainingSummary summary, Verdict verdict) {}

  /** A validation's outcome: whether every gate passed, the verdict line, the failed gates. */
  record Verdict(boolean passed, String verdict, String failures) {}

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

  /**
   * Real rows per class, synthetic rows added per class, and the training summary (null unless
   * the fit was private or the model saved).
   */
  record Rebalanced(Map<String, Long> real, Map<String, Long> added, TrainingSummary summary) {
    Rebalanced {
      real = new TreeMap<>(real);
      added = new TreeMap<>(added);
    }
  }
}
