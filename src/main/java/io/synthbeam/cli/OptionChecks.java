package io.synthbeam.cli;

import io.synthbeam.io.FileFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Checks on option values that make a usage error (exit code 2) before any work starts. */
final class OptionChecks {
  private final CommandLine cmd;

  OptionChecks(CommandLine cmd) {
    this.cmd = cmd;
  }

  /** The path must name an existing, readable file. */
  void existingFile(String option, Path path) {
    if (!Files.exists(path)) {
      throw new ParameterException(cmd, option + ": file not found: " + path);
    }
    if (Files.isDirectory(path)) {
      throw new ParameterException(cmd, option + ": " + path + " is a folder, not a file");
    }
    if (!Files.isReadable(path)) {
      throw new ParameterException(cmd, option + ": cannot read " + path + " (permission denied)");
    }
  }

  /** The path must have a table file extension. */
  FileFormat tableFormat(String option, Path path) {
    try {
      return FileFormat.of(path);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cmd, option + ": " + e.getMessage());
    }
  }

  /** The path must end in {@code .zip} (a model bundle). */
  void modelFile(String option, Path path) {
    Path name = path.getFileName();
    if (name == null || !name.toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      throw new ParameterException(cmd, option + ": a model file name must end in .zip, not '"
          + path + "'");
    }
  }

  /** The value must be at least {@code min}. */
  void atLeast(String option, long value, long min) {
    if (value < min) {
      throw new ParameterException(cmd, option + " must be at least " + min + ", not " + value);
    }
  }

  /** The value must be a finite number above 0. */
  void positive(String option, double value) {
    require(value > 0 && Double.isFinite(value), option + " must be a number above 0, not "
        + value);
  }

  /** A usage error with {@code message} unless {@code ok}. */
  void require(boolean ok, String message) {
    if (!ok) {
      throw new ParameterException(cmd, message);
    }
  }
}
