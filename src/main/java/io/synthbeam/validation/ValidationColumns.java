package io.synthbeam.validation;

import io.synthbeam.io.CsvColumnNames;
import io.synthbeam.table.ColumnKind;
import io.synthbeam.table.ColumnSpec;
import io.synthbeam.table.EncodingOptions;
import io.synthbeam.table.TableSpec;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * The columns a validation compares, in order, and the target column of the utility models.
 *
 * <p>Kinds come from the real table's Avro schema as the model sees them ({@link TableSpec}:
 * strings, enums and booleans categorical; numbers, dates and timestamps continuous), then from
 * explicit overrides (for example judge.py's {@code meta.json} column types), which may name a
 * column by field name or by CSV header.
 *
 * @param columns the compared columns, in schema order
 * @param target index of the target column in {@code columns}
 */
public record ValidationColumns(List<ValidationColumn> columns, int target)
    implements Serializable {

  public ValidationColumns {
    columns = List.copyOf(columns);
    if (target < 0 || target >= columns.size()) {
      throw new IllegalArgumentException("target index " + target + " is outside the "
          + columns.size() + " columns");
    }
  }

  /**
   * Columns from a record schema.
   *
   * @param kinds overrides by field name or CSV header; names the schema lacks are an error
   * @param target the target column, by field name or CSV header
   * @throws IllegalArgumentException naming the column for an unknown target or override
   */
  public static ValidationColumns fromSchema(Schema schema, Map<String, ColumnKind> kinds,
      String target) {
    Map<String, ColumnKind> byField = new LinkedHashMap<>();
    for (Map.Entry<String, ColumnKind> e : kinds.entrySet()) {
      Schema.Field field = field(schema, e.getKey(), "column type override");
      byField.put(field.name(), e.getValue());
    }
    TableSpec spec = TableSpec.fromSchema(schema, EncodingOptions.defaults());
    List<ValidationColumn> columns = new ArrayList<>();
    for (ColumnSpec c : spec.columns()) {
      Schema.Field field = schema.getField(c.name());
      ColumnKind kind = byField.getOrDefault(c.name(), c.kind());
      columns.add(new ValidationColumn(c.name(), CsvColumnNames.csvName(field), kind));
    }
    String targetField = field(schema, target, "target column (--target)").name();
    int index = 0;
    while (!columns.get(index).name().equals(targetField)) {
      index++;
    }
    return new ValidationColumns(columns, index);
  }

  /** The target column. */
  public ValidationColumn targetColumn() {
    return columns.get(target);
  }

  /** Classification for a categorical target, regression for a continuous one. */
  public Task task() {
    return targetColumn().categorical() ? Task.CLASSIFICATION : Task.REGRESSION;
  }

  /** Number of columns. */
  public int size() {
    return columns.size();
  }

  /** The column at {@code index}. */
  public ValidationColumn get(int index) {
    return columns.get(index);
  }

  private static Schema.Field field(Schema schema, String name, String what) {
    Schema.Field field = schema.getField(name);
    if (field != null) {
      return field;
    }
    for (Schema.Field f : schema.getFields()) {
      if (CsvColumnNames.csvName(f).equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown column '" + name + "' in the " + what
        + "; the real table's columns are: " + schema.getFields().stream()
            .map(CsvColumnNames::csvName).collect(Collectors.joining(", ")));
  }
}
