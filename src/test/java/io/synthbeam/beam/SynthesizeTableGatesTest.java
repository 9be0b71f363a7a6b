package io.synthbeam.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthbeam.validation.QualityGateException;
import io.synthbeam.validation.QualityGates;
import io.synthbeam.validation.ValidationOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.StreamSupport;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;

/** SynthesizeTable's validation, quality gates and quarantine on the DirectRunner. */
class SynthesizeTableGatesTest {
  static final ValidationOptions FAST = ValidationOptions.defaults().withTrees(10)
      .withThreads(2).withDetectionRows(300).withMembershipRows(200).withCharts(false);
  private static final int ROWS = 300;
  private static final int TRAIN_ROWS = 800;
  /** Out of reach: utility is a ratio of scores near 1 at best. */
  private static final QualityGates IMPOSSIBLE = QualityGates.none().withMinUtility(5);

  static PCollection<GenericRecord> rows(Pipeline p, String name, int n, long seed) {
    return p.apply(name, Create.of(SmallTable.records(n, seed))
        .withCoder(AvroCoder.of(SmallTable.SCHEMA)));
  }

  /** A quick fit on the claims table, validated against a holdout predicting the region. */
  private static SynthesizeTable.Result synthesize(Pipeline p, SynthesizeTable transform) {
    PCollection<GenericRecord> holdout = rows(p, "Holdout", 300, 12);
    return rows(p, "Claims", TRAIN_ROWS, 11).apply(transform
        .withEpochs(1).withBatchSize(200).withRows(ROWS).withRowsPerShard(150)
        .withExcludedColumns("filed").withValidationOptions(FAST)
        .withValidation(holdout, "region").withResult());
  }

  /** Also the private path: the guarantee in the bundle and both reports. */
  @Test
  void aPrivateTableThatMeetsItsGatesIsEmittedWithReportsStatingTheGuarantee() {
    Pipeline p = TestPipelines.direct();
    SynthesizeTable.Result result = synthesize(p, SynthesizeTable.create()
        .withDifferentialPrivacy(PrivateFitTest.DP)
        .withGates(QualityGates.none().withMaxDcrExcess(0.2)).withQuarantine());

    PAssert.that(result.getSynthetic()).satisfies(rows -> {
      assertEquals(ROWS, count(rows));
      rows.forEach(r -> assertEquals(null, r.getSchema().getField("filed"), "excluded column"));
      return null;
    });
    PAssert.that(result.getQuarantined()).satisfies(rows -> {
      assertEquals(0, count(rows));
      return null;
    });
    PAssert.thatSingleton(result.getModelBundle()).satisfies(bytes -> {
      PrivateFitTest.assertGuarantee(PrivateFitTest.privacy(bytes), TRAIN_ROWS,
          SmallTable.SCHEMA.getFields().size() - 1);
      return null;
    });
    PAssert.thatSingleton(result.getReportJson()).satisfies(json -> {
      JsonNode report = readJson(json);
      assertTrue(report.path("gates").path("passed").asBoolean(), json);
      assertEquals("dcr_excess", report.path("gates").path("checks").get(0).path("figure")
          .asText());
      assertEquals(ROWS, report.path("synthetic_rows").asInt());
      assertEquals(TRAIN_ROWS, report.path("train_rows").asInt());
      assertEquals(300, report.path("holdout_rows").asInt());
      JsonNode g = report.path("privacy_guarantee");
      assertTrue(g.path("epsilon").asDouble() > 0
          && g.path("epsilon").asDouble() <= PrivateFitTest.EPSILON, g.toString());
      assertEquals(4, g.path("steps").asInt(), g.toString());
      for (String key : new String[] {"delta", "sigma", "clip_norm", "q", "encoder", "columns"}) {
        assertTrue(g.has(key), key + " in " + g);
      }
      return null;
    });
    PAssert.thatSingleton(result.getReportHtml()).satisfies(html -> {
      assertTrue(html.contains("PASS"), html.substring(0, 400));
      assertTrue(html.contains("Differential privacy of the model"));
      return null;
    });
    TestPipelines.run(p);
  }

  @Test
  void aFailedGateFailsThePipelineNamingTheFigureBoundAndValue() {
    Pipeline p = TestPipelines.direct();
    synthesize(p, SynthesizeTable.create().withGates(IMPOSSIBLE));

    Pipeline.PipelineExecutionException failure =
        assertThrows(Pipeline.PipelineExecutionException.class, () -> p.run().waitUntilFinish());
    assertTrue(failure.getCause() instanceof QualityGateException, failure.toString());
    String message = failure.getCause().getMessage();
    assertTrue(message.matches("(?s).*utility -?\\d\\.\\d\\d .* is below the minimum 5\\.00.*"),
        message);
  }

  @Test
  void quarantineRoutesAFailedTableAwayFromTheMainOutput() {
    Pipeline p = TestPipelines.direct();
    SynthesizeTable.Result result = synthesize(p, SynthesizeTable.create().withGates(IMPOSSIBLE)
        .withQuarantine());

    PAssert.that(result.getSynthetic()).satisfies(rows -> {
      assertEquals(0, count(rows));
      return null;
    });
    PAssert.that(result.getQuarantined()).satisfies(rows -> {
      assertEquals(ROWS, count(rows));
      return null;
    });
    PAssert.thatSingleton(result.getReportJson()).satisfies(json -> {
      JsonNode report = readJson(json);
      assertFalse(report.path("gates").path("passed").asBoolean(), json);
      assertTrue(report.path("verdict").asText().startsWith("FAIL: utility"), json);
      assertTrue(report.path("privacy_guarantee").isNull(), "a model fitted without DP");
      return null;
    });
    TestPipelines.run(p);
  }

  @Test
  void gatesWithoutValidationAndQuarantineWithoutGatesAreRefused() {
    Pipeline p = TestPipelines.direct();
    PCollection<GenericRecord> claims = rows(p, "Claims", 100, 1);
    SynthesizeTableTest.assertMessage(IllegalArgumentException.class, "need withValidation",
        () -> claims.apply("Gated", SynthesizeTable.create().withGates(IMPOSSIBLE)));
    SynthesizeTableTest.assertMessage(IllegalArgumentException.class, "withQuarantine needs "
        + "withGates", () -> claims.apply("Quarantined", SynthesizeTable.create()
            .withValidation(rows(p, "Holdout", 50, 2), "region").withQuarantine()));
    SynthesizeTableTest.assertMessage(IllegalArgumentException.class, "unknown column 'filed'",
        () -> claims.apply("ExcludedTarget", SynthesizeTable.create().withExcludedColumns("filed")
            .withValidation(rows(p, "Holdout2", 50, 2), "filed")));
    SynthesizeTableTest.assertMessage(IllegalStateException.class, "withValidation",
        () -> claims.apply("Plain", SynthesizeTable.create().withResult()).getReportJson());
  }

  static long count(Iterable<?> items) {
    return StreamSupport.stream(items.spliterator(), false).count();
  }

  static JsonNode readJson(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
