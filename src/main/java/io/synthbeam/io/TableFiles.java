package io.synthbeam.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads and writes local table files as Avro records, choosing the format by the file name's
 * extension ({@link FileFormat}): {@code .csv}, {@code .csv.gz}, {@code .avro}, {@code .parquet}.
 *
 * <p>CSV files have a header row; their schema is given or inferred (see {@link #read}). Column
 * names that are not valid Avro names are sanitised and kept in the field property
 * {@value CsvColumnNames#CSV_NAME_PROPERTY}, which CSV output uses, so a CSV written from the
 * records of a CSV read has the same column names. An empty CSV cell is null (and a null is
 * written as an empty cell), so an empty string in a nullable string column reads back as null.
 *
 * <p>Avro and Parquet files carry their own schema; strings read from them are
 * {@link org.apache.avro.util.Utf8}, enums {@link org.apache.avro.generic.GenericData.EnumSymbol},
 * dates and timestamps their underlying int/long, as in Avro's generic model.
 */
public final class TableFiles {
  private TableFiles() {}

  /**
   * Reads a whole table file.
   *
   * @param schema for CSV: the record schema to read with (columns matched to fields by the CSV
   *     name property, the field name or the sanitised column name; extra columns and missing
   *     fields without a default are errors). Empty: infer it, per column the narrowest of int,
   *     long, double, boolean, date ({@code yyyy-MM-dd}), timestamp-millis (ISO date-time) and
   *     string, as a union with null when any cell is empty. Ignored for Avro and Parquet files,
   *     which carry their schema.
   * @throws FileNotFoundException naming the file when it does not exist
   * @throws IOException naming the file when it cannot be read or is damaged (not gzip, not UTF-8
   *     text, not Avro/Parquet, truncated)
   * @throws IllegalArgumentException naming the file for an unknown extension, and naming file,
   *     line and column for data that do not fit the schema
   */
  public static Table read(Path path, Optional<Schema> schema) throws IOException {
    FileFormat format = FileFormat.of(path);
    checkReadable(path);
    return switch (format) {
      case CSV -> CsvTableReader.read(path, false, schema);
      case CSV_GZ -> CsvTableReader.read(path, true, schema);
      case AVRO -> AvroTableFiles.read(path);
      case PARQUET -> ParquetTableFiles.read(path);
    };
  }

  /** Reads a table file with its own or an inferred schema: {@code read(path, Optional.empty())}. */
  public static Table read(Path path) throws IOException {
    return read(path, Optional.empty());
  }

  /**
   * The schema {@link #read} would infer for a CSV file, or the schema an Avro/Parquet file
   * carries.
   */
  public static Schema schemaOf(Path path) throws IOException {
    FileFormat format = FileFormat.of(path);
    checkReadable(path);
    return switch (format) {
      case CSV -> CsvTableReader.inferSchema(path, false);
      case CSV_GZ -> CsvTableReader.inferSchema(path, true);
      case AVRO, PARQUET -> read(path).schema();
    };
  }

  /**
   * Writes records to a table file atomically (a temporary file in the target folder, then a
   * move), creating the folder when missing. A failure leaves no partial file.
   *
   * @param schema the record schema of the file; records are read by field name
   * @throws IllegalArgumentException for an unknown extension, a field type CSV cannot hold, or a
   *     record that does not match the schema (naming the output file)
   * @throws IOException naming the folder when it cannot be created or written
   */
  public static void write(Path path, Schema schema, Iterable<? extends GenericRecord> records)
      throws IOException {
    FileFormat format = FileFormat.of(path);
    try {
      AtomicFiles.write(path, temporary -> {
        switch (format) {
          case CSV -> CsvTableWriter.write(temporary, false, schema, records);
          case CSV_GZ -> CsvTableWriter.write(temporary, true, schema, records);
          case AVRO -> AvroTableFiles.write(temporary, schema, records);
          case PARQUET -> ParquetTableFiles.write(temporary, schema, records);
          default -> throw new IllegalStateException("unhandled format " + format);
        }
      });
    } catch (IllegalArgumentException | AvroRuntimeException | ClassCastException e) {
      throw new IllegalArgumentException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  private static void checkReadable(Path path) throws IOException {
    if (!Files.exists(path)) {
      throw new FileNotFoundException("input file not found: " + path);
    }
    if (Files.isDirectory(path)) {
      throw new IOException("cannot read " + path + ": it is a folder, not a table file");
    }
    if (!Files.isReadable(path)) {
      throw new IOException("cannot read " + path + ": permission denied");
    }
  }
}
