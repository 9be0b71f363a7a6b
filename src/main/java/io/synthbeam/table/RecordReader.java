package io.synthbeam.table;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Finds fields' positions in a record's schema by name, caching the answer for the last schema
 * seen (records of one source share their Schema instance). Thread-safe.
 */
final class RecordReader implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  private final String[] names;
  /** Whether a missing field is an error; otherwise its position is -1. */
  private final boolean required;
  private transient volatile Positions last;

  private record Positions(Schema schema, int[] positions) {}

  RecordReader(List<String> names, boolean required) {
    this.names = names.toArray(String[]::new);
    this.required = required;
  }

  /** For each name, the position of its field in {@code schema} (-1 if absent and optional). */
  int[] positions(Schema schema) {
    Positions cached = last;
    if (cached != null && cached.schema == schema) {
      return cached.positions;
    }
    int[] positions = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      Schema.Field field = schema.getType() == Schema.Type.RECORD ? schema.getField(names[i])
          : null;
      if (field == null && required) {
        throw new IllegalArgumentException("a record of schema " + schema.getFullName()
            + " has no field '" + names[i] + "'; records must carry the table's fields");
      }
      positions[i] = field == null ? -1 : field.pos();
    }
    last = new Positions(schema, positions);
    return positions;
  }
}
