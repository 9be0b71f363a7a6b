package io.synthbeam.cli;

import io.synthbeam.onnx.ExecutionDevice;
import io.synthbeam.io.AtomicFiles;
import io.synthbeam.io.Table;
import io.synthbeam.io.TableFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code synthbeam sample}: loads a model bundle and writes synthetic rows to a table file. */
@Command(name = "sample", sortOptions = false, mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Generate synthetic rows from a saved model and write them to a table file "
        + "with the training table's schema (CSV output keeps the input's column names).", ""},
    footer = {"", "Exit codes: 0 done, 1 failed (bad model file, IO error), 2 usage error."})
final class SampleCommand implements Callable<Integer> {

  @ParentCommand SynthBeamCli parent;
  @Spec CommandSpec spec;

  @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL.zip",
      description = "Model bundle written by 'synthbeam fit'.")
  Path model;

  @Option(names = {"-n", "--rows"}, required = true, paramLabel = "N",
      description = "Number of rows to generate.")
  int rows;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "TABLE",
      description = "Output table: .csv, .csv.gz, .avro or .parquet; replaced atomically, "
          + "never left half-written.")
  Path output;

  @Option(names = "--seed", paramLabel = "S",
      description = "Random seed; the same model, rows and seed give the same rows. "
          + "Default: ${DEFAULT-VALUE}.")
  long seed = 1L;

  @Option(names = "--device", paramLabel = "auto|cpu|cuda", converter = DeviceConverter.class,
      description = "Where ONNX Runtime runs the generator: auto (CUDA when an NVIDIA GPU is "
          + "visible, else the CPU), cpu, or cuda (falls back to the CPU with a warning when "
          + "CUDA 12 / cuDNN 9 are missing). Default: ${DEFAULT-VALUE}.")
  ExecutionDevice device = ExecutionDevice.AUTO;

  @Option(names = CliErrors.VERBOSE, description = "On failure, print the stack trace too.")
  boolean verbose;

  @Override
  public Integer call() throws IOException {
    OptionChecks check = new OptionChecks(spec.commandLine());
    check.atLeast("--rows", rows, 1);
    check.modelFile("--model", model);
    check.existingFile("--model", model);
    check.tableFormat("--output", output);
    AtomicFiles.checkCanWriteIn(output.toAbsolutePath().getParent());

    long start = System.nanoTime();
    Table table = parent.backend().sample(model, rows, seed, device);
    TableFiles.write(output, table.schema(), table.records());
    PrintWriter err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "wrote %d rows to %s in %s%n", table.records().size(), output,
        Durations.format((System.nanoTime() - start) / 1e9));
    err.flush();
    return 0;
  }
}
