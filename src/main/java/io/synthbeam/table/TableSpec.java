package io.synthbeam.table;

import java.io.Serializable;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The modelled columns of a table, derived from its Avro schema and the encoding options.
 *
 * <p>SKELETON: signatures agreed, bodies to be written by the table-encoding work.
 */
public final class TableSpec implements Serializable {

  /**
   * Builds the spec. Supported Avro field types: boolean, int, long, float, double, string, enum,
   * the logical types date and timestamp-millis/-micros, each optionally in a union with null
   * (either order). Strings, enums and booleans are categorical; numbers, dates and timestamps are
   * continuous unless named in {@link EncodingOptions#categoricalColumns()} (ints/longs only).
   *
   * @throws IllegalArgumentException naming the field for an unsupported type (record, array, map,
   *     bytes, fixed, a union of several types), and naming the column for a categorical or
   *     excluded column the schema does not have, or a float/double/date column marked categorical;
   *     also when no column is left to model.
   */
  public static TableSpec fromSchema(Schema inputSchema, EncodingOptions options) {
    throw new UnsupportedOperationException("TODO");
  }

  /** The schema of the records the input holds. */
  public Schema inputSchema() {
    throw new UnsupportedOperationException("TODO");
  }

  /** The schema of the synthetic records: the input schema without the excluded columns. */
  public Schema outputSchema() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Modelled columns, in output-schema order. */
  public List<ColumnSpec> columns() {
    throw new UnsupportedOperationException("TODO");
  }

  /** The column called {@code name}, or an IllegalArgumentException listing the known columns. */
  public ColumnSpec column(String name) {
    throw new UnsupportedOperationException("TODO");
  }
}
