package io.synthbeam.cli;

import io.synthbeam.beam.io.TableIO;
import io.synthbeam.gan.ctgan.TrainingSummary;
import io.synthbeam.io.AtomicFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code synthbeam fit}: trains a CTGAN model on a table (a Beam pipeline), saves the bundle. */
@Command(name = "fit", sortOptions = false, mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Train a synthetic-data model (conditional tabular GAN) on a table and save "
        + "it as a model bundle (.zip). Runs as an Apache Beam pipeline.", ""},
    footer = {"", "Column names in --categorical and --exclude are the table's column names "
        + "(CSV header names such as education-num work as well as Avro field names).",
        "Exit codes: 0 done, 1 failed (bad data, IO or training error), 2 usage error."})
final class FitCommand implements Callable<Integer> {
  @ParentCommand SynthBeamCli parent;
  @Spec CommandSpec spec;

  @Mixin InputOptions in;

  @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL.zip",
      description = "Where to save the model bundle; written only when training succeeds.")
  Path model;

  @Mixin ModelOptions training;
  @Mixin RunnerOptions runner;
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    CommandLine cmd = spec.commandLine();
    OptionChecks check = new OptionChecks(cmd);
    training.check(check);
    runner.check(cmd);
    in.check(cmd);
    check.modelFile("--model", model);
    // Fail before a long training run if the model cannot be written.
    AtomicFiles.checkCanWriteIn(model.toAbsolutePath().getParent());

    long start = System.nanoTime();
    TableIO.Read input = in.open();
    PrintWriter err = cmd.getErr();
    if (!common.quiet) {
      err.printf(Locale.ROOT, "fitting a model on %s (%d columns) with the %s%n", in.input,
          input.getSchema().getFields().size(), runner.runner);
      err.flush();
    }
    Jobs.Fitted fitted;
    try (AutoCloseable progress = CliLogging.progressTo(err, common.quiet)) {
      fitted = parent.backend().fit(new Jobs.Fit(input, model,
          training.toModel(input.getSchema()), runner.toPipelineOptions(cmd, "synthbeam-fit", RunnerOptions.Work.TRAINING)));
    }
    TrainingSummary summary = fitted.summary();
    err.printf(Locale.ROOT, "fitted %d epochs on %d rows in %s; model saved to %s%n",
        summary.epochs(), summary.tableRows(), Durations.since(start), model);
    PrivacyLine.print(err, summary, training.privacy());
    err.flush();
    return 0;
  }
}
