package io.synthbeam.cli;

import io.synthbeam.beam.io.TableIO;
import io.synthbeam.io.FileFormat;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --input} and {@code --schema}: the table a command reads. */
final class InputOptions {
  @Option(names = {"-i", "--input"}, required = true, paramLabel = "TABLE",
      description = "Input table: .csv, .csv.gz (header row), .avro or .parquet.")
  Path input;

  @Option(names = "--schema", paramLabel = "SCHEMA.avsc",
      description = "Avro record schema to read a CSV input with (default: inferred from the "
          + "header and values). Avro and Parquet inputs carry their own schema.")
  Path schema;

  /** Usage checks that need no reading: the file names. */
  void check(CommandLine cmd) {
    OptionChecks check = new OptionChecks(cmd);
    FileFormat format = check.tableFormat("--input", input);
    check.existingFile("--input", input);
    if (schema != null) {
      if (!format.isCsv()) {
        throw new ParameterException(cmd, "--schema is for CSV input only; " + input
            + " carries its own schema");
      }
      check.existingFile("--schema", schema);
    }
  }

  /**
   * The input as a Beam read (of its absolute path); its schema is read (or inferred) now.
   *
   * @throws IllegalArgumentException for a schema file that does not parse
   */
  TableIO.Read open() throws IOException {
    // Absolute: a Flink cluster's workers resolve paths against their own working folder.
    String path = input.toAbsolutePath().toString();
    if (schema == null) {
      return TableIO.read(path);
    }
    Schema given;
    try {
      given = new Schema.Parser().parse(schema.toFile());
    } catch (SchemaParseException e) {
      throw new IllegalArgumentException("cannot parse the Avro schema " + schema + ": "
          + e.getMessage(), e);
    }
    return TableIO.read(path, given);
  }
}
