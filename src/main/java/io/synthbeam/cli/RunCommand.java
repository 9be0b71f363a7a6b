package io.synthbeam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthbeam.beam.RebalanceTable;
import io.synthbeam.beam.SynthesizeTable;
import io.synthbeam.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code synthbeam run pipelines/NAME.yaml}: runs a declarative pipeline spec (read, synthesize
 * or rebalance, validate with gates, write the table, model and reports) as one Beam pipeline.
 */
@Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Run a pipeline spec (YAML): read a table, make a synthetic copy of it or "
        + "rebalance a label, validate the result against real held-out rows (quality gates, "
        + "quarantine) and write the table, the model and the reports, as one Apache Beam "
        + "pipeline. The spec is checked (unknown keys, wrong values, missing files and "
        + "columns) before anything runs.", ""},
    footer = {"", "Example: synthbeam run pipelines/adult-census.yaml",
        "         synthbeam run pipelines/adult-census.yaml --set model.epochs=300",
        "Relative paths in a spec are resolved against the working folder (run from the "
        + "repository root for the examples). Spec keys: see pipelines/README.md.",
        "Exit codes: 0 done (gates passed), 1 failed (bad data, IO or training error), "
        + "2 usage error (bad spec or option), 3 a quality gate failed (outputs still written)."})
final class RunCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SPEC.yaml",
      description = "The pipeline spec, e.g. pipelines/adult-census.yaml.")
  Path specFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override a spec key (dotted path; value in YAML), e.g. --set "
          + "model.epochs=300 --set outputs.table=out/x.parquet (repeatable).")
  List<String> settings = new ArrayList<>();

  @Option(names = "--check",
      description = "Only check the spec (keys, values, files, columns) and build the "
          + "pipeline; run nothing.")
  boolean checkOnly;

  @Mixin RunnerOptions runner;
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    CommandLine cmd = spec.commandLine();
    runner.check(cmd);
    PrintWriter out = cmd.getOut();
    PrintWriter err = cmd.getErr();
    RunPlan plan;
    SpecPipeline steps;
    Pipeline pipeline;
    Path reportJson;
    try {
      plan = RunPlan.of(SpecLoader.load(specFile, settings), Path.of("").toAbsolutePath());
      checkWritable(plan);
      steps = SpecPipeline.of(plan);
      pipeline = Pipeline.create(runner.toPipelineOptions(cmd, "synthbeam-run", RunnerOptions.Work.TRAINING));
      reportJson = plan.jsonReport() != null || !plan.validating() ? plan.jsonReport()
          : Files.createTempFile("synthbeam-report", ".json");
      steps.build(pipeline, reportJson);
    } catch (SpecException e) {
      throw new ParameterException(cmd, e.getMessage(), e);
    }
    if (checkOnly) {
      out.printf(Locale.ROOT, "%s: the spec is valid (%d input columns)%n", specFile,
          steps.inputSchema().getFields().size());
      out.flush();
      return 0;
    }
    long start = System.nanoTime();
    if (!common.quiet) {
      err.printf(Locale.ROOT, "running %s: %s %s (%d columns) on the %s%n", specFile,
          plan.rebalancing() ? "rebalance" : "synthesize", plan.input(),
          steps.inputSchema().getFields().size(), runner.runner);
      err.flush();
    }
    PipelineResult result;
    try (AutoCloseable progress = CliLogging.progressTo(err, common.quiet)) {
      result = PipelineRuns.run(pipeline);
    }
    if (plan.rebalancing()) {
      printClassCounts(out, plan, PipelineRuns.counters(result, RebalanceTable.METRICS));
    }
    long rows = PipelineRuns.counters(result, SynthesizeTable.METRICS)
        .getOrDefault(SynthesizeTable.SYNTHETIC_ROWS, 0L);
    boolean passed = true;
    if (plan.validating()) {
      passed = reportValidation(out, err, plan, reportJson);
    }
    if (plan.evaluating()) {
      RecallCheck.print(out, plan, steps.inputSchema());
    }
    err.printf(Locale.ROOT, "done in %s: %,d synthetic rows%s%n", Durations.since(start), rows,
        written(plan, passed));
    err.flush();
    return passed ? 0 : ValidateCommand.GATE_FAILED;
  }

  /** Prints the validation summary and verdict; keeps the table or the quarantine file. */
  private boolean reportValidation(PrintWriter out, PrintWriter err, RunPlan plan,
      Path reportJson) throws IOException {
    JsonNode report = JSON.readTree(reportJson.toFile());
    if (plan.jsonReport() == null) {
      Files.deleteIfExists(reportJson);
    }
    ValidationSummary.print(out, report);
    boolean passed = report.path("gates").path("passed").asBoolean(false);
    if (plan.quarantine()) {
      // Only one of the two files got rows; the other, empty one would only confuse.
      Files.deleteIfExists(passed ? plan.quarantineTable() : plan.table());
    }
    if (!passed) {
      err.println("synthbeam run: quality gate failed: " + failures(report));
    }
    out.flush();
    err.flush();
    return passed;
  }

  private static String failures(JsonNode report) {
    List<String> failed = new ArrayList<>();
    report.path("gates").path("checks").forEach(check -> {
      if (!check.path("passed").asBoolean(true)) {
        failed.add(check.path("message").asText());
      }
    });
    return String.join("; ", failed);
  }

  private static String written(RunPlan plan, boolean passed) {
    List<String> files = new ArrayList<>();
    files.add(plan.quarantine() && !passed ? "quarantined to " + plan.quarantineTable()
        : "table " + plan.table());
    if (plan.model() != null) {
      files.add("model " + plan.model());
    }
    if (plan.htmlReport() != null) {
      files.add("report " + plan.htmlReport());
    }
    if (plan.jsonReport() != null) {
      files.add("json " + plan.jsonReport());
    }
    return "; " + String.join(", ", files);
  }

  /** Real and added rows per class, from RebalanceTable's counters. */
  private static void printClassCounts(PrintWriter out, RunPlan plan, Map<String, Long> counts) {
    out.printf(Locale.ROOT, "class counts of '%s', real -> after rebalancing:%n",
        plan.spec().rebalance().label());
    counts.keySet().stream().filter(k -> k.startsWith("real:")).sorted().forEach(k -> {
      String c = k.substring(5);
      long real = counts.get(k);
      out.printf(Locale.ROOT, "  %s  %,d -> %,d%n", c, real,
          real + counts.getOrDefault("added:" + c, 0L));
    });
    out.flush();
  }

  private static void checkWritable(RunPlan plan) throws IOException {
    for (Path output : new Path[] {plan.table(), plan.model(), plan.htmlReport(),
        plan.jsonReport(), plan.quarantineTable()}) {
      if (output != null) {
        AtomicFiles.checkCanWriteIn(output.toAbsolutePath().getParent());
      }
    }
  }
}
