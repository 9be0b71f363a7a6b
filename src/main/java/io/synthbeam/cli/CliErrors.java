package io.synthbeam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.apache.avro.AvroRuntimeException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns exceptions into one message on stderr and an exit code: {@link #USAGE} for bad command
 * lines (picocli's own errors and {@link ParameterException}s the commands throw for missing
 * inputs or unknown file types), {@link #FAILURE} for everything that fails while working (bad
 * data, IO errors, training errors). Stack traces only with {@code --verbose}.
 */
final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
  static final int FAILURE = 1;
  static final int USAGE = 2;
  /** The option every subcommand has for stack traces. */
  static final String VERBOSE = "--verbose";

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
    if (verbose(cmd.getParseResult())) {
      ex.printStackTrace(err);
    }
    err.flush();
    return USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    boolean verbose = verbose(parseResult);
    String prefix = cmd.getCommandSpec().qualifiedName() + ": ";
    if (isUserError(ex)) {
      err.println(prefix + message(ex));
    } else {
      err.println(prefix + "internal error: " + ex
          + (verbose ? "" : " (run with --verbose for the stack trace)"));
    }
    if (verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
    return FAILURE;
  }

  /** Errors whose message is meant for the user: bad input, IO problems. */
  private static boolean isUserError(Exception ex) {
    return (ex instanceof IOException || ex instanceof UncheckedIOException
        || ex instanceof IllegalArgumentException || ex instanceof IllegalStateException
        || ex instanceof AvroRuntimeException) && ex.getMessage() != null;
  }

  private static String message(Exception ex) {
    return ex instanceof UncheckedIOException && ex.getCause() != null
        ? ex.getCause().getMessage() : ex.getMessage();
  }

  /** Whether {@code --verbose} was given to the (last) subcommand. */
  private static boolean verbose(ParseResult parseResult) {
    ParseResult last = parseResult;
    while (last != null && last.hasSubcommand()) {
      last = last.subcommand();
    }
    return last != null && last.hasMatchedOption(VERBOSE);
  }
}
