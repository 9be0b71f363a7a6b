package io.synthbeam.table;

import static io.synthbeam.table.TestTable.BOOLEAN;
import static io.synthbeam.table.TestTable.DATE;
import static io.synthbeam.table.TestTable.DOUBLE;
import static io.synthbeam.table.TestTable.FLOAT;
import static io.synthbeam.table.TestTable.INT;
import static io.synthbeam.table.TestTable.LONG;
import static io.synthbeam.table.TestTable.STRING;
import static io.synthbeam.table.TestTable.TIMESTAMP_MICROS;
import static io.synthbeam.table.TestTable.TIMESTAMP_MILLIS;
import static io.synthbeam.table.TestTable.nullable;
import static io.synthbeam.table.TestTable.nullableLast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Set;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class TableSpecTest {
  private static final EncodingOptions DEFAULTS = EncodingOptions.defaults();

  private static Schema everyType() {
    return TestTable.named("all")
        .column("b", BOOLEAN)
        .column("i", INT)
        .column("l", LONG)
        .column("f", FLOAT)
        .column("d", DOUBLE)
        .column("s", STRING)
        .column("e", TestTable.enumOf("Colour", "RED", "GREEN"))
        .column("day", DATE)
        .column("ms", TIMESTAMP_MILLIS)
        .column("us", TIMESTAMP_MICROS)
        .column("ni", nullable(INT))
        .column("ns", nullableLast(STRING))
        .schema();
  }

  @Test
  void everySupportedTypeGetsItsValueTypeAndKind() {
    TableSpec spec = TableSpec.fromSchema(everyType(), DEFAULTS);
    List<ColumnSpec> expected = List.of(
        new ColumnSpec("b", 0, ValueType.BOOLEAN, ColumnKind.CATEGORICAL, false),
        new ColumnSpec("i", 1, ValueType.INT, ColumnKind.CONTINUOUS, false),
        new ColumnSpec("l", 2, ValueType.LONG, ColumnKind.CONTINUOUS, false),
        new ColumnSpec("f", 3, ValueType.FLOAT, ColumnKind.CONTINUOUS, false),
        new ColumnSpec("d", 4, ValueType.DOUBLE, ColumnKind.CONTINUOUS, false),
        new ColumnSpec("s", 5, ValueType.STRING, ColumnKind.CATEGORICAL, false),
        new ColumnSpec("e", 6, ValueType.ENUM, ColumnKind.CATEGORICAL, false),
        new ColumnSpec("day", 7, ValueType.DATE, ColumnKind.CONTINUOUS, false),
        new ColumnSpec("ms", 8, ValueType.TIMESTAMP_MILLIS, ColumnKind.CONTINUOUS, false),
        new ColumnSpec("us", 9, ValueType.TIMESTAMP_MICROS, ColumnKind.CONTINUOUS, false),
        new ColumnSpec("ni", 10, ValueType.INT, ColumnKind.CONTINUOUS, true),
        new ColumnSpec("ns", 11, ValueType.STRING, ColumnKind.CATEGORICAL, true));
    assertEquals(expected, spec.columns());
    assertEquals(spec.inputSchema(), spec.outputSchema());
    assertEquals(expected.get(11), spec.column("ns"));
  }

  @Test
  void namedIntegerColumnsBecomeCategorical() {
    TableSpec spec = TableSpec.fromSchema(everyType(),
        DEFAULTS.withCategoricalColumns(Set.of("i", "l", "s")));
    assertEquals(ColumnKind.CATEGORICAL, spec.column("i").kind());
    assertEquals(ColumnKind.CATEGORICAL, spec.column("l").kind());
    assertEquals(ColumnKind.CATEGORICAL, spec.column("s").kind());
    assertEquals(ColumnKind.CONTINUOUS, spec.column("d").kind());
  }

  @Test
  void otherLogicalTypesAreModelledAsTheirUnderlyingType() {
    Schema time = LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT));
    Schema uuid = LogicalTypes.uuid().addToSchema(Schema.create(Schema.Type.STRING));
    TableSpec spec = TableSpec.fromSchema(
        TestTable.named("t").column("time", time).column("id", uuid).schema(), DEFAULTS);
    assertEquals(ValueType.INT, spec.column("time").type());
    assertEquals(ValueType.STRING, spec.column("id").type());
  }

  @Test
  void excludedColumnsLeaveTheOutputSchemaWhichKeepsEverythingElse() {
    Schema.Field age = new Schema.Field("age", INT, "age in years", 30);
    age.addProp("unit", "years");
    Schema.Field tags = new Schema.Field("tags", Schema.createArray(STRING));
    Schema.Field city = new Schema.Field("city", nullable(STRING), null,
        Schema.Field.NULL_DEFAULT_VALUE);
    Schema input = Schema.createRecord("Person", "people", "org.example", false,
        List.of(age, tags, city));
    input.addProp("source", "census");

    TableSpec spec = TableSpec.fromSchema(input, DEFAULTS.withExcludedColumns(Set.of("tags")));
    Schema out = spec.outputSchema();
    assertEquals("org.example.Person", out.getFullName());
    assertEquals("people", out.getDoc());
    assertEquals("census", out.getProp("source"));
    assertEquals(List.of("age", "city"), out.getFields().stream().map(Schema.Field::name).toList());
    assertEquals("years", out.getField("age").getProp("unit"));
    assertEquals("age in years", out.getField("age").doc());
    assertEquals(30, out.getField("age").defaultVal());
    assertTrue(out.getField("city").hasDefaultValue());
    assertEquals(1, spec.column("city").fieldIndex());
    assertEquals(input, spec.inputSchema());
  }

  @Test
  void unsupportedTypesNameTheFieldAndTheExcludeOption() {
    Schema inner = Schema.createRecord("Inner", null, "test", false,
        List.of(new Schema.Field("x", INT)));
    List<Schema> unsupported = List.of(inner, Schema.createArray(INT), Schema.createMap(INT),
        Schema.create(Schema.Type.BYTES), Schema.createFixed("F", null, "test", 4),
        Schema.createUnion(INT, STRING), Schema.createUnion(Schema.create(Schema.Type.NULL), INT,
            STRING), Schema.create(Schema.Type.NULL));
    for (Schema type : unsupported) {
      Schema schema = TestTable.named("t").column("ok", INT).column("bad", type).schema();
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> TableSpec.fromSchema(schema, DEFAULTS), type.toString());
      assertTrue(e.getMessage().contains("field 'bad'"), e.getMessage());
      assertTrue(e.getMessage().contains("--exclude bad"), e.getMessage());
      // Excluding it makes the schema usable.
      TableSpec spec = TableSpec.fromSchema(schema, DEFAULTS.withExcludedColumns(Set.of("bad")));
      assertEquals(1, spec.columns().size());
    }
  }

  @Test
  void unknownColumnsInOptionsAreNamedWithTheSchemasColumns() {
    Schema schema = TestTable.named("t").column("age", INT).column("sex", STRING).schema();
    IllegalArgumentException categorical = assertThrows(IllegalArgumentException.class,
        () -> TableSpec.fromSchema(schema, DEFAULTS.withCategoricalColumns(Set.of("agee"))));
    assertTrue(categorical.getMessage().contains("'agee'"), categorical.getMessage());
    assertTrue(categorical.getMessage().contains("categorical"), categorical.getMessage());
    assertTrue(categorical.getMessage().contains("age, sex"), categorical.getMessage());

    IllegalArgumentException excluded = assertThrows(IllegalArgumentException.class,
        () -> TableSpec.fromSchema(schema, DEFAULTS.withExcludedColumns(Set.of("id", "sex"))));
    assertTrue(excluded.getMessage().contains("'id'"), excluded.getMessage());
    assertFalse(excluded.getMessage().contains("'sex'"), excluded.getMessage());
    assertTrue(excluded.getMessage().contains("excluded"), excluded.getMessage());
  }

  @Test
  void nonIntegerColumnsCannotBeCategorical() {
    Schema schema = TestTable.named("t").column("d", DOUBLE).column("day", DATE).schema();
    for (String column : List.of("d", "day")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> TableSpec.fromSchema(schema, DEFAULTS.withCategoricalColumns(Set.of(column))));
      assertTrue(e.getMessage().contains("column '" + column + "'"), e.getMessage());
    }
  }

  @Test
  void aSchemaWithNothingLeftToModelIsRejected() {
    Schema schema = TestTable.named("t").column("a", INT).schema();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TableSpec.fromSchema(schema, DEFAULTS.withExcludedColumns(Set.of("a"))));
    assertTrue(e.getMessage().contains("no column"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TableSpec.fromSchema(INT, DEFAULTS));
  }

  @Test
  void unknownColumnLookupListsTheColumns() {
    TableSpec spec = TableSpec.fromSchema(everyType(), DEFAULTS);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> spec.column("nope"));
    assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("b, i, l"),
        e.getMessage());
  }

  @Test
  void javaSerializationKeepsSchemasAndColumns() throws Exception {
    TableSpec spec = TableSpec.fromSchema(everyType(), DEFAULTS.withExcludedColumns(Set.of("f")));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(spec);
    }
    TableSpec copy;
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (TableSpec) in.readObject();
    }
    assertEquals(spec.columns(), copy.columns());
    assertEquals(spec.inputSchema(), copy.inputSchema());
    assertEquals(spec.outputSchema(), copy.outputSchema());
  }
}
