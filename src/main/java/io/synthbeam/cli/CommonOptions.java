package io.synthbeam.cli;

import picocli.CommandLine.Option;

/** {@code --quiet} and {@code --verbose}, on every command. */
final class CommonOptions {
  @Option(names = {"-q", "--quiet"},
      description = "No progress lines; only the final summary and errors.")
  boolean quiet;

  @Option(names = CliErrors.VERBOSE, description = "On failure, print the stack trace too.")
  boolean verbose;
}
