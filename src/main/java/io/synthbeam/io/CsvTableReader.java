package io.synthbeam.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads a CSV file with a header row into Avro records, with a given record schema or one inferred
 * from the header and the cells (see {@link CsvColumnGuess}). Inference reads the file twice, so
 * only the records are held in memory.
 */
final class CsvTableReader {
  private CsvTableReader() {}

  static Table read(Path path, boolean gzip, Optional<Schema> givenSchema) throws IOException {
    Schema schema;
    if (givenSchema.isPresent()) {
      List<String> header;
      try (CsvCursor cursor = CsvCursor.open(path, gzip)) {
        header = cursor.header();
      }
      schema = matchSchema(path, header, givenSchema.get());
    } else {
      schema = inferSchema(path, gzip);
    }
    return new Table(schema, readRecords(path, gzip, schema));
  }

  /** The schema inference makes for a CSV file (one pass over it). */
  static Schema inferSchema(Path path, boolean gzip) throws IOException {
    try (CsvCursor cursor = CsvCursor.open(path, gzip)) {
      List<String> header = cursor.header();
      List<CsvColumnGuess> guesses = new ArrayList<>();
      header.forEach(h -> guesses.add(new CsvColumnGuess()));
      while (cursor.next()) {
        List<String> cells = cursor.cells();
        for (int i = 0; i < cells.size(); i++) {
          guesses.get(i).add(cells.get(i));
        }
      }
      List<String> names = CsvColumnNames.fieldNames(header);
      List<Schema.Field> fields = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        CsvColumnGuess guess = guesses.get(i);
        Schema.Field field = new Schema.Field(names.get(i), guess.schema(), null,
            guess.defaultValue());
        if (!names.get(i).equals(header.get(i))) {
          field.addProp(CsvColumnNames.CSV_NAME_PROPERTY, header.get(i));
        }
        fields.add(field);
      }
      return Schema.createRecord(recordName(path), null, null, false, fields);
    }
  }

  /**
   * The given schema with each header column matched to a field: by the field's CSV name property,
   * else by its name, else by the sanitised header. Matched fields whose name differs from the
   * header get the CSV name property, so a CSV written back keeps the header.
   */
  private static Schema matchSchema(Path path, List<String> header, Schema schema) {
    if (schema.getType() != Schema.Type.RECORD) {
      throw new IllegalArgumentException("the schema for " + path + " must be an Avro record, not "
          + schema.getType());
    }
    schema.getFields().forEach(CsvFieldType::of); // fail early on types CSV cannot hold
    Map<String, String> csvNames = new LinkedHashMap<>();
    List<String> extra = new ArrayList<>();
    for (String column : header) {
      Schema.Field field = fieldFor(schema, column);
      if (field == null) {
        extra.add(column);
      } else if (csvNames.putIfAbsent(field.name(), column) != null) {
        throw new IllegalArgumentException(path + ": columns '" + csvNames.get(field.name())
            + "' and '" + column + "' both map to the schema field '" + field.name() + "'");
      }
    }
    if (!extra.isEmpty()) {
      throw new IllegalArgumentException(path + " has column(s) " + quoted(extra) + " that the"
          + " schema " + schema.getFullName() + " does not have (its fields: "
          + quoted(schema.getFields().stream().map(CsvColumnNames::csvName).toList())
          + "); add them to the schema or remove them from the file");
    }
    List<String> missing = schema.getFields().stream()
        .filter(f -> !csvNames.containsKey(f.name()) && !f.hasDefaultValue())
        .map(Schema.Field::name).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(path + " lacks the column(s) " + quoted(missing)
          + " of the schema " + schema.getFullName() + " (fields without a default must be in"
          + " the CSV; the file's columns: " + quoted(header) + ")");
    }
    return CsvColumnNames.withCsvNames(schema, csvNames);
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

  private static List<GenericRecord> readRecords(Path path, boolean gzip, Schema schema)
      throws IOException {
    List<GenericRecord> records = new ArrayList<>();
    try (CsvCursor cursor = CsvCursor.open(path, gzip)) {
      List<String> header = cursor.header();
      int[] position = new int[header.size()];
      CsvFieldType[] types = new CsvFieldType[header.size()];
      List<Schema.Field> defaulted = new ArrayList<>(schema.getFields());
      for (int i = 0; i < header.size(); i++) {
        Schema.Field field = fieldFor(schema, header.get(i));
        position[i] = field.pos();
        types[i] = CsvFieldType.of(field);
        defaulted.remove(field);
      }
      while (cursor.next()) {
        GenericData.Record record = new GenericData.Record(schema);
        List<String> cells = cursor.cells();
        for (int i = 0; i < cells.size(); i++) {
          record.put(position[i], value(cursor, header.get(i), cells.get(i), types[i]));
        }
        for (Schema.Field field : defaulted) {
          record.put(field.pos(), GenericData.get().getDefaultValue(field));
        }
        records.add(record);
      }
    }
    return records;
  }

  private static Object value(CsvCursor cursor, String column, String cell, CsvFieldType type) {
    if (cell.isEmpty()) {
      if (type.nullable()) {
        return null;
      }
      if (type.kind() == CsvFieldType.Kind.STRING) {
        return cell;
      }
      throw new IllegalArgumentException(cursor.where() + ", column '" + column + "': the cell"
          + " is empty, but the field is not nullable (make its type a union with null)");
    }
    try {
      return CsvValues.parse(cell, type);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(cursor.where() + ", column '" + column + "': "
          + e.getMessage(), e);
    }
  }

  /** The record name of an inferred schema: the file name without extension, sanitised. */
  private static String recordName(Path path) {
    String name = path.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    for (String extension : List.of(".csv.gz", ".csv")) {
      if (lower.endsWith(extension)) {
        name = name.substring(0, name.length() - extension.length());
        break;
      }
    }
    return CsvColumnNames.sanitize(name);
  }

  private static String quoted(List<String> names) {
    return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
  }
}
