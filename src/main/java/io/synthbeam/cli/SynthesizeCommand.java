package io.synthbeam.cli;

import io.synthbeam.beam.io.TableIO;
import io.synthbeam.io.AtomicFiles;
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
    footer = {"", "Exit codes: 0 done, 1 failed (bad data, IO or training error), "
        + "2 usage error."})
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

    long start = System.nanoTime();
    TableIO.Read input = in.open();
    PrintWriter err = cmd.getErr();
    if (!common.quiet) {
      err.printf(Locale.ROOT, "synthesizing %s (%d columns) with the %s%n", in.input,
          input.getSchema().getFields().size(), runner.runner);
      err.flush();
    }
    Jobs.Written written;
    try (AutoCloseable progress = CliLogging.progressTo(err, common.quiet)) {
      written = parent.backend().synthesize(new Jobs.Synthesize(input, output, rows, model,
          training.toModel(input.getSchema()), conditions, device,
          runner.toPipelineOptions(cmd, "synthbeam-synthesize")));
    }
    err.printf(Locale.ROOT, "wrote %d synthetic rows to %s in %s%s%n", written.rows(), output,
        Durations.since(start), model == null ? "" : "; model saved to " + model);
    err.flush();
    return 0;
  }
}
