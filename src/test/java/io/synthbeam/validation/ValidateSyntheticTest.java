package io.synthbeam.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;

/**
 * The Beam transform on the DirectRunner, checked with PAssert. (Beam's TestPipeline is a JUnit 4
 * rule and JUnit 4 is not on the test classpath, so each test builds a plain pipeline.)
 */
class ValidateSyntheticTest {
  private static final ValidationOptions FAST = ValidationOptions.defaults().withTrees(20)
      .withThreads(2).withDetectionRows(300).withMembershipRows(200);
  private static final QualityGates GATES = QualityGates.none().withMaxDcrExcess(0.05);
  private static final List<GenericRecord> TRAIN = Population.draw(600, 11);
  private static final List<GenericRecord> HOLDOUT = Population.draw(300, 12);

  private static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
  }

  private static PCollection<GenericRecord> create(Pipeline p, String name,
      List<GenericRecord> rows) {
    return p.apply(name, Create.of(rows).withCoder(AvroCoder.of(Population.SCHEMA)));
  }

  private static PCollectionTuple validate(Pipeline p, List<GenericRecord> synthetic,
      ValidateSynthetic transform) {
    return create(p, "Synthetic", synthetic).apply("Validate", transform);
  }

  private static ValidateSynthetic transform(Pipeline p) {
    return ValidateSynthetic.of(create(p, "Real", TRAIN), create(p, "Holdout", HOLDOUT), "income")
        .withOptions(FAST).withGates(GATES);
  }

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** PAssert's own empty() needs Hamcrest, which is not on the test classpath either. */
  private static Void none(Iterable<GenericRecord> rows) {
    assertEquals(0, count(rows));
    return null;
  }

  private static long count(Iterable<?> items) {
    return StreamSupport.stream(items.spliterator(), false).count();
  }

  @Test
  void aGoodTableIsAcceptedWithTheReport() {
    Pipeline p = pipeline();
    PCollectionTuple result = validate(p, Population.draw(500, 13), transform(p));

    PAssert.that(result.get(ValidateSynthetic.REPORT_JSON)).satisfies(reports -> {
      assertEquals(1, count(reports));
      JsonNode report = json(reports.iterator().next());
      for (String key : List.of("shapes", "pairs", "quality", "tstr", "trtr", "utility",
          "detect_auc", "dcr_share", "dcr_baseline", "exact_copy")) {
        assertTrue(report.has(key), key);
      }
      assertEquals(500, report.get("rows").asInt());
      assertEquals(600, report.get("train_rows").asInt());
      assertEquals(600.0 / 900, report.get("dcr_baseline").asDouble(), 1e-6);
      assertTrue(report.path("gates").path("passed").asBoolean(), report.toString());
      return null;
    });
    PAssert.that(result.get(ValidateSynthetic.REPORT_HTML)).satisfies(pages -> {
      assertTrue(pages.iterator().next().contains("<svg"));
      return null;
    });
    PAssert.that(result.get(ValidateSynthetic.ACCEPTED)).satisfies(rows -> {
      assertEquals(500, count(rows));
      return null;
    });
    PAssert.that(result.get(ValidateSynthetic.QUARANTINED)).satisfies(ValidateSyntheticTest::none);
    p.run().waitUntilFinish();
  }

  @Test
  void aCopyOfTheTrainingRowsIsQuarantined() {
    Pipeline p = pipeline();
    PCollectionTuple result = validate(p, TRAIN, transform(p));

    PAssert.that(result.get(ValidateSynthetic.ACCEPTED)).satisfies(ValidateSyntheticTest::none);
    PAssert.that(result.get(ValidateSynthetic.QUARANTINED)).satisfies(rows -> {
      assertEquals(600, count(rows));
      return null;
    });
    PAssert.that(result.get(ValidateSynthetic.REPORT_JSON)).satisfies(reports -> {
      JsonNode report = json(reports.iterator().next());
      assertFalse(report.path("gates").path("passed").asBoolean());
      assertTrue(report.get("verdict").asText().startsWith("FAIL: DCR excess"),
          report.get("verdict").asText());
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  void failingOnGateFailsThePipelineNamingTheFigure() {
    Pipeline p = pipeline();
    validate(p, TRAIN, transform(p).failingOnGate());

    Pipeline.PipelineExecutionException failure =
        assertThrows(Pipeline.PipelineExecutionException.class, () -> p.run().waitUntilFinish());
    assertTrue(failure.getCause() instanceof QualityGateException, failure.toString());
    assertTrue(failure.getCause().getMessage().contains("DCR excess +0.3"),
        failure.getCause().getMessage());
    assertTrue(failure.getCause().getMessage().contains("above the maximum 0.05"),
        failure.getCause().getMessage());
  }
}
