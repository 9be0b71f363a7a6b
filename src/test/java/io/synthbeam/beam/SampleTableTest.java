package io.synthbeam.beam;

import static io.synthbeam.beam.SynthesizeTableTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.bundle.ModelBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FitTableModel in one pipeline ({@link SharedModel}), SampleTable in others, on the DirectRunner.
 */
class SampleTableTest {
  @TempDir Path dir;

  private static SampleTable sample() {
    return SampleTable.from(SharedModel.bundle().toString()).withRowsPerShard(300);
  }

  @Test
  void fitTableModelWritesABundleWithTheTrainingSummary() throws IOException {
    var summary = ModelBundle.load(SharedModel.bundle()).summary();
    assertEquals(SharedModel.EPOCHS, summary.epochs());
    assertEquals(2_000, summary.tableRows());
    assertEquals(5L, summary.seed());
    try (var files = Files.list(SharedModel.bundle().getParent())) {
      assertEquals(List.of("claims.zip"),
          files.map(f -> f.getFileName().toString()).toList(), "no temporary file left");
    }
  }

  @Test
  void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
    Pipeline p = TestPipelines.direct();
    String first = TestPipelines.collect(p.apply("First", sample().withRows(1_000).withSeed(8)));
    String again = TestPipelines.collect(p.apply("Again", sample().withRows(1_000).withSeed(8)));
    String other = TestPipelines.collect(p.apply("Other", sample().withRows(1_000).withSeed(9)));
    TestPipelines.run(p);
    List<String> rows = TestPipelines.jsonSorted(first);
    assertEquals(1_000, rows.size());
    assertEquals(rows, TestPipelines.jsonSorted(again));
    assertNotEquals(rows, TestPipelines.jsonSorted(other));
  }

  @Test
  void conditionalSamplingGivesEveryRowTheValueAndRowsDefaultToTheTrainingCount() {
    Pipeline p = TestPipelines.direct();
    PCollection<GenericRecord> frauds = p.apply("Frauds", sample().withRows(400)
        .withConditions(Map.of("label", SmallTable.RARE)));
    PAssert.that(frauds).satisfies(rows -> {
      int n = 0;
      for (GenericRecord r : rows) {
        assertEquals(SmallTable.RARE, r.get("label").toString(), r.toString());
        n++;
      }
      assertEquals(400, n);
      return null;
    });
    PCollection<GenericRecord> all = p.apply("Default", sample());
    PAssert.that(all).satisfies(rows -> {
      int n = 0;
      for (GenericRecord ignored : rows) {
        n++;
      }
      assertEquals(2_000, n, "as many rows as the training table");
      return null;
    });
    TestPipelines.run(p);
  }

  @Test
  void badBundlesAndConditionsFailWhenTheTransformIsCreated() throws IOException {
    Path missing = dir.resolve("missing.zip");
    assertMessage(UncheckedIOException.class, "model bundle " + missing + " does not exist",
        () -> SampleTable.from(missing.toString()));

    Path corrupt = Files.write(dir.resolve("corrupt.zip"),
        Files.readAllBytes(SharedModel.bundle()));
    byte[] bytes = Files.readAllBytes(corrupt);
    bytes[bytes.length / 2] ^= 0x55;
    Files.write(corrupt, bytes);
    UncheckedIOException e = org.junit.jupiter.api.Assertions.assertThrows(
        UncheckedIOException.class, () -> SampleTable.from(corrupt.toString()));
    assertTrue(e.getMessage().startsWith(corrupt.toString()), e.getMessage());

    Path text = Files.writeString(dir.resolve("text.zip"), "not a zip");
    assertMessage(UncheckedIOException.class, text + " is not a SynthBeam model bundle",
        () -> SampleTable.from(text.toString()));

    assertMessage(IllegalArgumentException.class, "unknown column 'colour'",
        () -> sample().withConditions(Map.of("colour", "red")));
    assertMessage(IllegalArgumentException.class, "never had the value 'atlantis'",
        () -> sample().withConditions(Map.of("region", "atlantis")));
    assertMessage(IllegalArgumentException.class, "rows must be >= 0",
        () -> sample().withRows(-1));
  }
}
