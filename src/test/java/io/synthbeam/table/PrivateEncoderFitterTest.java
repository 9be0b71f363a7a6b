package io.synthbeam.table;

import static io.synthbeam.table.TestTable.DOUBLE;
import static io.synthbeam.table.TestTable.INT;
import static io.synthbeam.table.TestTable.STRING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.privacy.accounting.RdpAccountant;
import io.synthbeam.table.dp.PreprocessingPrivacy;
import io.synthbeam.table.dp.PreprocessingSpend;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class PrivateEncoderFitterTest {
  private static final EncodingOptions OPTIONS =
      EncodingOptions.defaults().withCategoricalColumns(Set.of("grade", "level"));

  private static final EncodingOptions PLAIN = EncodingOptions.defaults();

  private static TableEncoderFitter fitter(Schema schema, EncodingOptions options,
      PreprocessingPrivacy budget) {
    return new TableEncoderFitter(TableSpec.fromSchema(schema, options), options)
        .withPrivacy(budget);
  }

  private static String json(TableEncoder e) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      e.writeJson(out);
    } catch (IOException x) {
      throw new AssertionError(x);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static <T> T javaRoundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  private static CategoricalColumnCodec categorical(TableEncoder e, String column) {
    return (CategoricalColumnCodec) e.codecs().get(
        e.spec().columns().indexOf(e.spec().column(column)));
  }

  private static ContinuousModes modes(TableEncoder e, String column) {
    return ((ContinuousColumnCodec) e.codecs().get(
        e.spec().columns().indexOf(e.spec().column(column)))).modes();
  }

  /** Category key to count, "other" as the key {@link CategoricalColumnCodec#OTHER}. */
  private static Map<Object, Long> counts(TableEncoder e, String column) {
    CategoricalColumnCodec codec = categorical(e, column);
    Map<Object, Long> result = new HashMap<>();
    Object[] keys = codec.keys();
    long[] counts = codec.counts();
    for (int i = 0; i < keys.length; i++) {
      result.put(keys[i], counts[i]);
    }
    return result;
  }

  @Test
  void sameSeedGivesTheSameEncoderWhateverTheSharding() throws Exception {
    TestTable table = TestTable.mixed(2000, 17, false);
    List<GenericRecord> records = table.records();
    TableEncoderFitter fitter =
        fitter(table.schema(), OPTIONS, new PreprocessingPrivacy(2, 1e-6, 99));
    String single = json(fitter.fit(records));

    List<GenericRecord> shuffled = new ArrayList<>(records);
    Collections.shuffle(shuffled, new Random(5));
    List<TableEncoderFitter.Accumulator> shards = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      shards.add(fitter.createAccumulator());
    }
    SplittableRandom rng = new SplittableRandom(3);
    for (GenericRecord r : shuffled) {
      double u = rng.nextDouble();
      fitter.add(shards.get(u < 0.2 ? 0 : u < 0.5 ? 1 : 2), r);
    }
    TableEncoderFitter.Accumulator merged = fitter.merge(List.of(
        javaRoundTrip(shards.get(2)), fitter.merge(List.of(shards.get(1), shards.get(0)))));
    assertEquals(single, json(javaRoundTrip(fitter).extract(merged)));

    String otherSeed = json(fitter(table.schema(), OPTIONS,
        new PreprocessingPrivacy(2, 1e-6, 100)).fit(records));
    assertNotEquals(single, otherSeed);
  }

  @Test
  void aValueHeldByOneRowIsReleasedWithProbabilityDelta() {
    TestTable table = TestTable.named("rare").column("s", STRING);
    for (int i = 0; i < 300; i++) {
      table.row("A");
    }
    table.row("RARE");
    List<GenericRecord> records = table.records();
    TableSpec spec = TableSpec.fromSchema(table.schema(), PLAIN);
    // One thresholded histogram: half of delta = 0.02 is its one-row release chance, 0.01.
    int seeds = 1000;
    int released = 0;
    for (int seed = 0; seed < seeds; seed++) {
      TableEncoder e = new TableEncoderFitter(spec, PLAIN)
          .withPrivacy(new PreprocessingPrivacy(1, 0.02, seed)).fit(records);
      Map<Object, Long> counts = counts(e, "s");
      assertTrue(counts.containsKey("A"));
      released += counts.containsKey("RARE") ? 1 : 0;
    }
    // Expected 10 of 1000. P(Poisson(10) > 25) < 1e-4; the lower bound checks the threshold is
    // set from delta, not far above it (P(Poisson(10) < 2) = 5e-4).
    assertTrue(released <= 25, released + " releases of a one-row value in " + seeds);
    assertTrue(released >= 2, released + " releases of a one-row value in " + seeds);
  }

  @Test
  void frequentCategoriesAreReleasedWithCountsNearTheTruth() {
    TestTable table = TestTable.named("freq").column("s", TestTable.nullable(STRING));
    Map<String, Integer> truth = Map.of("A", 10_000, "B", 6000, "C", 3000, "D", 600, "E", 5);
    truth.forEach((value, n) -> {
      for (int i = 0; i < n; i++) {
        table.row(value);
      }
    });
    for (int i = 0; i < 400; i++) {
      table.row((Object) null);
    }
    TableSpec spec = TableSpec.fromSchema(table.schema(), PLAIN);
    TableEncoderFitter fitter = new TableEncoderFitter(spec, PLAIN)
        .withPrivacy(new PreprocessingPrivacy(1, 1e-6, 3));
    TableEncoder e = fitter.fit(table.records());
    PrivacyPlan plan = PrivacyPlan.of(spec, new PreprocessingPrivacy(1, 1e-6, 3));
    double sigma = plan.mainSigma(0);
    assertTrue(sigma > 1 && sigma < 20, "sigma " + sigma);

    Map<Object, Long> counts = counts(e, "s");
    for (String v : List.of("A", "B", "C", "D")) {
      assertEquals(truth.get(v), counts.get(v), 5 * sigma, v);
    }
    assertFalse(counts.containsKey("E"), "a value of 5 rows is far below the threshold");
    assertEquals(400, counts.get(null), 5 * sigma);
    assertTrue(counts.containsKey(CategoricalColumnCodec.OTHER));
    assertEquals(20_005, e.rowCount(), 5 * plan.rowsSigma());
    // By descending count, then null, then other, which decodes to null (the column is nullable).
    assertArrayEquals(new Object[] {"A", "B", "C", "D", null, CategoricalColumnCodec.OTHER},
        categorical(e, "s").keys());
    float[] row = new float[e.width()];
    row[5] = 1;
    assertNull(e.decode(row, 0).get("s"));
    ColumnPrivacy p = e.privacy().get("s");
    assertEquals(ColumnPrivacy.Mode.PRIVATE, p.mode());
    assertTrue(p.mechanism().contains("thresholded"), p.mechanism());
  }

  @Test
  void rangeIsNearTheTrueQuantilesAndLeavesAnOutlierOut() {
    TestTable table = TestTable.named("range").column("x", DOUBLE).column("n", INT);
    SplittableRandom rng = new SplittableRandom(11);
    double[] xs = new double[5000];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = 1000 + 100 * TestTable.gaussian(rng);
      table.row(xs[i], (int) Math.round(50 + 10 * TestTable.gaussian(rng)));
    }
    table.row(1e9, 100_000);
    Arrays.sort(xs);
    for (long seed = 1; seed <= 5; seed++) {
      TableEncoder e = fitter(table.schema(), PLAIN, new PreprocessingPrivacy(1, 1e-6, seed))
          .fit(table.records());
      ContinuousModes x = modes(e, "x");
      // The 1% and 99% quantiles are inside, the range ends within one sd of the data's own
      // (sorted xs leaves the outlier out), and the outlier (1e9) is far outside.
      assertTrue(x.min() <= xs[50] && x.min() >= xs[0] - 100, "min " + x.min());
      assertTrue(x.max() >= xs[4950] && x.max() <= xs[xs.length - 1] + 100, "max " + x.max());
      assertNotEquals(xs[0], x.min());
      double mean = 0;
      for (int k = 0; k < x.means().length; k++) {
        mean += x.weights()[k] * x.means()[k];
      }
      assertEquals(1000, mean, 20);
      ContinuousModes n = modes(e, "n");
      assertTrue(n.min() <= 30 && n.max() >= 70 && n.max() <= 128, n.min() + ".." + n.max());
    }
  }

  /** A table whose schema declares domains, a public column and an undeclared nullable one. */
  private static final String DECLARED_SCHEMA = """
      {"type": "record", "name": "declared", "namespace": "test", "fields": [
        {"name": "country", "type": "string", "synthbeam.categories": ["FR", "DE", "IT", "ES"]},
        {"name": "grade", "type": "int", "synthbeam.categories": [1, 2, 3]},
        {"name": "income", "type": "double", "synthbeam.range": [0, 100000],
         "synthbeam.points": [50000]},
        {"name": "born", "type": {"type": "int", "logicalType": "date"},
         "synthbeam.range": ["1950-01-01", "2010-12-31"]},
        {"name": "colour", "type": {"type": "enum", "name": "Colour",
         "symbols": ["RED", "GREEN", "BLUE"]}},
        {"name": "region", "type": "string", "synthbeam.public": true},
        {"name": "note", "type": ["null", "string"]}
      ]}""";

  private static List<GenericRecord> declaredRows(Schema schema, int n) {
    SplittableRandom rng = new SplittableRandom(8);
    Schema colour = schema.getField("colour").schema();
    List<GenericRecord> rows = new ArrayList<>();
    int born0 = (int) LocalDate.of(1960, 1, 1).toEpochDay();
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble();
      double income = u < 0.3 ? 0 : u < 0.4 ? 50_000 : u < 0.44 ? 250_000
          : 1000 + 89_000 * rng.nextDouble();
      rows.add(TestTable.record(schema, new String[] {"FR", "DE", "IT"}[rng.nextInt(3)],
          1 + rng.nextInt(3), income, born0 + rng.nextInt(15_000),
          TestTable.symbol(colour, rng.nextBoolean() ? "RED" : "GREEN"),
          i == 0 ? "rare-1" : rng.nextBoolean() ? "north" : "south",
          rng.nextDouble() < 0.7 ? null : "x"));
    }
    return rows;
  }

  @Test
  void declaredDomainsAreUsedAsDeclaredAndMarked() {
    Schema schema = new Schema.Parser().parse(DECLARED_SCHEMA);
    EncodingOptions options = EncodingOptions.defaults().withCategoricalColumns(Set.of("grade"));
    List<GenericRecord> rows = declaredRows(schema, 4000);
    TableSpec spec = TableSpec.fromSchema(schema, options);
    PreprocessingPrivacy budget = new PreprocessingPrivacy(2, 1e-6, 21);
    TableEncoder e = new TableEncoderFitter(spec, options).withPrivacy(budget).fit(rows);
    PrivacyPlan plan = PrivacyPlan.of(spec, budget);

    Map<String, ColumnPrivacy.Mode> expected = Map.of("country", ColumnPrivacy.Mode.DECLARED,
        "grade", ColumnPrivacy.Mode.DECLARED, "income", ColumnPrivacy.Mode.DECLARED,
        "born", ColumnPrivacy.Mode.DECLARED, "colour", ColumnPrivacy.Mode.DECLARED,
        "region", ColumnPrivacy.Mode.PUBLIC, "note", ColumnPrivacy.Mode.PRIVATE);
    expected.forEach((column, mode) -> assertEquals(mode, e.privacy().get(column).mode(), column));
    assertEquals(List.copyOf(spec.columns().stream().map(ColumnSpec::name).toList()),
        List.copyOf(e.privacy().keySet()));

    // Every declared value has a category, seen (FR, DE, IT) or not (ES, BLUE); no "other".
    Map<Object, Long> country = counts(e, "country");
    assertEquals(Set.of("FR", "DE", "IT", "ES"), country.keySet());
    assertEquals(0, country.get("ES"), 5 * plan.mainSigma(0));
    assertEquals(Set.of(1L, 2L, 3L), counts(e, "grade").keySet());
    assertEquals(Set.of("RED", "GREEN", "BLUE"), counts(e, "colour").keySet());

    // The declared range clips (250,000 is beyond it), and its ends and 0 are candidates.
    ContinuousModes income = modes(e, "income");
    assertEquals(0, income.min());
    assertEquals(100_000, income.max());
    List<Double> points = Arrays.stream(income.points()).boxed().toList();
    assertEquals(List.of(0.0, 50_000.0, 100_000.0), points);
    assertEquals(0.3, income.pointShares()[points.indexOf(0.0)], 0.03);
    assertEquals(0.1, income.pointShares()[points.indexOf(50_000.0)], 0.03);
    assertEquals(0.04, income.pointShares()[points.indexOf(100_000.0)], 0.03);
    ContinuousModes born = modes(e, "born");
    assertEquals(LocalDate.of(1950, 1, 1).toEpochDay(), born.min());
    assertEquals(LocalDate.of(2010, 12, 31).toEpochDay(), born.max());

    // The public column is fitted exactly, as a non-private fit would: its one-row value too.
    Map<Object, Long> region = counts(e, "region");
    assertEquals(1, region.get("rare-1"));
    assertEquals(rows.size() - 1, region.get("north") + region.get("south"));
    assertEquals(0, e.privacy().get("region").budgetShare());

    // Shares of the columns and of the row count make up the budget.
    double shares = e.privacy().values().stream().mapToDouble(ColumnPrivacy::budgetShare).sum();
    assertEquals(1, shares + PrivacyPlan.ROWS_WEIGHT / (PrivacyPlan.ROWS_WEIGHT
        + 6 * PrivacyPlan.COLUMN_WEIGHT), 1e-12);
  }

  @Test
  void aValueOutsideTheDeclaredCategoriesIsAnError() {
    Schema schema = new Schema.Parser().parse(DECLARED_SCHEMA);
    EncodingOptions options = EncodingOptions.defaults().withCategoricalColumns(Set.of("grade"));
    List<GenericRecord> rows = new ArrayList<>(declaredRows(schema, 10));
    GenericData.Record bad = new GenericData.Record((GenericData.Record) rows.get(1), true);
    bad.put("country", "PT");
    rows.add(bad);
    TableEncoderFitter fitter = new TableEncoderFitter(TableSpec.fromSchema(schema, options),
        options).withPrivacy(new PreprocessingPrivacy(1, 1e-6, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> fitter.fit(rows));
    assertTrue(e.getMessage().contains("column 'country'") && e.getMessage().contains("'PT'")
        && e.getMessage().contains("synthbeam.categories"), e.getMessage());
    // The non-private fit ignores declarations.
    new TableEncoderFitter(TableSpec.fromSchema(schema, options), options).fit(rows);
  }

  @Test
  void aColumnNothingOfWhichClearsTheThresholdIsNamed() {
    TestTable table = TestTable.named("few").column("s", STRING).column("x", DOUBLE);
    for (int i = 0; i < 20; i++) {
      table.row("v" + (i % 4), 100.0 + i);
    }
    TableEncoderFitter fitter =
        fitter(table.schema(), PLAIN, new PreprocessingPrivacy(0.5, 1e-6, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> fitter.fit(table.records()));
    assertTrue(e.getMessage().contains("column 's'")
        && e.getMessage().contains("synthbeam.categories"), e.getMessage());
  }

  @Test
  void spendMatchesTheBudgetAndTheComposedMechanisms() {
    TestTable table = TestTable.mixed(10, 1, false);
    TableSpec spec = TableSpec.fromSchema(table.schema(), OPTIONS);
    for (double epsilon : new double[] {0.1, 1, 8}) {
      for (double delta : new double[] {1e-8, 1e-3}) {
        PrivacyPlan plan = PrivacyPlan.of(spec, new PreprocessingPrivacy(epsilon, delta, 1));
        PreprocessingSpend spend = plan.spend();
        assertEquals(epsilon, spend.epsilon(), 1e-6 * epsilon);
        assertTrue(spend.epsilon() <= epsilon * (1 + 1e-12));
        assertEquals(delta, spend.delta(), 1e-15);
        // Composing every mechanism's own sigma gives the same curve as the one sigma.
        RdpAccountant each = RdpAccountant.create().compose(1.0, plan.rowsSigma(), 1);
        int mechanisms = 1;
        for (int j = 0; j < spec.columns().size(); j++) {
          each = each.compose(1.0, plan.mainSigma(j), 1);
          mechanisms++;
          if (plan.rangeSigma(j) > 0) {
            each = each.compose(1.0, plan.rangeSigma(j), 1);
            mechanisms++;
          }
        }
        assertEquals(mechanisms, spend.mechanisms());
        double composed = each.epsilon(spend.conversionDelta()).epsilon()
            - Math.log1p(-spend.selectionDelta());
        assertEquals(spend.epsilon(), composed, 1e-9 * epsilon);
        // Nothing more spent in training: the total is the preprocessing's own.
        assertEquals(spend.epsilon(),
            spend.guaranteeWith(RdpAccountant.create(), delta).epsilon(), 1e-9 * epsilon);
        // Eleven thresholded histograms: sex, city, grade, level and the seven ranges.
        assertEquals(11, spend.selections());
        assertEquals(delta / 2, spend.selectionDelta(), 1e-18);
      }
    }
  }

  @Test
  void releasedValuesRoundTripAndOthersDecodeToReleasedOnes() {
    TestTable table = TestTable.mixed(3000, 42, false);
    List<GenericRecord> records = table.records();
    // Rare values in a string column: fewer rows than the threshold.
    TableEncoder e = fitter(table.schema(), OPTIONS, new PreprocessingPrivacy(2, 1e-6, 4))
        .fit(records);
    EncodedTable encoded = e.encodeAll(records, 5);
    ContinuousModes age = modes(e, "age");
    Set<Object> cities = counts(e, "city").keySet();
    for (int r = 0; r < records.size(); r++) {
      GenericRecord in = records.get(r);
      GenericRecord out = e.decode(encoded.data(), r * encoded.width());
      assertTrue(GenericData.get().validate(e.spec().outputSchema(), out));
      for (String exact : List.of("sex", "colour", "member", "grade", "level")) {
        assertEquals(String.valueOf(in.get(exact)), String.valueOf(out.get(exact)), exact);
      }
      Object city = in.get("city");
      assertEquals(cities.contains(city == null ? null : city.toString()) ? city : null,
          out.get("city") == null ? null : out.get("city").toString());
      int a = (Integer) in.get("age");
      int decoded = (Integer) out.get("age");
      assertEquals(Math.max(age.min(), Math.min(age.max(), a)), decoded, "age " + a);
    }
  }

  @Test
  void unreleasedValuesOfANonNullableColumnDecodeToTheMostFrequentRelease() {
    TestTable table = TestTable.named("other").column("s", STRING);
    for (int i = 0; i < 3000; i++) {
      table.row(i < 2000 ? "big" : i < 2990 ? "mid" : "tiny" + i);
    }
    TableEncoder e = fitter(table.schema(), PLAIN, new PreprocessingPrivacy(1, 1e-6, 2))
        .fit(table.records());
    assertArrayEquals(new Object[] {"big", "mid", CategoricalColumnCodec.OTHER},
        categorical(e, "s").keys());
    EncodedTable encoded = e.encodeAll(table.records().subList(2995, 3000), 1);
    for (int r = 0; r < encoded.rows(); r++) {
      assertEquals(1f, encoded.data()[r * encoded.width() + 2]);
      assertEquals("big", e.decode(encoded.data(), r * encoded.width()).get("s"));
    }
    assertEquals(1, e.categoryIndex("s", "mid"));
    IllegalArgumentException unreleased = assertThrows(IllegalArgumentException.class,
        () -> e.categoryIndex("s", "tiny2995"));
    assertTrue(unreleased.getMessage().contains("no released category"), unreleased.getMessage());
  }

  @Test
  void fewIntegersGetAPointModeEachAndSpikesAtZeroArePoints() {
    TestTable table = TestTable.named("ints").column("stars", INT).column("gain", DOUBLE)
        .column("years", INT);
    int[] truth = {500, 1500, 2000, 800, 200};
    SplittableRandom rng = new SplittableRandom(2);
    for (int s = 0; s < truth.length; s++) {
      for (int i = 0; i < truth[s]; i++) {
        table.row(s + 1, rng.nextDouble() < 0.6 ? 0.0 : 500 + 2000 * rng.nextDouble(),
            1 + rng.nextInt(16));
      }
    }
    TableEncoder e = fitter(table.schema(), PLAIN, new PreprocessingPrivacy(2, 1e-6, 6))
        .fit(table.records());
    ContinuousModes stars = modes(e, "stars");
    assertEquals(0, stars.means().length);
    assertArrayEquals(new double[] {1, 2, 3, 4, 5}, stars.points());
    for (int s = 0; s < truth.length; s++) {
      assertEquals(truth[s] / 5000.0, stars.pointShares()[s], 0.02);
    }
    // 1..16: the released octaves reach 31, but the noisy histogram shows 16 integers.
    ContinuousModes years = modes(e, "years");
    assertEquals(0, years.means().length);
    assertArrayEquals(IntStream.rangeClosed(1, 16).asDoubleStream().toArray(),
        years.points());
    ContinuousModes gain = modes(e, "gain");
    assertEquals(0, gain.points()[0]);
    assertEquals(0.6, gain.pointShares()[0], 0.03);
    assertEquals(0, gain.min());
  }

  @Test
  void resolvingTheNoisyHistogramKeepsSpikesAndThinTailsButNotNoise() {
    double sigma = 10;
    double[] bins = new double[64];
    SplittableRandom rng = new SplittableRandom(4);
    for (int b = 0; b < 32; b++) {
      bins[b] = 0.5 * sigma * (rng.nextDouble() - 0.5); // noise well under 2 sigma
    }
    bins[5] = 300; // a spike
    for (int b = 32; b < 64; b++) {
      bins[b] = 8; // a thin tail: no bin is significant, the 32 together are
    }
    double[] resolved = PrivateContinuousFitter.resolve(bins, sigma);
    for (int b = 0; b < 32; b++) {
      assertEquals(b == 5 ? 300 : 0, resolved[b], 1e-9, "bin " + b);
    }
    for (int b = 32; b < 64; b++) {
      assertEquals(8, resolved[b], 1e-9, "bin " + b);
    }
    assertArrayEquals(new double[8], PrivateContinuousFitter.resolve(new double[8], sigma));
  }

  @Test
  void jsonAndJavaRoundTripsKeepThePrivacyRecord() throws Exception {
    TestTable table = TestTable.mixed(1500, 9, false);
    TableEncoder e = fitter(table.schema(), OPTIONS, new PreprocessingPrivacy(3, 1e-5, 8))
        .fit(table.records());
    String text = json(e);
    assertFalse(text.contains("\"noiseSeed\""));
    TableEncoder read = TableEncoder.readJson(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    assertEquals(text, json(read));
    assertEquals(e.privacy(), read.privacy());
    assertEquals(e.preprocessingSpend(), read.preprocessingSpend());
    assertEquals(text, json(javaRoundTrip(e)));
    assertArrayEquals(categorical(e, "sex").keys(), categorical(read, "sex").keys());
  }

  @Test
  void theNonPrivateFitIsUnmarkedAndHasNoPrivacyRecord() {
    TestTable table = TestTable.mixed(500, 9, false);
    TableEncoder e = table.fit(OPTIONS);
    assertFalse(json(e).contains("\"privacy\""));
    assertTrue(e.preprocessingSpend().isEmpty());
    assertTrue(e.privacy().values().stream()
        .allMatch(p -> p.mode() == ColumnPrivacy.Mode.NON_PRIVATE));
    assertFalse(new TableEncoderFitter(e.spec(), OPTIONS).isPrivate());
  }

  @Test
  void theSeedIsNotShown() {
    PreprocessingPrivacy budget = new PreprocessingPrivacy(1, 1e-6, 123456789);
    assertFalse(budget.toString().contains("123456789"));
    assertThrows(IllegalArgumentException.class, () -> new PreprocessingPrivacy(0, 1e-6, 1));
    assertThrows(IllegalArgumentException.class, () -> new PreprocessingPrivacy(1, 1, 1));
  }
}
