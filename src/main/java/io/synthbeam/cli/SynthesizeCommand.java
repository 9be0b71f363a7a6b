package io.synthbeam.cli;

import io.synthbeam.beam.io.TableIO;
import io.synthbeam.io.AtomicFiles;
import io.synthbeam.io.FileFormat;
import java.io.IOException;
import io.synthbeam.onnx.ExecutionDevice;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code synthbeam synthesize}: fit and sample in one Beam pipeline. */
@Command(name = "synthesize", sortOptions = false, mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Train a model on a table and write a synthetic table like it, in one "
        + "Apache Beam pipeline (fit + sample).", ""},
    footer = {"", "Quality gates: with --holdout and --target the synthetic table is validated "
        + "like 'synthbeam validate' does (the input as the training rows). A table that fails "
        + "--min-utility or --max-dcr-excess is not written to --output: it is dropped, or with "
        + "--quarantine written to OUT.quarantine.EXT (e.g. synthetic.quarantine.csv); the "
        + "reports are written either way. Every file is written to a staging folder next to "
        + "the output first and moved into place at the end, so a failed run leaves none.",
        "Exit codes: 0 done, 1 failed (bad data, IO or training error), 2 usage error, "
        + "3 a quality gate failed."})
final class SynthesizeCommand implements Callable<Integer> {
  @ParentCommand SynthBeamCli parent;
  @Spec CommandSpec spec;

  @Mixin InputOptions in;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "TABLE",
      description = "Synthetic table: .csv, .csv.gz, .avro or .parquet.")
  Path output;

  @Option(names = {"-n", "--rows"}, paramLabel = "N",
      description = "Synthetic rows to write. Default: as many as the input has.")
  Long rows;

  @Option(names = {"-m", "--model"}, paramLabel = "MODEL.zip",
      description = "Also save the fitted model bundle here.")
  Path model;

  @Option(names = "--condition", paramLabel = "COL=VALUE",
      description = "Every synthetic row has this value in this categorical column "
          + "(repeatable).")
  Map<String, String> conditions = new LinkedHashMap<>();

  @Option(names = "--device", paramLabel = "auto|cpu|cuda", converter = DeviceConverter.class,
      description = "Where ONNX Runtime runs the generator. Default: ${DEFAULT-VALUE}.")
  ExecutionDevice device = ExecutionDevice.AUTO;

  @Option(names = "--holdout", paramLabel = "TABLE",
      description = "Validate the synthetic table against these real rows the model never "
          + "sees (same columns as the input); needs --target.")
  Path holdout;

  @Option(names = "--target", paramLabel = "COL",
      description = "With --holdout: the column the utility models predict.")
  String target;

  @Mixin GateOptions gate;

  @Option(names = "--quarantine",
      description = "A table that fails a gate is written to OUT.quarantine.EXT next to "
          + "--output instead of being dropped (the exit code is still 3).")
  boolean quarantine;

  @Mixin ModelOptions training;
  @Mixin RunnerOptions runner;
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    CommandLine cmd = spec.commandLine();
    OptionChecks check = new OptionChecks(cmd);
    training.check(check);
    if (rows != null) {
      check.atLeast("--rows", rows, 1);
    }
    runner.check(cmd);
    in.check(cmd);
    check.tableFormat("--output", output);
    if (model != null) {
      check.modelFile("--model", model);
      AtomicFiles.checkCanWriteIn(model.toAbsolutePath().getParent());
    }
    AtomicFiles.checkCanWriteIn(output.toAbsolutePath().getParent());
    checkValidation(check);

    long start = System.nanoTime();
    TableIO.Read input = in.open();
    PrintWriter err = cmd.getErr();
    if (!common.quiet) {
      err.printf(Locale.ROOT, "synthesizing %s (%d columns) with the %s%n", in.input,
          input.getSchema().getFields().size(), runner.runner);
      err.flush();
    }
    Jobs.Synthesized done;
    try (AutoCloseable progress = CliLogging.progressTo(err, common.quiet)) {
      done = parent.backend().synthesize(new Jobs.Synthesize(input, output, rows, model,
          training.toModel(input.getSchema()), conditions, device,
          runner.toPipelineOptions(cmd, "synthbeam-synthesize", RunnerOptions.Work.TRAINING), validation(input)));
    }
    int code = reportOutcome(err, done, start);
    PrivacyLine.print(err, done.summary(), training.privacy());
    err.flush();
    return code;
  }

  /** The verdict and where the table went; the exit code. */
  private int reportOutcome(PrintWriter err, Jobs.Synthesized done, long start) {
    String saved = model == null ? "" : "; model saved to " + model;
    if (done.verdict() != null) {
      err.println(done.verdict().verdict());
    }
    if (done.verdict() == null || done.verdict().passed()) {
      err.printf(Locale.ROOT, "wrote %d synthetic rows to %s in %s%s%n", done.rows(), output,
          Durations.since(start), saved);
      return 0;
    }
    err.println("synthbeam synthesize: quality gate failed: " + done.verdict().failures());
    err.println(quarantine
        ? String.format(Locale.ROOT, "quarantined %d synthetic rows to %s (not %s)%s",
            done.rows(), StagingFolder.quarantinePath(output), output, saved)
        : "no table written to " + output + " (--quarantine keeps a failed table)" + saved);
    return ValidateCommand.GATE_FAILED;
  }

  private void checkValidation(OptionChecks check) throws IOException {
    if (holdout == null) {
      check.require(target == null && !gate.any() && !quarantine,
          "--target, --min-utility, --max-dcr-excess, --report, --json and --quarantine "
              + "validate the synthetic table: they need --holdout TABLE");
      return;
    }
    check.require(target != null, "--holdout needs --target COL, the column the utility "
        + "models predict");
    check.require(!quarantine || gate.gated(), "--quarantine needs a gate (--min-utility or "
        + "--max-dcr-excess): without one every table passes");
    check.tableFormat("--holdout", holdout);
    check.existingFile("--holdout", holdout);
    gate.check(check);
  }

  /** The validation asked for, or null; the holdout is read with the input's CSV schema. */
  private Jobs.Validation validation(TableIO.Read input) {
    if (holdout == null) {
      return null;
    }
    String path = holdout.toAbsolutePath().toString();
    TableIO.Read rows = FileFormat.of(holdout).isCsv() && FileFormat.of(in.input).isCsv()
        ? TableIO.read(path, input.getSchema()) : TableIO.read(path);
    return new Jobs.Validation(rows, ColumnNames.toFieldName(input.getSchema(), target.strip()),
        gate.gates(), gate.report, gate.json,
        quarantine ? StagingFolder.quarantinePath(output) : null);
  }
}
