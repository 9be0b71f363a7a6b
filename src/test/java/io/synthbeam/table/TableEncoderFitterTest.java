package io.synthbeam.table;

import static io.synthbeam.table.TestTable.DOUBLE;
import static io.synthbeam.table.TestTable.INT;
import static io.synthbeam.table.TestTable.STRING;
import static io.synthbeam.table.TestTable.nullable;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class TableEncoderFitterTest {
  /** A reservoir smaller than the tables, so that sampling is exercised. */
  private static final EncodingOptions OPTIONS = EncodingOptions.defaults()
      .withCategoricalColumns(Set.of("grade", "level")).withReservoirSize(400);

  private static String json(TableEncoder e) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      e.writeJson(out);
    } catch (IOException x) {
      throw new AssertionError(x);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static TableEncoderFitter fitter(Schema schema, EncodingOptions options) {
    return new TableEncoderFitter(TableSpec.fromSchema(schema, options), options);
  }

  @SuppressWarnings("unchecked")
  private static <T> T javaRoundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void mergingShardsInAnyGroupingGivesTheSinglePassEncoder() throws Exception {
    TestTable table = TestTable.mixed(2000, 17, false);
    List<GenericRecord> records = table.records();
    TableEncoderFitter fitter = fitter(table.schema(), OPTIONS);
    String single = json(fitter.fit(records));

    // The same rows in another order, in four shards of uneven size.
    List<GenericRecord> shuffled = new ArrayList<>(records);
    Collections.shuffle(shuffled, new Random(5));
    assertEquals(single, json(fitter.fit(shuffled)));
    List<TableEncoderFitter.Accumulator> shards = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      shards.add(fitter.createAccumulator());
    }
    SplittableRandom rng = new SplittableRandom(3);
    for (GenericRecord r : shuffled) {
      double u = rng.nextDouble();
      fitter.add(shards.get(u < 0.1 ? 0 : u < 0.4 ? 1 : u < 0.5 ? 2 : 3), r);
    }
    // The reservoir, not exact counting, feeds the wide columns (income, score, born, ...).
    assertTrue(shards.get(3).continuous(1).exact.overflowed());
    assertTrue(!shards.get(3).continuous(0).exact.overflowed());
    var a = shards.get(0);
    var b = shards.get(1);
    var c = shards.get(2);
    var d = shards.get(3);
    assertEquals(single, json(fitter.extract(fitter.merge(List.of(a, b, c, d)))));
    assertEquals(single, json(fitter.extract(fitter.merge(List.of(
        fitter.merge(List.of(d, c)), fitter.merge(List.of(b, a)))))));
    assertEquals(single, json(fitter.extract(fitter.merge(List.of(
        a, fitter.merge(List.of(b, fitter.merge(List.of(c, d)))))))));
    // Accumulators survive Java serialization (Beam's SerializableCoder) on the way.
    assertEquals(single, json(fitter.extract(fitter.merge(List.of(
        javaRoundTrip(c), javaRoundTrip(fitter.merge(List.of(a, d))), javaRoundTrip(b))))));
    assertEquals(single, json(javaRoundTrip(fitter).extract(javaRoundTrip(
        fitter.merge(List.of(d, b, c, a))))));
  }

  @Test
  void theSampleDependsOnTheSeed() {
    TestTable table = TestTable.mixed(1000, 17, false);
    String one = json(fitter(table.schema(), OPTIONS).fit(table.records()));
    String two = json(fitter(table.schema(), OPTIONS.withSeed(2)).fit(table.records()));
    assertNotEquals(one, two);
  }

  @Test
  void utf8AndStringRecordsGiveTheSameEncoder() {
    TestTable strings = TestTable.mixed(600, 23, false);
    TestTable utf8 = TestTable.mixed(600, 23, true);
    assertEquals(json(fitter(strings.schema(), OPTIONS).fit(strings.records())),
        json(fitter(utf8.schema(), OPTIONS).fit(utf8.records())));
  }

  @Test
  void badValuesAreRejectedNamingTheColumnAndLeaveTheAccumulatorAlone() {
    TestTable table = TestTable.mixed(10, 1, false);
    Schema schema = table.schema();
    TableEncoderFitter fitter = fitter(schema, OPTIONS);
    TableEncoderFitter.Accumulator acc = fitter.createAccumulator();
    GenericRecord good = table.records().get(0);
    fitter.add(acc, good);

    record Case(String column, Object value, String expected) {}
    List<Case> cases = List.of(
        new Case("income", Double.NaN, "NaN"),
        new Case("income", Double.POSITIVE_INFINITY, "Infinity"),
        new Case("score", Float.NEGATIVE_INFINITY, "-Infinity"),
        new Case("age", null, "not nullable"),
        new Case("sex", null, "not nullable"),
        new Case("age", "40", "String"),
        new Case("age", 40L, "Long"),
        new Case("income", "1.5", "String"),
        new Case("sex", 1, "Integer"),
        new Case("member", "true", "String"),
        new Case("colour", "PURPLE", "PURPLE"),
        new Case("grade", 2.0, "Double"));
    for (Case bad : cases) {
      GenericData.Record r = new GenericData.Record((GenericData.Record) good, true);
      r.put(bad.column(), bad.value());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> fitter.add(acc, r), bad.toString());
      assertTrue(e.getMessage().contains("'" + bad.column() + "'"), e.getMessage());
      assertTrue(e.getMessage().contains(bad.expected()), e.getMessage());
    }
    assertEquals(1, acc.rows());
    TableEncoderFitter.Accumulator clean = fitter.createAccumulator();
    fitter.add(clean, good);
    assertEquals(json(fitter.extract(clean)), json(fitter.extract(acc)));
  }

  @Test
  void avroPromotionsAreAccepted() {
    Schema schema = TestTable.named("t").column("l", TestTable.LONG).column("d", DOUBLE).schema();
    TableEncoderFitter fitter = fitter(schema, EncodingOptions.defaults());
    TableEncoder e = fitter.fit(List.of(TestTable.record(schema, 5, 2), // int for long and double
        TestTable.record(schema, 6L, 2.5f)));
    GenericRecord out = e.decode(encodeOne(e, TestTable.record(schema, 5, 2)), 0);
    assertEquals(5L, out.get("l"));
    assertEquals(2.0, out.get("d"));
  }

  @Test
  void aRecordWithoutAModelledFieldIsRejectedNamingIt() {
    Schema schema = TestTable.named("t").column("a", INT).column("b", INT).schema();
    Schema other = TestTable.named("t").column("a", INT).schema();
    TableEncoderFitter fitter = fitter(schema, EncodingOptions.defaults());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> fitter.add(fitter.createAccumulator(), TestTable.record(other, 1)));
    assertTrue(e.getMessage().contains("'b'"), e.getMessage());
  }

  @Test
  void anEmptyTableCannotBeFitted() {
    TableEncoderFitter fitter = fitter(TestTable.mixed(1, 1, false).schema(), OPTIONS);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> fitter.fit(List.of()));
    assertEquals("the table is empty: no rows to fit", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> fitter.extract(fitter.merge(List.of(fitter.createAccumulator()))));
  }

  @Test
  void allNullColumnsHaveOnlyTheNullModeOrCategory() {
    TestTable table = TestTable.named("t").column("x", nullable(DOUBLE))
        .column("s", nullable(STRING)).column("n", INT);
    for (int i = 0; i < 50; i++) {
      table.row(null, null, i % 3);
    }
    TableEncoder e = table.fit(EncodingOptions.defaults());
    // x: scalar + null mode; s: the null category; n: scalar + three point modes.
    assertEquals(2 + 1 + 4, e.width());
    assertEquals(List.of(new OutputSpan(0, 1, OutputSpan.Activation.TANH, 0),
        new OutputSpan(1, 1, OutputSpan.Activation.SOFTMAX, 0),
        new OutputSpan(2, 1, OutputSpan.Activation.SOFTMAX, 1),
        new OutputSpan(3, 1, OutputSpan.Activation.TANH, 2),
        new OutputSpan(4, 3, OutputSpan.Activation.SOFTMAX, 2)), e.outputSpans());
    assertArrayEquals(new long[] {50}, e.discreteColumns().get(0).counts());
    for (GenericRecord r : table.records()) {
      GenericRecord out = e.decode(encodeOne(e, r), 0);
      assertNull(out.get("x"));
      assertNull(out.get("s"));
      assertEquals(r.get("n"), out.get("n"));
    }
    // A value never seen cannot be encoded.
    GenericRecord value = TestTable.record(table.schema(), 1.0, null, 0);
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> encodeOne(e, value));
    assertTrue(error.getMessage().contains("'x'"), error.getMessage());
  }

  @Test
  void aSingleValueColumnIsOnePointMode() {
    TestTable table = TestTable.named("t").column("i", INT).column("d", DOUBLE)
        .column("k", nullable(DOUBLE));
    for (int i = 0; i < 30; i++) {
      table.row(7, 2.5, i % 2 == 0 ? null : -1.25);
    }
    TableEncoder e = table.fit(EncodingOptions.defaults());
    assertEquals(2 + 2 + 3, e.width());
    for (GenericRecord r : table.records()) {
      assertEquals(r, e.decode(encodeOne(e, r), 0));
    }
    float[] anything = new float[e.width()];
    java.util.Arrays.fill(anything, 0.7f);
    GenericRecord out = e.decode(anything, 0);
    assertEquals(7, out.get("i"));
    assertEquals(2.5, out.get("d"));
  }

  @Test
  void aFewValuesBesideASpikeAreRepresented() {
    TestTable table = TestTable.named("t").column("x", DOUBLE);
    for (int i = 0; i < 995; i++) {
      table.row(0.0);
    }
    for (double v : new double[] {3.5, 4.0, 4.25, 10.0, 12.5}) {
      table.row(v);
    }
    TableEncoder e = table.fit(EncodingOptions.defaults());
    for (GenericRecord r : table.records()) {
      double x = (Double) r.get("x");
      double y = (Double) e.decode(encodeOne(e, r), 0).get("x");
      if (x == 0) {
        assertEquals(0.0, y);
      } else {
        assertEquals(x, y, 1e-5);
      }
    }
  }

  @Test
  void aCategoricalColumnWithTooManyValuesIsRejectedWithAdvice() {
    TestTable table = TestTable.named("t").column("patient_id", STRING).column("age", INT);
    for (int i = 0; i < 1001; i++) {
      table.row("P" + i, 40);
    }
    Schema schema = table.schema();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> fitter(schema, EncodingOptions.defaults()).fit(table.records()));
    assertEquals("column 'patient_id' has more than 1000 distinct values (the limit, set with"
        + " --max-categories / EncodingOptions.withMaxCategories); an identifier-like column"
        + " should be excluded (--exclude patient_id)", e.getMessage());
    // Raising the limit or excluding the column works.
    assertEquals(1001, fitter(schema, EncodingOptions.defaults().withMaxCategories(2000))
        .fit(table.records()).conditionWidth());
    EncodingOptions excluded = EncodingOptions.defaults()
        .withExcludedColumns(Set.of("patient_id"));
    TableEncoder withoutId = fitter(schema, excluded).fit(table.records());
    assertEquals(List.of("age"), withoutId.spec().outputSchema().getFields().stream()
        .map(Schema.Field::name).toList());
    assertEquals(40, withoutId.decode(new float[withoutId.width()], 0).get("age"));
  }

  @Test
  void excludedFieldsTellApartRowsThatLookAlike() {
    // Half the rows are x = 0 and alike but for their id; the reservoir is tiny, the rows many.
    Schema schema = TestTable.named("t").column("id", STRING).column("x", DOUBLE).schema();
    List<GenericRecord> rows = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(4);
    for (int i = 0; i < 20_000; i++) {
      rows.add(TestTable.record(schema, "row" + i, i % 2 == 0 ? 0.0 : rng.nextDouble()));
    }
    EncodingOptions options = EncodingOptions.defaults().withReservoirSize(500)
        .withExcludedColumns(Set.of("id"));
    TableEncoder e = fitter(schema, options).fit(rows);
    ContinuousModes modes = ((ContinuousColumnCodec) e.codecs().get(0)).modes();
    assertEquals(0.0, modes.points()[0]);
    assertEquals(0.5, modes.pointShares()[0], 0.07);
  }

  private static float[] encodeOne(TableEncoder e, GenericRecord r) {
    float[] row = new float[e.width()];
    e.encode(r, row, 0, new SplittableRandom(1));
    return row;
  }
}
