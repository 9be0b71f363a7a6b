package io.synthbeam.cli;

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

/** {@code synthbeam sample}: writes synthetic rows from a saved model (a Beam pipeline). */
@Command(name = "sample", sortOptions = false, mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Generate synthetic rows from a saved model and write them to a table file "
        + "with the training table's schema (CSV output keeps the input's column names). Runs "
        + "as an Apache Beam pipeline.", ""},
    footer = {"", "The same model, rows, seed and conditions give the same rows on any runner "
        + "(their order in the file may differ).",
        "Exit codes: 0 done, 1 failed (bad model file, IO error), 2 usage error."})
final class SampleCommand implements Callable<Integer> {
  @ParentCommand SynthBeamCli parent;
  @Spec CommandSpec spec;

  @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL.zip",
      description = "Model bundle written by 'synthbeam fit'.")
  Path model;

  @Option(names = {"-n", "--rows"}, required = true, paramLabel = "N",
      description = "Number of rows to generate.")
  long rows;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "TABLE",
      description = "Output table: .csv, .csv.gz, .avro or .parquet; replaced, never left "
          + "half-written.")
  Path output;

  @Option(names = "--seed", paramLabel = "S",
      description = "Random seed; the same model, rows and seed give the same rows. "
          + "Default: ${DEFAULT-VALUE}.")
  long seed = 1L;

  @Option(names = "--condition", paramLabel = "COL=VALUE",
      description = "Every row has this value in this categorical column (repeatable), "
          + "e.g. --condition income=>50K.")
  Map<String, String> conditions = new LinkedHashMap<>();

  @Option(names = "--device", paramLabel = "auto|cpu|cuda", converter = DeviceConverter.class,
      description = "Where ONNX Runtime runs the generator: auto (CUDA when an NVIDIA GPU is "
          + "visible, else the CPU), cpu, or cuda (falls back to the CPU with a warning when "
          + "CUDA 12 / cuDNN 9 are missing). Default: ${DEFAULT-VALUE}.")
  ExecutionDevice device = ExecutionDevice.AUTO;

  @Mixin RunnerOptions runner;
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    CommandLine cmd = spec.commandLine();
    OptionChecks check = new OptionChecks(cmd);
    check.atLeast("--rows", rows, 1);
    runner.check(cmd);
    check.modelFile("--model", model);
    check.existingFile("--model", model);
    check.tableFormat("--output", output);
    AtomicFiles.checkCanWriteIn(output.toAbsolutePath().getParent());

    long start = System.nanoTime();
    PrintWriter err = cmd.getErr();
    Jobs.Written written;
    try (AutoCloseable progress = CliLogging.progressTo(err, common.quiet)) {
      written = parent.backend().sample(new Jobs.Sample(model, rows, seed, conditions, device,
          output, runner.toPipelineOptions(cmd, "synthbeam-sample", RunnerOptions.Work.RECORDS)));
    }
    err.printf(Locale.ROOT, "wrote %d rows to %s in %s%n", written.rows(), output,
        Durations.since(start));
    err.flush();
    return 0;
  }
}
