package io.synthbeam.beam;

import static io.synthbeam.beam.SynthesizeTableTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;

/** RebalanceTable on the DirectRunner. */
class RebalanceTableTest {
  private static PCollection<GenericRecord> claims(Pipeline p) {
    return p.apply(Create.of(SmallTable.records()).withCoder(AvroCoder.of(SmallTable.SCHEMA)));
  }

  @Test
  void aFivePercentClassReachesThirtyPercentAndRealRowsStay() {
    Pipeline p = TestPipelines.direct();
    String out = TestPipelines.collect(claims(p).apply(RebalanceTable.of("label")
        .withShare(SmallTable.RARE, 0.3).withEpochs(2).withBatchSize(200).withRowsPerShard(300)
        .withExcludedColumns("amount")));
    PipelineResult result = p.run();
    assertEquals(PipelineResult.State.DONE, result.waitUntilFinish());

    List<String> rows = TestPipelines.jsonSorted(out);
    Map<String, Integer> remaining = new HashMap<>();
    rows.forEach(r -> remaining.merge(r, 1, Integer::sum));
    for (GenericRecord real : SmallTable.records()) {
      assertTrue(remaining.merge(real.toString(), -1, Integer::sum) >= 0, "real row " + real);
    }
    List<String> added = new ArrayList<>();
    remaining.forEach((row, n) -> {
      for (int i = 0; i < n; i++) {
        added.add(row);
      }
    });
    assertEquals(rows.size() - 2_000, added.size());
    for (String row : added) {
      assertTrue(row.contains("\"label\": \"fraud\""), row);
      assertTrue(row.contains("\"amount\": null"), "excluded, so filled with null: " + row);
    }
    long frauds = rows.stream().filter(r -> r.contains("\"label\": \"fraud\"")).count();
    assertEquals(0.3, frauds / (double) rows.size(), 0.01);
    assertEquals(100L, counter(result, "real:fraud"));
    assertEquals(added.size(), counter(result, "added:fraud"));
    assertEquals(0L, counter(result, "added:ok"));
  }

  @Test
  void targetErrorsAreNamedBeforeThePipelineRuns() {
    Pipeline p = TestPipelines.direct();
    PCollection<GenericRecord> input = claims(p);
    assertMessage(IllegalArgumentException.class, "unknown column 'kind'",
        () -> input.apply("Unknown", RebalanceTable.of("kind").withShare("x", 0.3)));
    assertMessage(IllegalArgumentException.class, "label column 'amount' is a double column",
        () -> input.apply("Continuous", RebalanceTable.of("amount").withShare("1", 0.3)));
    assertMessage(IllegalArgumentException.class, "label column 'label' is excluded",
        () -> input.apply("Excluded", RebalanceTable.of("label").withShare("fraud", 0.3)
            .withExcludedColumns("label")));
    assertMessage(IllegalArgumentException.class, "sum to 1.100",
        () -> RebalanceTable.of("label").withShare("fraud", 0.6).withShare("ok", 0.5));
    assertMessage(IllegalArgumentException.class, "between 0 and 1",
        () -> RebalanceTable.of("label").withShare("fraud", 1.5));
    assertMessage(IllegalArgumentException.class, "name the target shares",
        () -> input.apply("NoTarget", RebalanceTable.of("label")));
    assertMessage(IllegalArgumentException.class, "must be true or false",
        () -> input.apply("Boolean", RebalanceTable.of("online").withShare("yes", 0.5)));
  }

  @Test
  void aClassTheInputLacksFailsTheRunNamingIt() {
    Pipeline p = TestPipelines.direct();
    claims(p).apply(RebalanceTable.of("label").withShare("theft", 0.2).withEpochs(1)
        .withBatchSize(200));
    Exception e = assertThrows(Exception.class, () -> TestPipelines.run(p));
    String message = TestPipelines.messages(e);
    assertTrue(message.contains("'theft' do not occur in the label column 'label'")
        && message.contains("'fraud', 'ok'"), message);
  }

  @Test
  void anExcludedColumnWithoutNullOrDefaultFailsEarly() {
    Pipeline p = TestPipelines.direct();
    assertMessage(IllegalArgumentException.class, "excluded column 'age' is neither nullable",
        () -> claims(p).apply(RebalanceTable.of("label").withShare("fraud", 0.1)
            .withExcludedColumns("age")));
  }

  private static long counter(PipelineResult result, String name) {
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(RebalanceTable.METRICS, name)).build())
        .getCounters()) {
      return c.getAttempted();
    }
    return 0;
  }
}
