package io.synthbeam.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * Maps CSV header names to valid Avro field names and back.
 *
 * <p>Avro names must match {@code [A-Za-z_][A-Za-z0-9_]*}; CSV headers such as
 * {@code education-num} do not. The field gets a sanitised name ({@code education_num}) and keeps
 * the header text in the field property {@value #CSV_NAME_PROPERTY}, which the CSV writer uses so
 * that a CSV written from the records has exactly the input's column names.
 */
public final class CsvColumnNames {
  /** Field property holding the CSV column name when it differs from the field name. */
  public static final String CSV_NAME_PROPERTY = "synthbeam.csvName";

  private CsvColumnNames() {}

  /**
   * A valid Avro name for {@code header}: every character outside {@code [A-Za-z0-9_]} becomes
   * {@code _}, and a leading digit (or an empty name) gets a {@code _} prefix.
   */
  public static String sanitize(String header) {
    StringBuilder name = new StringBuilder(header.length() + 1);
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_';
      name.append(valid ? c : '_');
    }
    if (name.length() == 0 || Character.isDigit(name.charAt(0))) {
      name.insert(0, '_');
    }
    return name.toString();
  }

  /**
   * Sanitised, unique field names for a header row, in order. Two headers that sanitise to the
   * same name ({@code a-b}, {@code a_b}) are told apart by a suffix ({@code a_b_2}).
   */
  public static List<String> fieldNames(List<String> headers) {
    Set<String> taken = new HashSet<>();
    // Headers that are already valid names keep them; claim those first so they never move.
    for (String header : headers) {
      if (sanitize(header).equals(header)) {
        taken.add(header);
      }
    }
    List<String> names = new ArrayList<>(headers.size());
    for (String header : headers) {
      String name = sanitize(header);
      if (!name.equals(header)) {
        String base = name;
        for (int suffix = 2; taken.contains(name); suffix++) {
          name = base + "_" + suffix;
        }
        taken.add(name);
      }
      names.add(name);
    }
    return names;
  }

  /** The CSV column name of a field: its {@value #CSV_NAME_PROPERTY} property, else its name. */
  public static String csvName(Schema.Field field) {
    Object property = field.getObjectProp(CSV_NAME_PROPERTY);
    return property instanceof String text ? text : field.name();
  }

  /**
   * A copy of a record schema where the fields named in {@code csvNames} (field name to CSV name)
   * carry the CSV name property. Fields whose CSV name equals their name are left untouched.
   */
  public static Schema withCsvNames(Schema recordSchema, Map<String, String> csvNames) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : recordSchema.getFields()) {
      Schema.Field copy = new Schema.Field(field, field.schema());
      String csvName = csvNames.get(field.name());
      if (csvName != null && !csvName.equals(field.name())
          && copy.getObjectProp(CSV_NAME_PROPERTY) == null) {
        copy.addProp(CSV_NAME_PROPERTY, csvName);
      }
      fields.add(copy);
    }
    Schema copy = Schema.createRecord(recordSchema.getName(), recordSchema.getDoc(),
        recordSchema.getNamespace(), recordSchema.isError(), fields);
    recordSchema.getObjectProps().forEach(copy::addProp);
    for (String alias : recordSchema.getAliases()) {
      copy.addAlias(alias);
    }
    return copy;
  }
}
