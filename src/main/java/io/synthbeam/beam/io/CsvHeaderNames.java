package io.synthbeam.beam.io;

import io.synthbeam.io.CsvColumnNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.avro.Schema;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A given CSV schema with each field's CSV column name recorded, as the CSV reader records it,
 * so CSV output keeps the input's column names: the header row is matched to the fields by the
 * field's {@link CsvColumnNames#CSV_NAME_PROPERTY}, else its name, else the sanitised header.
 * Columns that match no field are left for the reader to report, naming the file.
 */
final class CsvHeaderNames {
  private CsvHeaderNames() {}

  static Schema apply(ResourceId file, boolean gzip, Schema schema) throws IOException {
    if (schema.getType() != Schema.Type.RECORD) {
      throw new IllegalArgumentException("the schema for " + file + " must be an Avro record,"
          + " not " + schema.getType().getName());
    }
    Map<String, String> csvNames = new LinkedHashMap<>();
    for (String column : header(file, gzip)) {
      Schema.Field field = fieldFor(schema, column);
      if (field != null) {
        csvNames.putIfAbsent(field.name(), column);
      }
    }
    return CsvColumnNames.withCsvNames(schema, csvNames);
  }

  private static List<String> header(ResourceId file, boolean gzip) throws IOException {
    try (InputStream raw = Channels.newInputStream(FileSystems.open(file));
        InputStream data = gzip ? new GZIPInputStream(raw) : raw;
        CSVParser parser = CSVFormat.RFC4180.parse(new BufferedReader(
            new InputStreamReader(data, StandardCharsets.UTF_8)))) {
      var records = parser.iterator();
      if (!records.hasNext()) {
        throw new IllegalArgumentException(file + " is empty: a CSV file needs a header row");
      }
      CSVRecord header = records.next();
      List<String> names = new java.util.ArrayList<>(header.toList());
      if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
        names.set(0, names.get(0).substring(1));
      }
      return names;
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new IOException("cannot read the header row of " + file + ": " + e.getMessage(), e);
    }
  }

  private static Schema.Field fieldFor(Schema schema, String column) {
    for (Schema.Field field : schema.getFields()) {
      if (column.equals(field.getObjectProp(CsvColumnNames.CSV_NAME_PROPERTY))) {
        return field;
      }
    }
    Schema.Field byName = schema.getField(column);
    return byName != null ? byName : schema.getField(CsvColumnNames.sanitize(column));
  }
}
