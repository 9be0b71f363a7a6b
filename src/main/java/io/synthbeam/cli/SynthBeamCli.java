package io.synthbeam.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code synthbeam} command line: {@code fit} trains a model on a table file, {@code sample}
 * writes synthetic rows from a saved model.
 */
@Command(name = "synthbeam", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    subcommands = {FitCommand.class, SampleCommand.class, ValidateCommand.class, CommandLine.HelpCommand.class},
    description = {"Synthetic tabular data with a conditional tabular GAN (CTGAN), "
        + "on Avro records.", ""},
    footer = {"", "Example:",
        "  synthbeam fit --input examples/adult/train.csv.gz --epochs 30 \\",
        "      --model out/adult.zip",
        "  synthbeam sample --model out/adult.zip --rows 32561 \\",
        "      --output out/adult-synthetic.csv",
        "", "Run 'synthbeam COMMAND --help' for the options of a command.",
        "Exit codes: 0 done, 1 failed, 2 usage error."})
public final class SynthBeamCli implements Runnable {
  private final ModelBackend backend;

  @Spec CommandSpec spec;

  /** The command with the real trainer and model bundle. */
  public SynthBeamCli() {
    this(new CtganBackend());
  }

  SynthBeamCli(ModelBackend backend) {
    this.backend = backend;
  }

  ModelBackend backend() {
    return backend;
  }

  /** Without a subcommand: a usage error that lists them. */
  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: use 'fit' or 'sample'");
  }

  /** The configured command line (error handlers and exit codes set), ready to execute. */
  public static CommandLine commandLine() {
    return commandLine(new CtganBackend());
  }

  static CommandLine commandLine(ModelBackend backend) {
    CliErrors errors = new CliErrors();
    return new CommandLine(new SynthBeamCli(backend))
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors);
  }

  public static void main(String[] args) {
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
