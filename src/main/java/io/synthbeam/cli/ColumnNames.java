package io.synthbeam.cli;

import io.synthbeam.io.CsvColumnNames;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * Turns the column names a user types ({@code --categorical education-num}) into Avro field
 * names ({@code education_num}): a name equal to a field's CSV name becomes that field's name;
 * any other name is kept as typed, so the encoder can report it as unknown.
 */
final class ColumnNames {
  private ColumnNames() {}

  static Set<String> toFieldNames(Schema schema, List<String> names) {
    Set<String> fields = new LinkedHashSet<>();
    for (String raw : names) {
      String name = raw.strip();
      if (name.isEmpty()) {
        continue;
      }
      fields.add(fieldName(schema, name));
    }
    return fields;
  }

  private static String fieldName(Schema schema, String name) {
    if (schema.getField(name) != null) {
      return name;
    }
    for (Schema.Field field : schema.getFields()) {
      if (CsvColumnNames.csvName(field).equals(name)) {
        return field.name();
      }
    }
    return name;
  }
}
