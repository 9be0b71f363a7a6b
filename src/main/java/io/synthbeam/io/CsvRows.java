package io.synthbeam.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Formats records as CSV text one line at a time, exactly as {@link TableFiles#write} writes a CSV
 * file: a header of the fields' CSV names ({@link CsvColumnNames#csvName}), RFC 4180 quoting,
 * null as an empty cell, dates and date-times in ISO 8601. For writers that handle the file
 * themselves (Beam's TextIO). Not thread-safe: one instance per thread.
 */
public final class CsvRows {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setRecordSeparator('\n').get();

  private final List<Schema.Field> fields;
  private final List<CsvFieldType> types;
  private final String[] cells;

  private CsvRows(Schema schema) {
    this.fields = schema.getFields();
    this.types = fields.stream().map(CsvFieldType::of).toList();
    this.cells = new String[fields.size()];
  }

  /**
   * A formatter for records of {@code schema}.
   *
   * @throws IllegalArgumentException naming the field when a CSV cell cannot hold its type
   */
  public static CsvRows of(Schema schema) {
    return new CsvRows(schema);
  }

  /** The header line, without a line separator. */
  public String header() {
    List<String> names = new ArrayList<>(fields.size());
    fields.forEach(f -> names.add(CsvColumnNames.csvName(f)));
    return format(names.toArray());
  }

  /**
   * One record as a CSV line, without a line separator (a quoted cell may hold line breaks);
   * fields are read by name.
   *
   * @throws IllegalArgumentException naming the field when it is null but not nullable
   */
  public String line(GenericRecord record) {
    for (int i = 0; i < cells.length; i++) {
      Schema.Field field = fields.get(i);
      Object value = record.get(field.name());
      if (value == null && !types.get(i).nullable()) {
        throw new IllegalArgumentException("a record has no value for the field '"
            + field.name() + "', which is not nullable");
      }
      cells[i] = value == null ? "" : CsvValues.format(value, types.get(i));
    }
    return format((Object[]) cells);
  }

  /** The cells as one line; unlike CSVFormat.format, no trimming of the line. */
  private static String format(Object[] values) {
    StringBuilder line = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(line, FORMAT)) {
      printer.printRecord(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    line.setLength(line.length() - 1); // the record separator
    return line.toString();
  }
}
