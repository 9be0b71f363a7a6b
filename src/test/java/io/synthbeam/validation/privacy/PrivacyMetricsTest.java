package io.synthbeam.validation.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthbeam.validation.FrameSet;
import io.synthbeam.validation.ValidationColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** DCR share, exact copies and the filter on tables small enough to work out by hand. */
class PrivacyMetricsTest {
  private static final Schema SCHEMA = new Schema.Parser().parse("""
      {"type": "record", "name": "t", "fields": [
        {"name": "x", "type": ["null", "double"], "default": null},
        {"name": "c", "type": "string"}]}""");

  private static GenericRecord row(Double x, String c) {
    GenericRecord r = new GenericData.Record(SCHEMA);
    r.put("x", x);
    r.put("c", c);
    return r;
  }

  private static FrameSet frames(List<GenericRecord> train, List<GenericRecord> holdout,
      List<GenericRecord> synthetic) {
    return FrameSet.of(ValidationColumns.fromSchema(SCHEMA, Map.of(), "c"), train, holdout,
        synthetic);
  }

  // Training x spans 0..10, so a gap of 1 in x costs 0.1 raw, 0.05 once divided by 2 columns;
  // a different category costs 1 raw.
  private static final List<GenericRecord> TRAIN = List.of(row(0.0, "a"), row(10.0, "a"),
      row(4.0, "b"), row(null, "b"));  // median 4 fills the null
  private static final List<GenericRecord> HOLDOUT = List.of(row(2.0, "a"), row(6.0, "b"));

  @Test
  void dcrShareCountsTiesAsHalfAndExactCopies() {
    List<GenericRecord> synthetic = List.of(
        row(0.0, "a"),   // copy of a training row: 0 vs 0.2 -> closer to train, exact copy
        row(1.0, "a"),   // 0.1 vs 0.1 -> tie, counts half
        row(5.0, "b"),   // 0.1 (to 4, b) vs 0.1 (to 6, b) -> tie
        row(6.0, "b"),   // 0.2 vs 0 -> closer to holdout
        row(null, "b")); // x filled with 4: copy of the filled training row
    PrivacyReport report = PrivacyMetrics.compute(frames(TRAIN, HOLDOUT, synthetic), 0, 10, 1,
        1);
    assertEquals((1 + 0.5 + 0.5 + 0 + 1) / 5, report.dcrShare(), 1e-12);
    assertEquals(2 / 5.0, report.exactCopy(), 1e-12);
    assertEquals(4 / 6.0, report.dcrBaseline(), 1e-12);
    assertEquals(0, report.holdoutCopy(), 0);
    assertEquals(5, report.scoredSyntheticRows());
    // Distances are divided by the number of columns: median of 0, .05, .05, .1, 0 is .05.
    assertEquals(0.05, report.medianSyntheticDistance(), 1e-12);
  }

  @Test
  void aHoldoutRowThatDuplicatesATrainingRowCountsAsAHoldoutCopy() {
    List<GenericRecord> holdout = List.of(row(10.0, "a"), row(7.0, "b"));
    PrivacyReport report = PrivacyMetrics.compute(frames(TRAIN, holdout, List.of(row(3.0, "a"),
        row(9.0, "b"))), 0, 10, 1, 1);
    assertEquals(0.5, report.holdoutCopy(), 1e-12);
    assertEquals(0, report.exactCopy(), 0);
  }

  @Test
  void aSampleOfSyntheticRowsIsScoredWhenAsked() {
    List<GenericRecord> synthetic = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      synthetic.add(row((double) (i % 10), i % 2 == 0 ? "a" : "b"));
    }
    PrivacyReport report = PrivacyMetrics.compute(frames(TRAIN, HOLDOUT, synthetic), 20, 10, 1,
        1);
    assertEquals(20, report.scoredSyntheticRows());
  }

  @Test
  void membershipAucIsHighWhenTheSyntheticRowsCopyTheTrainingRows() {
    List<GenericRecord> train = new ArrayList<>();
    List<GenericRecord> holdout = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      train.add(row(i * 2.0, i % 3 == 0 ? "a" : "b"));
      holdout.add(row(i * 2.0 + 1, i % 3 == 0 ? "a" : "b"));
    }
    PrivacyReport copied = PrivacyMetrics.compute(frames(train, holdout, train), 0, 40, 1, 1);
    // Every member is at distance 0, every non-member farther: AUC 1.
    assertEquals(1.0, copied.membershipAuc(), 1e-12);
    assertEquals(40, copied.membershipRows());
  }

  @Test
  void theFilterDropsRowsCloserThanTheHoldoutQuantile() {
    List<GenericRecord> synthetic = List.of(row(0.0, "a"), row(2.0, "a"), row(7.0, "b"),
        row(4.0, "b"), row(4.2, "b"));
    // Holdout to train: (2, a) -> 0.2 raw, (6, b) -> 0.2 raw; threshold 0.2 raw = 0.1 scaled.
    // Synthetic to train: 0, 0.2, 0.3, 0, 0.02 -> keep rows 1 and 2.
    PrivacyFilter.Result result = PrivacyFilter.apply(frames(TRAIN, HOLDOUT, synthetic), 0.5, 1);
    assertEquals(3, result.dropped());
    assertEquals(List.of(1, 2), java.util.Arrays.stream(result.keptRows()).boxed().toList());
    assertEquals(0.1, result.threshold(), 1e-12);
  }
}
