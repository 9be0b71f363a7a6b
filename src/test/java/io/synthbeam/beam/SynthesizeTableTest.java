package io.synthbeam.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthbeam.bundle.ModelBundle;
import io.synthbeam.gan.ctgan.CtganModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SynthesizeTable on the DirectRunner. */
class SynthesizeTableTest {
  @TempDir Path dir;

  private static PCollection<GenericRecord> claims(Pipeline p) {
    return p.apply(Create.of(SmallTable.records()).withCoder(AvroCoder.of(SmallTable.SCHEMA)));
  }

  private static SynthesizeTable quick() {
    return SynthesizeTable.create().withEpochs(2).withBatchSize(200).withRowsPerShard(250);
  }

  @Test
  void resultHasTheRowsTheModelAndItsStatistics() throws IOException {
    Path modelPath = dir.resolve("models/claims.zip");
    Pipeline p = TestPipelines.direct();
    SynthesizeTable.Result result = claims(p).apply(quick().withRows(600)
        .withConditions(Map.of("region", "west")).withModelSavedTo(modelPath.toString())
        .withResult());

    PAssert.that(result.getSynthetic()).satisfies(rows -> {
      int n = 0;
      for (GenericRecord r : rows) {
        assertEquals("west", r.get("region").toString(), r.toString());
        n++;
      }
      assertEquals(600, n);
      return null;
    });
    PAssert.thatSingleton(result.getFitStatistics()).satisfies(json -> {
      JsonNode summary = readJson(json);
      assertEquals(2, summary.get("epochs").asInt());
      assertEquals(2, summary.get("criticLoss").size());
      assertEquals(2_000, summary.get("tableRows").asLong());
      return null;
    });
    PAssert.thatSingleton(result.getModelBundle()).satisfies(bytes -> {
      try {
        CtganModel model = ModelBundle.fromBytes(bytes, "the bundle");
        assertEquals(SmallTable.SCHEMA.getFields().size(),
            model.encoder().spec().outputSchema().getFields().size());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return null;
    });
    TestPipelines.run(p);
    assertEquals(2_000, ModelBundle.load(modelPath).summary().tableRows());
  }

  @Test
  void rowsDefaultToTheInputsCountAndTheSameSeedGivesTheSameRows() {
    Pipeline p = TestPipelines.direct();
    PCollection<GenericRecord> input = p.apply(Create.of(SmallTable.records(300, 2))
        .withCoder(AvroCoder.of(SmallTable.SCHEMA)));
    String first = TestPipelines.collect(input.apply("First", quick().withSeed(4)));
    String second = TestPipelines.collect(input.apply("Second", quick().withSeed(4)));
    String other = TestPipelines.collect(input.apply("OtherSeed", quick().withSeed(5)));
    TestPipelines.run(p);
    assertEquals(300, TestPipelines.jsonSorted(first).size());
    assertEquals(TestPipelines.jsonSorted(first), TestPipelines.jsonSorted(second),
        "two fits with the same seed train the same model and sample the same rows");
    assertTrue(!TestPipelines.jsonSorted(first).equals(TestPipelines.jsonSorted(other)));
  }

  @Test
  void emptyInputFailsWithTheFittersMessage() {
    Pipeline p = TestPipelines.direct();
    p.apply(Create.empty(AvroCoder.of(SmallTable.SCHEMA))).apply(quick());
    Exception e = assertThrows(Exception.class, () -> TestPipelines.run(p));
    assertTrue(TestPipelines.messages(e).contains("the table is empty"), TestPipelines.messages(e));
  }

  @Test
  void recordsOfAnotherSchemaAreReportedByField() {
    Schema renamed = new Schema.Parser().parse(SmallTable.SCHEMA.toString()
        .replace("\"region\"", "\"area\""));
    List<GenericRecord> mixed = new ArrayList<>(SmallTable.records(50, 1));
    GenericData.Record other = new GenericData.Record(renamed);
    for (Schema.Field f : renamed.getFields()) {
      other.put(f.pos(), mixed.get(0).get(f.pos()));
    }
    mixed.add(other);
    Pipeline p = TestPipelines.direct();
    p.apply(Create.of(mixed).withCoder(new SelfDescribingCoder()))
        .apply(quick().withSchema(SmallTable.SCHEMA));
    Exception e = assertThrows(Exception.class, () -> TestPipelines.run(p));
    String message = TestPipelines.messages(e);
    assertTrue(message.contains("does not match the table's schema")
        && message.contains("field 'region' is missing")
        && message.contains("field 'area' is not in the table's schema"), message);
  }

  @Test
  void constructionErrorsNameWhatIsWrong() throws IOException {
    Pipeline p = TestPipelines.direct();
    PCollection<GenericRecord> input = claims(p);

    Schema nested = new Schema.Parser().parse("""
        {"type": "record", "name": "N", "fields": [{"name": "x", "type": "int"},
          {"name": "address", "type": {"type": "record", "name": "A", "fields": [
            {"name": "city", "type": "string"}]}}]}""");
    PCollection<GenericRecord> nestedInput = p.apply("Nested",
        Create.empty(AvroCoder.of(nested)));
    assertMessage(IllegalArgumentException.class, "field 'address'",
        () -> nestedInput.apply("NestedSynth", quick()));

    PCollection<GenericRecord> noSchema = p.apply("NoSchema", Create.empty(new SelfDescribingCoder()));
    assertMessage(IllegalArgumentException.class, "needs the Avro schema",
        () -> noSchema.apply("NoSchemaSynth", quick()));

    assertMessage(IllegalArgumentException.class, "does not match the schema of the input",
        () -> input.apply("OtherSchema", quick().withSchema(nested)));
    assertMessage(IllegalArgumentException.class, "unknown column 'colour'",
        () -> input.apply("UnknownCondition", quick().withConditions(Map.of("colour", "red"))));
    assertMessage(IllegalArgumentException.class, "column 'amount', which is continuous",
        () -> input.apply("ContinuousCondition", quick().withConditions(Map.of("amount", "1"))));
    assertMessage(IllegalArgumentException.class, "unknown column(s) 'nope'",
        () -> input.apply("UnknownExcluded", quick().withExcludedColumns("nope")));

    Path blocker = Files.writeString(dir.resolve("blocker"), "x");
    assertMessage(UncheckedIOException.class, blocker.toString(),
        () -> input.apply("Unwritable", quick().withModelSavedTo(
            blocker.resolve("m.zip").toString())));
  }

  @Test
  void unknownConditionValueFailsTheRunNamingIt() {
    Pipeline p = TestPipelines.direct();
    claims(p).apply(quick().withRows(10).withConditions(Map.of("region", "atlantis")));
    Exception e = assertThrows(Exception.class, () -> TestPipelines.run(p));
    String message = TestPipelines.messages(e);
    assertTrue(message.contains("'atlantis'") && message.contains("region"), message);
  }

  static void assertMessage(Class<? extends Exception> type, String part, Runnable action) {
    Exception e = assertThrows(type, action::run);
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }

  private static JsonNode readJson(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
