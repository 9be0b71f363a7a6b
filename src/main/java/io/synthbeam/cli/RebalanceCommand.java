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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code synthbeam rebalance}: adds synthetic rows of under-represented classes. */
@Command(name = "rebalance", sortOptions = false, mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Add synthetic rows of the under-represented classes of a label column so "
        + "they reach target shares; the real rows are kept as they are. Trains a model on the "
        + "table and samples the added rows conditionally on their class, in one Apache Beam "
        + "pipeline.", ""},
    footer = {"", "Example: synthbeam rebalance -i claims.parquet --label fraud "
        + "--share true=0.3 -o rebalanced.parquet",
        "Classes not named keep their rows; a named class already above its share gets none.",
        "Exit codes: 0 done, 1 failed (bad data, IO or training error), 2 usage error."})
final class RebalanceCommand implements Callable<Integer> {
  @ParentCommand SynthBeamCli parent;
  @Spec CommandSpec spec;

  @Mixin InputOptions in;

  @Option(names = "--label", required = true, paramLabel = "COL",
      description = "The categorical column whose classes are rebalanced.")
  String label;

  @Option(names = "--share", paramLabel = "CLASS=SHARE",
      description = "Class CLASS should make up SHARE (between 0 and 1) of the output "
          + "(repeatable; the shares must sum to less than 1).")
  Map<String, Double> shares = new LinkedHashMap<>();

  @Option(names = "--balanced",
      description = "Instead of --share: bring every class up to the largest class's count.")
  boolean balanced;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "TABLE",
      description = "Rebalanced table (the real rows plus the added ones): .csv, .csv.gz, "
          + ".avro or .parquet.")
  Path output;

  @Option(names = {"-m", "--model"}, paramLabel = "MODEL.zip",
      description = "Also save the fitted model bundle here.")
  Path model;

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
    checkTargets(cmd);
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
      err.printf(Locale.ROOT, "rebalancing '%s' of %s with the %s%n", label, in.input,
          runner.runner);
      err.flush();
    }
    Jobs.Rebalanced result;
    try (AutoCloseable progress = CliLogging.progressTo(err, common.quiet)) {
      result = parent.backend().rebalance(new Jobs.Rebalance(input, output,
          ColumnNames.toFieldName(input.getSchema(), label.strip()), shares, balanced, model,
          training.toModel(input.getSchema()), device,
          runner.toPipelineOptions(cmd, "synthbeam-rebalance", RunnerOptions.Work.TRAINING)));
    }
    printCounts(err, result);
    long real = result.real().values().stream().mapToLong(Long::longValue).sum();
    long added = result.added().values().stream().mapToLong(Long::longValue).sum();
    err.printf(Locale.ROOT, "wrote %d rows (%d real + %d synthetic) to %s in %s%s%n",
        real + added, real, added, output, Durations.since(start),
        model == null ? "" : "; model saved to " + model);
    PrivacyLine.print(err, result.summary(), training.privacy());
    if (training.privacy() != null) {
      err.println("note: the real rows in " + output + " are the input's, not private; the "
          + "guarantee covers the model and the synthetic rows");
    }
    err.flush();
    return 0;
  }

  private void checkTargets(CommandLine cmd) {
    if (balanced == !shares.isEmpty()) {
      throw new ParameterException(cmd, balanced ? "use either --share or --balanced, not both"
          : "name the target shares with --share CLASS=SHARE, or use --balanced");
    }
    double sum = 0;
    for (Map.Entry<String, Double> share : shares.entrySet()) {
      if (!(share.getValue() > 0 && share.getValue() < 1)) {
        throw new ParameterException(cmd, "--share " + share.getKey() + "=" + share.getValue()
            + ": a share must be between 0 and 1 (exclusive)");
      }
      sum += share.getValue();
    }
    if (sum >= 1) {
      throw new ParameterException(cmd, String.format(Locale.ROOT, "the --share values sum to"
          + " %.3f; they must sum to less than 1, leaving room for the other classes", sum));
    }
  }

  /** One line per class: real count, final count, final share. */
  private void printCounts(PrintWriter err, Jobs.Rebalanced result) {
    Map<String, Long> after = new LinkedHashMap<>();
    result.real().forEach((c, n) -> after.put(c, n + result.added().getOrDefault(c, 0L)));
    long total = after.values().stream().mapToLong(Long::longValue).sum();
    int nameWidth = result.real().keySet().stream().mapToInt(String::length).max().orElse(1);
    int countWidth = after.values().stream()
        .mapToInt(n -> String.format(Locale.ROOT, "%,d", n).length()).max().orElse(1);
    String line = "  %-" + nameWidth + "s  %," + countWidth + "d -> %," + countWidth
        + "d  (%.1f%%)%n";
    err.printf(Locale.ROOT, "class counts of '%s', before -> after:%n", label);
    result.real().forEach((c, n) -> err.printf(Locale.ROOT, line, c, n, after.get(c),
        total == 0 ? 0.0 : 100.0 * after.get(c) / total));
  }
}
