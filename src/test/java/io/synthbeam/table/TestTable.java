package io.synthbeam.table;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;

/** Builds small Avro tables for tests: declare columns, then add rows of values in order. */
final class TestTable {
  static final Schema INT = Schema.create(Schema.Type.INT);
  static final Schema LONG = Schema.create(Schema.Type.LONG);
  static final Schema FLOAT = Schema.create(Schema.Type.FLOAT);
  static final Schema DOUBLE = Schema.create(Schema.Type.DOUBLE);
  static final Schema STRING = Schema.create(Schema.Type.STRING);
  static final Schema BOOLEAN = Schema.create(Schema.Type.BOOLEAN);
  static final Schema DATE = LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
  static final Schema TIMESTAMP_MILLIS =
      LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
  static final Schema TIMESTAMP_MICROS =
      LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));

  private final String name;
  private final List<Schema.Field> fields = new ArrayList<>();
  private final List<Object[]> rows = new ArrayList<>();
  private Schema schema;

  private TestTable(String name) {
    this.name = name;
  }

  static TestTable named(String name) {
    return new TestTable(name);
  }

  static Schema enumOf(String name, String... symbols) {
    return Schema.createEnum(name, null, "test", List.of(symbols));
  }

  /** A union with null first, as Avro's optional fields are. */
  static Schema nullable(Schema type) {
    return Schema.createUnion(Schema.create(Schema.Type.NULL), type);
  }

  /** A union with null last. */
  static Schema nullableLast(Schema type) {
    return Schema.createUnion(type, Schema.create(Schema.Type.NULL));
  }

  TestTable column(String column, Schema type) {
    fields.add(new Schema.Field(column, type));
    return this;
  }

  Schema schema() {
    if (schema == null) {
      schema = Schema.createRecord(name, "a test table", "test", false, fields);
    }
    return schema;
  }

  /** Adds a row; values in column order, as Avro's generic records hold them. */
  TestTable row(Object... values) {
    if (values.length != fields.size()) {
      throw new IllegalArgumentException("row has " + values.length + " values for "
          + fields.size() + " columns");
    }
    rows.add(values);
    return this;
  }

  List<GenericRecord> records() {
    List<GenericRecord> records = new ArrayList<>();
    for (Object[] values : rows) {
      records.add(record(schema(), values));
    }
    return records;
  }

  static GenericRecord record(Schema schema, Object... values) {
    GenericData.Record r = new GenericData.Record(schema);
    for (int i = 0; i < values.length; i++) {
      r.put(i, values[i]);
    }
    return r;
  }

  static GenericData.EnumSymbol symbol(Schema enumSchema, String symbol) {
    return new GenericData.EnumSymbol(enumSchema, symbol);
  }

  TableEncoder fit(EncodingOptions options) {
    TableSpec spec = TableSpec.fromSchema(schema(), options);
    return new TableEncoderFitter(spec, options).fit(records());
  }

  static final Schema COLOUR = enumOf("Colour", "RED", "GREEN", "BLUE");

  /**
   * A table with every supported type: age int, income nullable double (40% zeros), score float
   * (two modes), visits long, born date, seen timestamp-millis, seenMicros nullable (null last)
   * timestamp-micros, sex string, city nullable string, colour enum, member boolean, grade int and
   * level long (both meant to be named categorical). Strings are Utf8 when {@code utf8}.
   */
  static TestTable mixed(int rows, long seed, boolean utf8) {
    TestTable t = named("mixed")
        .column("age", INT)
        .column("income", nullable(DOUBLE))
        .column("score", FLOAT)
        .column("visits", LONG)
        .column("born", DATE)
        .column("seen", TIMESTAMP_MILLIS)
        .column("seenMicros", nullableLast(TIMESTAMP_MICROS))
        .column("sex", STRING)
        .column("city", nullable(STRING))
        .column("colour", COLOUR)
        .column("member", BOOLEAN)
        .column("grade", INT)
        .column("level", LONG);
    SplittableRandom rng = new SplittableRandom(seed);
    String[] cities = {"Oslo", "Lima", "Pune", "Kyiv", "Faro"};
    for (int i = 0; i < rows; i++) {
      int age = (int) Math.max(18, Math.min(90, Math.round(40 + 12 * gaussian(rng))));
      double u = rng.nextDouble();
      Double income = u < 0.05 ? null : u < 0.45 ? 0.0 : Math.exp(10 + 0.8 * gaussian(rng));
      float score = (float) (3 * gaussian(rng) + (rng.nextBoolean() ? 10 : 0));
      long visits = (long) Math.floor(Math.exp(1.5 * gaussian(rng)));
      int born = (int) Math.round(7000 + 2000 * gaussian(rng));
      long seen = 1_600_000_000_000L + Math.round(3e10 * gaussian(rng));
      Long seenMicros = rng.nextDouble() < 0.1 ? null
          : 1_600_000_000_000_000L + Math.round(3e13 * gaussian(rng));
      String sex = rng.nextDouble() < 0.6 ? "M" : "F";
      String city = rng.nextDouble() < 0.1 ? null : cities[rng.nextInt(cities.length)];
      String colour = COLOUR.getEnumSymbols().get(rng.nextInt(3));
      t.row(age, income, score, visits, born, seen, seenMicros, text(sex, utf8),
          city == null ? null : text(city, utf8), symbol(COLOUR, colour), rng.nextDouble() < 0.3,
          1 + rng.nextInt(5), (long) (100 * (1 + rng.nextInt(3))));
    }
    return t;
  }

  private static CharSequence text(String s, boolean utf8) {
    return utf8 ? new Utf8(s) : s;
  }

  static double gaussian(SplittableRandom rng) {
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
