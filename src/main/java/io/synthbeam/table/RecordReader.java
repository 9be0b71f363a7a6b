package io.synthbeam.table;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Finds the modelled columns' positions in a record's schema by name, caching the answer for the
 * last schema seen (records of one source share their Schema instance). Thread-safe.
 */
final class RecordReader implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  private final String[] names;
  private transient volatile Positions last;

  private record Positions(Schema schema, int[] positions) {}

  RecordReader(List<ColumnSpec> columns) {
    names = columns.stream().map(ColumnSpec::name).toArray(String[]::new);
  }

  /** For each modelled column, the position of its field in {@code schema}. */
  int[] positions(Schema schema) {
    Positions cached = last;
    if (cached != null && cached.schema == schema) {
      return cached.positions;
    }
    int[] positions = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      Schema.Field field = schema.getType() == Schema.Type.RECORD ? schema.getField(names[i])
          : null;
      if (field == null) {
        throw new IllegalArgumentException("a record of schema " + schema.getFullName()
            + " has no field '" + names[i] + "'; records must carry the table's fields");
      }
      positions[i] = field.pos();
    }
    last = new Positions(schema, positions);
    return positions;
  }
}
