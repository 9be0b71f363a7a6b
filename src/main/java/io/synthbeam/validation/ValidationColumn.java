package io.synthbeam.validation;

import io.synthbeam.table.ColumnKind;
import java.io.Serializable;

/**
 * One column the validation compares.
 *
 * @param name the Avro field name
 * @param label the name shown in reports and JSON keys: the CSV header when the table came from a
 *     CSV file (field property {@code synthbeam.csvName}), else the field name
 * @param kind continuous (numbers, dates, timestamps) or categorical
 */
public record ValidationColumn(String name, String label, ColumnKind kind) implements Serializable {
  /** Whether the column is categorical. */
  public boolean categorical() {
    return kind == ColumnKind.CATEGORICAL;
  }
}
