package io.synthbeam.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code synthbeam} command line: {@code fit} trains a model on a table file, {@code sample}
 * writes synthetic rows from a saved model, {@code synthesize} does both at once, {@code rebalance}
 * adds synthetic rows of rare classes, {@code validate} checks a synthetic table's quality and
 * privacy. The model commands run as an Apache Beam pipeline, on the DirectRunner
 * or the FlinkRunner.
 */
@Command(name = "synthbeam", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    subcommands = {FitCommand.class, SampleCommand.class, SynthesizeCommand.class,
        RebalanceCommand.class, ValidateCommand.class, CommandLine.HelpCommand.class},
    description = {"Synthetic tabular data with a conditional tabular GAN (CTGAN), "
        + "on Avro records, as Apache Beam pipelines.", ""},
    footer = {"", "Example:",
        "  synthbeam fit --input examples/adult/train.csv.gz --epochs 30 \\",
        "      --model out/adult.zip",
        "  synthbeam sample --model out/adult.zip --rows 32561 \\",
        "      --output out/adult-synthetic.csv",
        "", "Every command takes --runner DirectRunner|FlinkRunner, --flink-master HOST:PORT and "
        + "--parallelism N.",
        "Run 'synthbeam COMMAND --help' for the options of a command.",
        "Exit codes: 0 done, 1 failed, 2 usage error, 3 a validation gate failed."})
public final class SynthBeamCli implements Runnable {
  private final Backend backend;

  @Spec CommandSpec spec;

  /** The command with the real backend (Beam pipelines). */
  public SynthBeamCli() {
    this(new BeamBackend());
  }

  SynthBeamCli(Backend backend) {
    this.backend = backend;
  }

  Backend backend() {
    return backend;
  }

  /** Without a subcommand: a usage error that lists them. */
  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "missing command: use 'fit', 'sample', 'synthesize', 'rebalance' or 'validate'");
  }

  /** The configured command line (error handlers and exit codes set), ready to execute. */
  public static CommandLine commandLine() {
    return commandLine(new BeamBackend());
  }

  static CommandLine commandLine(Backend backend) {
    CliErrors errors = new CliErrors();
    return new CommandLine(new SynthBeamCli(backend))
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors);
  }

  public static void main(String[] args) {
    CliLogging.configureProcess();
    int code;
    try {
      code = commandLine().execute(args);
    } catch (OutOfMemoryError e) {
      System.err.println("synthbeam: out of memory; give Java more heap, e.g. "
          + "SYNTHBEAM_JAVA_OPTS=-Xmx16g ./synthbeam ...");
      code = CliErrors.FAILURE;
    }
    System.exit(code);
  }
}
