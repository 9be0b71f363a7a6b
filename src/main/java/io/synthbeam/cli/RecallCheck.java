package io.synthbeam.cli;

import io.synthbeam.io.TableFiles;
import io.synthbeam.validation.RareClassRecall;
import io.synthbeam.validation.ValidationOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * A spec's {@code evaluate:} step, after the pipeline: a classifier trained on the written table
 * against one trained on the real input rows alone, both tested on real held-out rows; prints the
 * rare class's recall (and precision) before and after.
 */
final class RecallCheck {
  private RecallCheck() {}

  static RareClassRecall.Result print(PrintWriter out, RunPlan plan, Schema inputSchema)
      throws IOException {
    Optional<Schema> csvSchema = Optional.ofNullable(plan.schema() == null ? null : inputSchema);
    List<GenericRecord> real = TableFiles.read(plan.input(), csvSchema).records();
    if (plan.maxInputRows() != null && real.size() > plan.maxInputRows()) {
      real = real.subList(0, plan.maxInputRows());
    }
    List<GenericRecord> holdout = TableFiles.read(plan.evaluationHoldout(), csvSchema).records();
    List<GenericRecord> written = TableFiles.read(plan.table()).records();
    PipelineSpec.Evaluate e = plan.spec().evaluate();
    long seed = plan.modelOptions().seed;
    RareClassRecall.Result r = RareClassRecall.compute(real, written, holdout, e.label(),
        e.positiveClass(), ValidationOptions.defaults().withSeed(seed));
    out.printf(Locale.ROOT, "rare class %s=%s on %,d real held-out rows (%d of the class), "
        + "XGBoost trained on:%n", r.label(), r.positiveClass(), r.holdoutRows(),
        r.realOnly().positives());
    line(out, "the real rows only", r.realOnly());
    line(out, "the output table", r.augmented());
    out.flush();
    return r;
  }

  private static void line(PrintWriter out, String what, RareClassRecall.Scores s) {
    out.printf(Locale.ROOT, "  %-20s recall %.3f, precision %.3f (%d flagged)%n", what,
        s.recall(), s.precision(), s.predicted());
  }
}
