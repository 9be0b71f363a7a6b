package io.synthbeam.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes records as UTF-8 CSV with a header row of the fields' CSV names
 * ({@link CsvColumnNames#csvName}), null as an empty cell, dates and date-times in ISO 8601.
 */
final class CsvTableWriter {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setRecordSeparator('\n').get();

  private CsvTableWriter() {}

  /** Writes to {@code file}, which must not exist yet. */
  static void write(Path file, boolean gzip, Schema schema, Iterable<? extends GenericRecord> rows)
      throws IOException {
    List<Schema.Field> fields = schema.getFields();
    List<CsvFieldType> types = fields.stream().map(CsvFieldType::of).toList();
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
        OutputStream data = gzip ? new GZIPOutputStream(out, 1 << 16) : out;
        Writer writer = new BufferedWriter(new OutputStreamWriter(data, StandardCharsets.UTF_8),
            1 << 16);
        CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
      printer.printRecord(fields.stream().map(CsvColumnNames::csvName).toList());
      List<String> cells = new ArrayList<>(fields.size());
      long row = 0;
      for (GenericRecord record : rows) {
        row++;
        cells.clear();
        for (int i = 0; i < fields.size(); i++) {
          Schema.Field field = fields.get(i);
          Object value = record.get(field.name());
          if (value == null && !types.get(i).nullable()) {
            throw new IllegalArgumentException("row " + row + " has no value for the field '"
                + field.name() + "', which is not nullable");
          }
          cells.add(value == null ? "" : CsvValues.format(value, types.get(i)));
        }
        printer.printRecord(cells);
      }
    }
  }
}
