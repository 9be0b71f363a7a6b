package io.synthbeam.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code synthbeam} command line: {@code run} runs a pipeline spec (YAML), {@code fit} trains a model on a table file, {@code sample}
 * writes synthetic rows from a saved model, {@code synthesize} does both at once, {@code rebalance}
 * adds synthetic rows of rare classes, {@code validate} checks a synthetic table's quality and
 * privacy. The model commands run as an Apache Beam pipeline, on the DirectRunner
 * or the FlinkRunner.
 */
@Command(name = "synthbeam", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    subcommands = {FitCommand.class, SampleCommand.class, SynthesizeCommand.class,
        RebalanceCommand.class, ValidateCommand.class, RunCommand.class,
        CommandLine.HelpCommand.class},
    description = {"Synthetic tabular data with a conditional tabular GAN (CTGAN), "
        + "on Avro records, as Apache Beam pipelines.", ""},
    footer = {"", "Example:",
        "  synthbeam fit --input examples/adult/train.csv.gz --epochs 30 \\",
        "      --model out/adult.zip",
        "  synthbeam sample --model out/adult.zip --rows 32561 \\",
        "      --output out/adult-synthetic.csv",
        "  synthbeam run pipelines/adult-census.yaml     (a whole pipeline from a YAML spec)",
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
        "missing command: use 'run', 'fit', 'sample', 'synthesize', 'rebalance' or "
        + "'validate'");
  }

  /** The configured command line (error handlers and exit codes set), ready to execute. */
  public static CommandLine commandLine() {
    return commandLine(new BeamBackend());
  }

  static CommandLine commandLine(Backend backend) {
    CliErrors errors = new CliErrors();
    return new CommandLine(new SynthBeamCli(backend))
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors)
        .setExecutionStrategy(SynthBeamCli::execute);
  }

  /**
   * Runs the last subcommand; with {@code --log-format json} its stdout and stderr first become
   * JSON-lines writers (kept for the error handler, which runs after this returns).
   */
  private static int execute(ParseResult parseResult) {
    ParseResult last = parseResult;
    while (last.hasSubcommand()) {
      last = last.subcommand();
    }
    boolean json = last.hasMatchedOption(CommonOptions.LOG_FORMAT)
        && last.matchedOptionValue(CommonOptions.LOG_FORMAT, CommonOptions.LogFormat.TEXT)
            == CommonOptions.LogFormat.JSON;
    if (json && !last.isUsageHelpRequested() && !last.isVersionHelpRequested()) {
      CommandLine cmd = last.commandSpec().commandLine();
      cmd.setOut(new PrintWriter(new JsonLinesWriter(cmd.getOut(), "stdout"), true));
      cmd.setErr(new PrintWriter(new JsonLinesWriter(cmd.getErr(), "stderr"), true));
    }
    return new CommandLine.RunLast().execute(parseResult);
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
