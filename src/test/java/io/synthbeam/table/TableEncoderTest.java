package io.synthbeam.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TableEncoderTest {
  private static final EncodingOptions OPTIONS = EncodingOptions.defaults()
      .withCategoricalColumns(Set.of("grade", "level"));
  private static List<GenericRecord> records;
  private static TableEncoder encoder;

  @BeforeAll
  static void fit() {
    TestTable table = TestTable.mixed(3000, 42, false);
    records = table.records();
    encoder = table.fit(OPTIONS);
  }

  private static String json(TableEncoder e) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    e.writeJson(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }

  @Test
  void roundTripKeepsEveryValueType() {
    EncodedTable encoded = encoder.encodeAll(records, 5);
    assertEquals(records.size(), encoded.rows());
    assertEquals(encoder.width(), encoded.width());
    for (int r = 0; r < records.size(); r++) {
      GenericRecord in = records.get(r);
      GenericRecord out = encoder.decode(encoded.data(), r * encoded.width());
      assertTrue(GenericData.get().validate(encoder.spec().outputSchema(), out));
      // Integers, dates, categories, booleans, enums and nulls come back exactly.
      for (String exact : List.of("age", "visits", "born", "sex", "city", "member", "grade",
          "level")) {
        assertEquals(in.get(exact), out.get(exact), exact + " in row " + r);
      }
      assertEquals(in.get("colour").toString(), out.get("colour").toString());
      assertInstanceOf(GenericData.EnumSymbol.class, out.get("colour"));
      assertInstanceOf(Integer.class, out.get("age"));
      assertInstanceOf(Long.class, out.get("visits"));
      assertInstanceOf(Integer.class, out.get("grade"));
      assertInstanceOf(Long.class, out.get("level"));
      // Doubles, floats and timestamps within the float resolution of their mode.
      if (in.get("income") == null) {
        assertNull(out.get("income"));
      } else {
        assertInstanceOf(Double.class, out.get("income"));
        double x = number(in.get("income"));
        assertEquals(x, number(out.get("income")), 1e-5 * Math.max(x, 1), "income row " + r);
      }
      assertInstanceOf(Float.class, out.get("score"));
      assertEquals(number(in.get("score")), number(out.get("score")), 1e-4, "score row " + r);
      assertEquals(number(in.get("seen")), number(out.get("seen")), 1e-6 * 3e10, "seen row " + r);
      if (in.get("seenMicros") == null) {
        assertNull(out.get("seenMicros"));
      } else {
        assertEquals(number(in.get("seenMicros")), number(out.get("seenMicros")), 1e-6 * 3e13);
      }
    }
  }

  @Test
  void aSpikeGetsAPointMassThatDecodesExactlyAndKeepsItsShare() {
    TestTable table = TestTable.named("gains").column("gain", TestTable.INT);
    SplittableRandom rng = new SplittableRandom(9);
    for (int i = 0; i < 2000; i++) {
      table.row(rng.nextDouble() < 0.9 ? 0 : 1000 + rng.nextInt(20_000));
    }
    TableEncoder e = table.fit(EncodingOptions.defaults());
    ContinuousModes modes = ((ContinuousColumnCodec) e.codecs().get(0)).modes();
    assertEquals(0, modes.points()[0]);
    assertEquals(0.9, modes.pointShares()[0], 0.02);

    List<GenericRecord> gains = table.records();
    EncodedTable encoded = e.encodeAll(gains, 1);
    int zeros = 0;
    int decodedZeros = 0;
    for (int r = 0; r < encoded.rows(); r++) {
      Object in = gains.get(r).get("gain");
      Object out = e.decode(encoded.data(), r * e.width()).get("gain");
      if (in.equals(0)) {
        zeros++;
        // Point mode one-hot, scalar 0.
        assertEquals(0f, encoded.data()[r * e.width()]);
        assertEquals(1f, encoded.data()[r * e.width() + 1]);
      }
      decodedZeros += out.equals(0) ? 1 : 0;
      assertEquals(in, out);
    }
    assertEquals(zeros, decodedZeros);
  }

  @Test
  void rareSpikesBesideADominantOneGetPointMassesButASmoothColumnsEdgeDoesNot() {
    // Like Adult's capital-gain: 90% zeros, spikes of 0.5% at 7688 and 99999 among spread values.
    // And like its age: a smooth integer column whose lowest value stands above its neighbours.
    TestTable table = TestTable.named("gains").column("gain", TestTable.INT)
        .column("age", TestTable.INT);
    SplittableRandom rng = new SplittableRandom(4);
    for (int i = 0; i < 10_000; i++) {
      double u = rng.nextDouble();
      int gain = u < 0.9 ? 0 : u < 0.905 ? 7688 : u < 0.91 ? 99_999 : 1000 + rng.nextInt(20_000);
      int age = 17 + (int) Math.abs(rng.nextGaussian() * 15);
      table.row(gain, age);
    }
    TableEncoder e = table.fit(EncodingOptions.defaults());
    ContinuousModes gain = ((ContinuousColumnCodec) e.codecs().get(0)).modes();
    assertArrayEquals(new double[] {0, 7688, 99_999}, gain.points());
    assertEquals(0.005, gain.pointShares()[1], 0.0015);
    ContinuousModes age = ((ContinuousColumnCodec) e.codecs().get(1)).modes();
    assertEquals(0, age.points().length, "age 17 is a bump, not a spike");
  }

  @Test
  void fewDistinctIntegersBecomePointModes() {
    TestTable table = TestTable.named("edu").column("years", TestTable.INT);
    SplittableRandom rng = new SplittableRandom(2);
    for (int i = 0; i < 1000; i++) {
      table.row(1 + rng.nextInt(8));
    }
    TableEncoder e = table.fit(EncodingOptions.defaults());
    ContinuousModes modes = ((ContinuousColumnCodec) e.codecs().get(0)).modes();
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, modes.points());
    assertEquals(0, modes.means().length);
    assertEquals(1 + 8, e.width());
  }

  @Test
  void anOrdinalIntegerColumnIsAllPointModes() {
    // 16 values of very different frequency, like Adult's education-num.
    TestTable table = TestTable.named("edu").column("num", TestTable.INT);
    int[] counts = {5, 17, 33, 65, 51, 93, 118, 43, 1050, 729, 138, 107, 536, 172, 58, 41};
    for (int v = 0; v < counts.length; v++) {
      for (int c = 0; c < counts[v]; c++) {
        table.row(v + 1);
      }
    }
    TableEncoder e = table.fit(EncodingOptions.defaults());
    ContinuousModes modes = ((ContinuousColumnCodec) e.codecs().get(0)).modes();
    assertEquals(16, modes.points().length);
    assertEquals(0, modes.means().length);
    assertEquals(1050.0 / 3256, modes.pointShares()[8], 1e-12);
    // Not with point masses switched off.
    ContinuousModes none = ((ContinuousColumnCodec) table.fit(
        EncodingOptions.defaults().withMaxPointMasses(0)).codecs().get(0)).modes();
    assertEquals(0, none.points().length);
  }

  @Test
  void aSmoothIntegerColumnGetsNoSpuriousPointMassesButItsClippedEdgeDoes() {
    // Ages around 45: dozens of values each hold more than 1% of the rows, but only the
    // clipped edge at 25 stands out from its neighbours.
    TestTable table = TestTable.named("people").column("age", TestTable.INT);
    SplittableRandom rng = new SplittableRandom(8);
    for (int i = 0; i < 5000; i++) {
      table.row((int) Math.max(25, Math.round(45 + 10 * TestTable.gaussian(rng))));
    }
    TableEncoder e = table.fit(EncodingOptions.defaults());
    ContinuousModes modes = ((ContinuousColumnCodec) e.codecs().get(0)).modes();
    assertArrayEquals(new double[] {25}, modes.points(), () -> java.util.Arrays.toString(
        modes.points()));
    assertTrue(modes.pointPosteriors()[0] > 0.5 && modes.pointPosteriors()[0] < 1);
    // Round trip stays exact, even where a 25 took a Gaussian mode, for every value some mode
    // covers (an extreme tail value beyond all modes' 3.96 sigma is clipped, as in CTGAN).
    List<GenericRecord> ages = table.records();
    EncodedTable encoded = e.encodeAll(ages, 3);
    int covered = 0;
    for (int r = 0; r < ages.size(); r++) {
      int age = (Integer) ages.get(r).get("age");
      boolean inRange = age == 25;
      for (int k = 0; k < modes.means().length; k++) {
        inRange |= Math.abs(age - modes.means()[k]) <= 3.96 * modes.stds()[k];
      }
      if (inRange) {
        covered++;
        assertEquals(age, e.decode(encoded.data(), r * e.width()).get("age"));
      }
    }
    assertTrue(covered > 4990, "covered " + covered);
  }

  @Test
  void aTimestampSpikeDecodesExactly() {
    long spike = 1_700_000_000_123_456L;
    TestTable table = TestTable.named("events").column("at", TestTable.TIMESTAMP_MICROS)
        .column("day", TestTable.DATE);
    SplittableRandom rng = new SplittableRandom(6);
    for (int i = 0; i < 1000; i++) {
      boolean atSpike = rng.nextDouble() < 0.6;
      table.row(atSpike ? spike : spike + (long) (8.64e10 * 30 * rng.nextDouble()),
          atSpike ? 19_000 : 19_000 + rng.nextInt(400));
    }
    TableEncoder e = table.fit(EncodingOptions.defaults());
    List<GenericRecord> events = table.records();
    EncodedTable encoded = e.encodeAll(events, 2);
    for (int r = 0; r < events.size(); r++) {
      GenericRecord out = e.decode(encoded.data(), r * e.width());
      long at = (Long) events.get(r).get("at");
      if (at == spike) {
        assertEquals(spike, out.get("at"));
      } else {
        // Float resolution of a mode spanning days: well under a second.
        assertEquals(at, (Long) out.get("at"), 1e6);
      }
      assertEquals(events.get(r).get("day"), out.get("day"));
    }
  }

  @Test
  void layoutCoversTheRowWithScalarThenModesPerContinuousColumn() {
    List<OutputSpan> spans = encoder.outputSpans();
    int offset = 0;
    for (int s = 0; s < spans.size(); s++) {
      OutputSpan span = spans.get(s);
      assertEquals(offset, span.offset());
      ColumnSpec column = encoder.spec().columns().get(span.column());
      if (column.kind() == ColumnKind.CONTINUOUS) {
        if (span.activation() == OutputSpan.Activation.TANH) {
          assertEquals(1, span.length());
          OutputSpan modes = spans.get(s + 1);
          assertEquals(OutputSpan.Activation.SOFTMAX, modes.activation());
          assertEquals(span.column(), modes.column());
        }
      } else {
        assertEquals(OutputSpan.Activation.SOFTMAX, span.activation());
      }
      offset += span.length();
    }
    assertEquals(encoder.width(), offset);
    assertEquals(3000, encoder.rowCount());
  }

  @Test
  void discreteColumnsHaveOffsetsAndTrainingCounts() {
    List<DiscreteColumn> discrete = encoder.discreteColumns();
    assertEquals(List.of("sex", "city", "colour", "member", "grade", "level"),
        discrete.stream().map(DiscreteColumn::name).toList());
    int condition = 0;
    for (DiscreteColumn d : discrete) {
      assertEquals(condition, d.conditionOffset());
      OutputSpan span = encoder.outputSpans().stream()
          .filter(s -> s.column() == d.column()).findFirst().orElseThrow();
      assertEquals(span.offset(), d.spanOffset());
      assertEquals(span.length(), d.categories());
      assertEquals(3000, java.util.Arrays.stream(d.counts()).sum());
      // Descending counts, except the null category, which is last.
      condition += d.categories();
    }
    assertEquals(condition, encoder.conditionWidth());

    DiscreteColumn city = discrete.get(1);
    assertEquals(6, city.categories());
    long nulls = records.stream().filter(r -> r.get("city") == null).count();
    assertEquals(nulls, city.counts()[5]);
    assertEquals(5, encoder.categoryIndex("city", ""));
    assertEquals(5, encoder.categoryIndex("city", "null"));

    DiscreteColumn sex = discrete.get(0);
    long males = records.stream().filter(r -> r.get("sex").equals("M")).count();
    assertEquals(0, encoder.categoryIndex("sex", "M"));
    assertEquals(males, sex.counts()[0]);
    assertEquals(3000 - males, sex.counts()[1]);
  }

  @Test
  void categoryIndexParsesByTypeAndExplainsErrors() {
    int grade3 = encoder.categoryIndex("grade", "3");
    float[] row = new float[encoder.width()];
    DiscreteColumn grade = encoder.discreteColumns().get(4);
    row[grade.spanOffset() + grade3] = 1;
    assertEquals(3, encoder.decode(row, 0).get("grade"));
    assertEquals(encoder.categoryIndex("member", "true"), encoder.categoryIndex("member", "TRUE"));
    assertEquals(encoder.categoryIndex("level", "200"), encoder.categoryIndex("level", " 200"));
    assertTrue(encoder.categoryIndex("colour", "BLUE") >= 0);

    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> encoder.categoryIndex("town", "Oslo"));
    assertTrue(unknown.getMessage().contains("'town'"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("city"), unknown.getMessage());
    IllegalArgumentException continuous = assertThrows(IllegalArgumentException.class,
        () -> encoder.categoryIndex("age", "40"));
    assertTrue(continuous.getMessage().contains("'age' is continuous"), continuous.getMessage());
    IllegalArgumentException unseen = assertThrows(IllegalArgumentException.class,
        () -> encoder.categoryIndex("city", "Rome"));
    assertTrue(unseen.getMessage().contains("'Rome'") && unseen.getMessage().contains("Oslo"),
        unseen.getMessage());
    IllegalArgumentException notInt = assertThrows(IllegalArgumentException.class,
        () -> encoder.categoryIndex("grade", "three"));
    assertTrue(notInt.getMessage().contains("'three'") && notInt.getMessage().contains("grade"),
        notInt.getMessage());
    IllegalArgumentException noNull = assertThrows(IllegalArgumentException.class,
        () -> encoder.categoryIndex("sex", ""));
    assertTrue(noNull.getMessage().contains("'sex'"), noNull.getMessage());
  }

  @Test
  void softVectorsDecodeByArgmax() {
    float[] hard = new float[encoder.width()];
    encoder.encode(records.get(0), hard, 0, new SplittableRandom(1));
    // Blur every one-hot: the chosen entry keeps the most mass.
    float[] soft = hard.clone();
    for (OutputSpan span : encoder.outputSpans()) {
      if (span.activation() == OutputSpan.Activation.SOFTMAX) {
        for (int i = span.offset(); i < span.offset() + span.length(); i++) {
          soft[i] = hard[i] == 1 ? 0.4f : 0.6f / span.length();
        }
      }
    }
    assertEquals(encoder.decode(hard, 0), encoder.decode(soft, 0));
  }

  @Test
  void decodedValuesStayInTheTrainingRangeAndCategories() {
    SplittableRandom rng = new SplittableRandom(3);
    float[] row = new float[encoder.width()];
    Set<Object> cities = new HashSet<>();
    records.forEach(r -> cities.add(r.get("city")));
    List<String> columns = List.of("age", "score", "visits", "born", "seen");
    double[] min = new double[columns.size()];
    double[] max = new double[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      String column = columns.get(c);
      min[c] = records.stream().mapToDouble(r -> number(r.get(column))).min().orElseThrow();
      max[c] = records.stream().mapToDouble(r -> number(r.get(column))).max().orElseThrow();
    }
    int atBounds = 0;
    for (int n = 0; n < 2000; n++) {
      for (int i = 0; i < row.length; i++) {
        row[i] = (float) (6 * rng.nextDouble() - 3);
      }
      GenericRecord out = encoder.decode(row, 0);
      for (int c = 0; c < columns.size(); c++) {
        String column = columns.get(c);
        double v = number(out.get(column));
        atBounds += v == min[c] || v == max[c] ? 1 : 0;
        assertTrue(v >= min[c] && v <= max[c],
            column + " " + v + " outside [" + min[c] + ", " + max[c] + "]");
      }
      assertTrue(cities.contains(out.get("city")), String.valueOf(out.get("city")));
      assertTrue(GenericData.get().validate(encoder.spec().outputSchema(), out));
    }
    // Scalars beyond the modes' range were clipped, not just absent.
    assertTrue(atBounds > 0);
  }

  @Test
  void encodingIsDeterministicGivenTheSeed() {
    assertArrayEquals(encoder.encodeAll(records, 8).data(), encoder.encodeAll(records, 8).data());
  }

  @Test
  void jsonRoundTripEncodesAndDecodesIdentically() throws IOException {
    String text = json(encoder);
    JsonNode root = new ObjectMapper().readTree(text);
    assertEquals(1, root.get("format").asInt());
    assertEquals(encoder.width(), root.get("width").asInt());
    assertEquals("age", root.get("columns").get(0).get("name").asText());

    TableEncoder copy = TableEncoder.readJson(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    assertEquals(text, json(copy));
    assertEquals(encoder.outputSpans(), copy.outputSpans());
    assertEquals(encoder.conditionWidth(), copy.conditionWidth());
    EncodedTable a = encoder.encodeAll(records, 4);
    EncodedTable b = copy.encodeAll(records, 4);
    assertArrayEquals(a.data(), b.data());
    for (int r = 0; r < 200; r++) {
      assertEquals(encoder.decode(a.data(), r * a.width()), copy.decode(a.data(), r * a.width()));
    }
  }

  @Test
  void readJsonRejectsOtherFormatsAndBrokenJson() {
    IOException format = assertThrows(IOException.class, () -> TableEncoder.readJson(
        new ByteArrayInputStream("{\"format\": 2}".getBytes(StandardCharsets.UTF_8))));
    assertTrue(format.getMessage().contains("format 2"), format.getMessage());
    assertThrows(IOException.class, () -> TableEncoder.readJson(
        new ByteArrayInputStream("{\"format\": 1".getBytes(StandardCharsets.UTF_8))));
    IOException missing = assertThrows(IOException.class, () -> TableEncoder.readJson(
        new ByteArrayInputStream("{\"format\": 1}".getBytes(StandardCharsets.UTF_8))));
    assertTrue(missing.getMessage().contains("options"), missing.getMessage());
  }

  @Test
  void readJsonRejectsTamperedState() throws IOException {
    String text = json(encoder);
    String duplicated = text.replaceFirst("\"value\" : \"F\"", "\"value\" : \"M\"");
    IOException e = assertThrows(IOException.class, () -> TableEncoder.readJson(
        new ByteArrayInputStream(duplicated.getBytes(StandardCharsets.UTF_8))));
    assertTrue(e.getMessage().contains("'sex'") && e.getMessage().contains("twice"),
        e.getMessage());
  }

  @Test
  void decodingFromSeveralThreadsMatchesDecodingInOne() throws Exception {
    EncodedTable encoded = encoder.encodeAll(records, 9);
    List<GenericRecord> serial = new java.util.ArrayList<>();
    for (int r = 0; r < encoded.rows(); r++) {
      serial.add(encoder.decode(encoded.data(), r * encoded.width()));
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 3; t++) {
        results.add(pool.submit(() -> {
          for (int r = 0; r < encoded.rows(); r++) {
            if (!serial.get(r).equals(encoder.decode(encoded.data(), r * encoded.width()))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (java.util.concurrent.Future<Boolean> result : results) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void javaSerializationRoundTrip() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(encoder);
    }
    TableEncoder copy;
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (TableEncoder) in.readObject();
    }
    assertEquals(json(encoder), json(copy));
    float[] row = new float[encoder.width()];
    encoder.encode(records.get(7), row, 0, new SplittableRandom(2));
    assertEquals(encoder.decode(row, 0), copy.decode(row, 0));
  }

  @Test
  void encodingRejectsValuesItCannotRepresent() {
    GenericRecord r = new GenericData.Record(records.get(0).getSchema());
    for (int i = 0; i < r.getSchema().getFields().size(); i++) {
      r.put(i, records.get(0).get(i));
    }
    r.put("city", "Rome");
    float[] row = new float[encoder.width()];
    IllegalArgumentException unseen = assertThrows(IllegalArgumentException.class,
        () -> encoder.encode(r, row, 0, new SplittableRandom(1)));
    assertTrue(unseen.getMessage().contains("'city'") && unseen.getMessage().contains("Rome"),
        unseen.getMessage());
  }

  @Test
  void encodesAtAnOffsetWithoutTouchingTheRest() {
    float[] out = new float[encoder.width() + 10];
    java.util.Arrays.fill(out, 7f);
    encoder.encode(records.get(3), out, 5, new SplittableRandom(1));
    for (int i = 0; i < 5; i++) {
      assertEquals(7f, out[i]);
      assertEquals(7f, out[out.length - 1 - i]);
    }
    assertEquals(encoder.decode(out, 5).get("sex"), records.get(3).get("sex"));
  }
}
