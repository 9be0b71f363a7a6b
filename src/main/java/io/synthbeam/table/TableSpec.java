package io.synthbeam.table;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The modelled columns of a table, derived from its Avro schema and the encoding options.
 * Immutable; Java-serialises its schemas as JSON text (Avro schemas are not reliably
 * Serializable).
 */
public final class TableSpec implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  private final transient Schema inputSchema;
  private final transient Schema outputSchema;
  private final List<ColumnSpec> columns;
  private final transient Map<String, ColumnSpec> byName;
  private final transient Map<String, ColumnDeclaration> declarations;

  private TableSpec(Schema inputSchema, Schema outputSchema, List<ColumnSpec> columns) {
    this.inputSchema = inputSchema;
    this.outputSchema = outputSchema;
    this.columns = List.copyOf(columns);
    Map<String, ColumnSpec> map = new LinkedHashMap<>();
    Map<String, ColumnDeclaration> declared = new LinkedHashMap<>();
    for (ColumnSpec c : columns) {
      map.put(c.name(), c);
      declared.put(c.name(), ColumnDeclarations.read(inputSchema.getField(c.name()), c));
    }
    this.byName = map;
    this.declarations = declared;
  }

  /**
   * Builds the spec. Supported Avro field types: boolean, int, long, float, double, string, enum,
   * the logical types date and timestamp-millis/-micros, each optionally in a union with null
   * (either order). Strings, enums and booleans are categorical; numbers, dates and timestamps are
   * continuous unless named in {@link EncodingOptions#categoricalColumns()} (ints/longs only).
   * Other logical types are modelled as their underlying type (time-millis as an int, uuid as a
   * string, ...).
   *
   * <p>Fields may carry {@link ColumnDeclaration} properties ({@code synthbeam.categories},
   * {@code synthbeam.range}, {@code synthbeam.points}, {@code synthbeam.public}): public knowledge
   * a private fit uses instead of spending budget; they are checked here.
   *
   * @throws IllegalArgumentException naming the field for an unsupported type (record, array, map,
   *     bytes, fixed, a union of several types), and naming the column for a categorical or
   *     excluded column the schema does not have, or a float/double/date column marked categorical;
   *     also when no column is left to model, and naming the field and property for a malformed
   *     declaration.
   */
  public static TableSpec fromSchema(Schema inputSchema, EncodingOptions options) {
    if (inputSchema.getType() != Schema.Type.RECORD) {
      throw new IllegalArgumentException("the table schema must be an Avro record, got "
          + inputSchema.getType().getName() + ": " + inputSchema);
    }
    Set<String> fieldNames = inputSchema.getFields().stream().map(Schema.Field::name)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    requireKnown(options.categoricalColumns(), fieldNames, "categorical columns (--categorical)");
    requireKnown(options.excludedColumns(), fieldNames, "excluded columns (--exclude)");

    List<Schema.Field> kept = new ArrayList<>();
    List<ColumnSpec> columns = new ArrayList<>();
    for (Schema.Field field : inputSchema.getFields()) {
      if (options.excludedColumns().contains(field.name())) {
        continue;
      }
      Schema valueSchema = nonNullBranch(field);
      boolean nullable = valueSchema != field.schema();
      ValueType type = valueType(field, valueSchema);
      ColumnKind kind = kindOf(field.name(), type, options);
      columns.add(new ColumnSpec(field.name(), kept.size(), type, kind, nullable));
      kept.add(field);
    }
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("no column is left to model: the schema's columns "
          + String.join(", ", fieldNames) + " are all excluded");
    }
    return new TableSpec(inputSchema, withFields(inputSchema, kept), columns);
  }

  /** Rebuilds a spec from schemas and columns that were valid when written. */
  static TableSpec restore(Schema inputSchema, Schema outputSchema, List<ColumnSpec> columns) {
    return new TableSpec(inputSchema, outputSchema, columns);
  }

  /** The schema of the records the input holds. */
  public Schema inputSchema() {
    return inputSchema;
  }

  /** The schema of the synthetic records: the input schema without the excluded columns. */
  public Schema outputSchema() {
    return outputSchema;
  }

  /** Modelled columns, in output-schema order. */
  public List<ColumnSpec> columns() {
    return columns;
  }

  /** The column called {@code name}, or an IllegalArgumentException listing the known columns. */
  public ColumnSpec column(String name) {
    ColumnSpec c = byName.get(name);
    if (c == null) {
      throw new IllegalArgumentException("unknown column '" + name + "'; the modelled columns are: "
          + String.join(", ", byName.keySet()));
    }
    return c;
  }

  /**
   * What the schema declares about the column called {@code name} ({@link ColumnDeclaration#NONE}
   * when nothing), or an IllegalArgumentException listing the known columns.
   */
  public ColumnDeclaration declaration(String name) {
    return declarations.get(column(name).name());
  }

  /** The Avro schema of a column's values (the non-null branch of a nullable union). */
  Schema valueSchema(ColumnSpec column) {
    return nonNullBranch(outputSchema.getFields().get(column.fieldIndex()));
  }

  @Override
  public String toString() {
    return "TableSpec" + columns;
  }

  private static void requireKnown(Set<String> names, Set<String> fieldNames, String option) {
    Set<String> unknown = new TreeSet<>(names);
    unknown.removeAll(fieldNames);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown column(s) "
          + unknown.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "))
          + " in the " + option + "; the schema's columns are: " + String.join(", ", fieldNames));
    }
  }

  /** The field's schema, or its only non-null branch when it is a union with null. */
  private static Schema nonNullBranch(Schema.Field field) {
    Schema schema = field.schema();
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    List<Schema> types = schema.getTypes();
    List<Schema> nonNull = types.stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
    if (types.size() != 2 || nonNull.size() != 1) {
      throw unsupported(field, "a union " + schema);
    }
    return nonNull.get(0);
  }

  private static ValueType valueType(Schema.Field field, Schema schema) {
    LogicalType logical = schema.getLogicalType();
    return switch (schema.getType()) {
      case BOOLEAN -> ValueType.BOOLEAN;
      case INT -> logical instanceof LogicalTypes.Date ? ValueType.DATE : ValueType.INT;
      case LONG -> {
        if (logical instanceof LogicalTypes.TimestampMillis) {
          yield ValueType.TIMESTAMP_MILLIS;
        }
        yield logical instanceof LogicalTypes.TimestampMicros
            ? ValueType.TIMESTAMP_MICROS : ValueType.LONG;
      }
      case FLOAT -> ValueType.FLOAT;
      case DOUBLE -> ValueType.DOUBLE;
      case STRING -> ValueType.STRING;
      case ENUM -> ValueType.ENUM;
      default -> throw unsupported(field, schema.getType().getName()
          + (logical == null ? "" : " (" + logical.getName() + ")"));
    };
  }

  private static IllegalArgumentException unsupported(Schema.Field field, String what) {
    return new IllegalArgumentException("field '" + field.name() + "' has type " + what
        + ", which cannot be modelled (supported: boolean, int, long, float, double, string, enum,"
        + " date, timestamp-millis, timestamp-micros, each optionally nullable); leave it out with"
        + " the excluded-columns option (--exclude " + field.name() + ")");
  }

  private static ColumnKind kindOf(String name, ValueType type, EncodingOptions options) {
    boolean markedCategorical = options.categoricalColumns().contains(name);
    return switch (type) {
      case STRING, ENUM, BOOLEAN -> ColumnKind.CATEGORICAL;
      case INT, LONG -> markedCategorical ? ColumnKind.CATEGORICAL : ColumnKind.CONTINUOUS;
      case FLOAT, DOUBLE, DATE, TIMESTAMP_MILLIS, TIMESTAMP_MICROS -> {
        if (markedCategorical) {
          throw new IllegalArgumentException("column '" + name + "' is a "
              + type.name().toLowerCase() + " column and cannot be categorical; only int and long"
              + " columns can be named in the categorical columns (--categorical)");
        }
        yield ColumnKind.CONTINUOUS;
      }
    };
  }

  /** A copy of {@code record} with only {@code fields} (their props and defaults kept). */
  private static Schema withFields(Schema record, List<Schema.Field> fields) {
    List<Schema.Field> copies = new ArrayList<>();
    for (Schema.Field f : fields) {
      copies.add(new Schema.Field(f, f.schema()));
    }
    Schema copy = Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(),
        record.isError(), copies);
    record.getObjectProps().forEach(copy::addProp);
    record.getAliases().forEach(copy::addAlias);
    return copy;
  }

  @Serial
  private Object writeReplace() throws ObjectStreamException {
    return new SerializedForm(inputSchema.toString(), outputSchema.toString(), columns);
  }

  @Serial
  private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
    throw new java.io.InvalidObjectException("TableSpec is serialized through its SerializedForm");
  }

  /** The Java-serialized form: schemas as JSON text. */
  private record SerializedForm(String inputSchema, String outputSchema, List<ColumnSpec> columns)
      implements Serializable {
    @Serial
    private Object readResolve() throws ObjectStreamException {
      // Separate parsers: both schemas define the same record name.
      return new TableSpec(new Schema.Parser().parse(inputSchema),
          new Schema.Parser().parse(outputSchema), columns);
    }
  }
}
