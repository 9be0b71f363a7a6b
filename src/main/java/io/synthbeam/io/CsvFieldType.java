package io.synthbeam.io;

import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * What a CSV cell of one field holds: the field's value schema (its non-null branch) and how the
 * text maps to the Avro value.
 *
 * @param kind the cell's value kind
 * @param valueSchema the non-null schema of the field (an enum schema for {@link Kind#ENUM})
 * @param nullable whether the field is a union with null
 */
record CsvFieldType(Kind kind, Schema valueSchema, boolean nullable) {

  /** Value kinds a CSV cell can hold. */
  enum Kind {
    BOOLEAN("a boolean (true or false)"),
    INT("an int"),
    LONG("a long"),
    FLOAT("a float"),
    DOUBLE("a double"),
    STRING("a string"),
    ENUM("an enum symbol"),
    DATE("a date (yyyy-MM-dd)"),
    TIMESTAMP_MILLIS("a date-time (ISO 8601, e.g. 2024-01-31T12:00:00Z)"),
    TIMESTAMP_MICROS("a date-time (ISO 8601, e.g. 2024-01-31T12:00:00.000001Z)");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    /** For messages: "'abc' is not an int". */
    String description() {
      return description;
    }
  }

  /**
   * The CSV type of a field.
   *
   * @throws IllegalArgumentException naming the field when CSV cannot hold its type
   */
  static CsvFieldType of(Schema.Field field) {
    Schema schema = field.schema();
    boolean nullable = false;
    if (schema.getType() == Schema.Type.UNION) {
      List<Schema> branches = schema.getTypes();
      long nulls = branches.stream().filter(s -> s.getType() == Schema.Type.NULL).count();
      if (branches.size() != 2 || nulls != 1) {
        throw unsupported(field);
      }
      nullable = true;
      schema = branches.get(0).getType() == Schema.Type.NULL ? branches.get(1) : branches.get(0);
    }
    LogicalType logical = schema.getLogicalType();
    Kind kind = switch (schema.getType()) {
      case BOOLEAN -> Kind.BOOLEAN;
      case INT -> logical == null ? Kind.INT
          : logical instanceof LogicalTypes.Date ? Kind.DATE : null;
      case LONG -> logical == null ? Kind.LONG
          : logical instanceof LogicalTypes.TimestampMillis ? Kind.TIMESTAMP_MILLIS
          : logical instanceof LogicalTypes.TimestampMicros ? Kind.TIMESTAMP_MICROS : null;
      case FLOAT -> Kind.FLOAT;
      case DOUBLE -> Kind.DOUBLE;
      case STRING -> Kind.STRING;
      case ENUM -> Kind.ENUM;
      default -> null;
    };
    if (kind == null) {
      throw unsupported(field);
    }
    return new CsvFieldType(kind, schema, nullable);
  }

  private static IllegalArgumentException unsupported(Schema.Field field) {
    return new IllegalArgumentException("field '" + field.name() + "' has type " + field.schema()
        + ", which a CSV cell cannot hold; CSV supports boolean, int, long, float, double, string,"
        + " enum, date, timestamp-millis and timestamp-micros, each optionally in a union with"
        + " null");
  }
}
