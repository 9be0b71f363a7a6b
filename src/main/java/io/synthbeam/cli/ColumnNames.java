package io.synthbeam.cli;

import io.synthbeam.io.CsvColumnNames;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * Turns the column names a user types ({@code --categorical education-num}) into Avro field
 * names ({@code education_num}): a name equal to a field's CSV name becomes that field's name;
 * any other name is kept as typed, so the transforms can report it as unknown.
 */
final class ColumnNames {
  private ColumnNames() {}

  static Set<String> toFieldNames(Schema schema, List<String> names) {
    Set<String> fields = new LinkedHashSet<>();
    for (String raw : names) {
      String name = raw.strip();
      if (!name.isEmpty()) {
        fields.add(toFieldName(schema, name));
      }
    }
    return fields;
  }

  /** The map with its keys (column names) turned into field names. */
  static <V> Map<String, V> toFieldNames(Schema schema, Map<String, V> byColumn) {
    Map<String, V> out = new LinkedHashMap<>();
    byColumn.forEach((column, value) -> out.put(toFieldName(schema, column.strip()), value));
    return out;
  }

  static String toFieldName(Schema schema, String name) {
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
