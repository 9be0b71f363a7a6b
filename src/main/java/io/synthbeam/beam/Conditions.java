package io.synthbeam.beam;

import io.synthbeam.table.ColumnKind;
import io.synthbeam.table.ColumnSpec;
import io.synthbeam.table.TableEncoder;
import io.synthbeam.table.TableSpec;
import java.util.Map;
import java.util.Map.Entry;

/** Checks sampling conditions before a pipeline runs, as far as what is known allows. */
final class Conditions {
  private Conditions() {}

  /**
   * Every condition names a modelled categorical column (the values are checked against the
   * fitted categories when sampling).
   *
   * @throws IllegalArgumentException naming the column
   */
  static void checkColumns(TableSpec spec, Map<String, String> conditions) {
    for (String column : conditions.keySet()) {
      ColumnSpec c;
      try {
        c = spec.column(column);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("condition on an unknown column: " + e.getMessage(), e);
      }
      if (c.kind() != ColumnKind.CATEGORICAL) {
        throw new IllegalArgumentException("condition on column '" + column + "', which is "
            + "continuous; conditions apply to categorical columns (strings, enums, booleans, "
            + "and int/long columns named in the categorical columns)");
      }
    }
  }

  /**
   * Every condition names a categorical column of the fitted model and a value it saw in training.
   *
   * @throws IllegalArgumentException naming the column or the value (and the known ones)
   */
  static void check(TableEncoder encoder, Map<String, String> conditions) {
    checkColumns(encoder.spec(), conditions);
    for (Entry<String, String> e : conditions.entrySet()) {
      encoder.categoryIndex(e.getKey(), e.getValue());
    }
  }
}
