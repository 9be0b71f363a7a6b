package io.synthbeam.cli;

import picocli.CommandLine.Option;

/** {@code --quiet}, {@code --log-format} and {@code --verbose}, on every pipeline command. */
final class CommonOptions {
  /** The option's name, which {@link SynthBeamCli} looks up before the command runs. */
  static final String LOG_FORMAT = "--log-format";

  /** How stdout and stderr lines are written. */
  enum LogFormat { TEXT, JSON }

  @Option(names = {"-q", "--quiet"},
      description = "No progress lines; only the final summary and errors.")
  boolean quiet;

  @Option(names = LOG_FORMAT, paramLabel = "text|json",
      description = "text: plain lines; json: every line of stdout and stderr as one JSON "
          + "object {\"time\", \"level\", \"stream\", \"message\"}, for batch jobs and log "
          + "collectors. Default: text.")
  LogFormat logFormat = LogFormat.TEXT;

  @Option(names = CliErrors.VERBOSE, description = "On failure, print the stack trace too.")
  boolean verbose;
}
