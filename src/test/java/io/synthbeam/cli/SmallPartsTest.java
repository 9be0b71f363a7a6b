package io.synthbeam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.beam.sdk.Pipeline.PipelineExecutionException;
import org.junit.jupiter.api.Test;

class SmallPartsTest {

  @Test
  void durationsReadLikeAClock() {
    assertEquals("0s", Durations.format(0));
    assertEquals("0.4s", Durations.format(0.4));
    assertEquals("45s", Durations.format(45.2));
    assertEquals("9m 12s", Durations.format(552));
    assertEquals("1m 05s", Durations.format(65));
    assertEquals("2h 05m", Durations.format(7500));
    assertEquals("?", Durations.format(Double.NaN));
  }

  @Test
  void columnNamesMapCsvNamesToFieldNames() {
    Schema schema = new Schema.Parser().parse("""
        {"type": "record", "name": "R", "fields": [
          {"name": "education_num", "type": "int", "synthbeam.csvName": "education-num"},
          {"name": "age", "type": "int"}]}""");
    assertEquals(Set.of("education_num", "age", "unknown"), ColumnNames.toFieldNames(schema,
        List.of("education-num", " age", "unknown", "", "education_num")));
    assertEquals(Map.of("education_num", "3", "other", "x"),
        ColumnNames.toFieldNames(schema, Map.of("education-num", "3", "other", "x")));
  }

  @Test
  void aPipelineFailureIsReducedToTheErrorThatExplainsIt() {
    IllegalArgumentException bad = new IllegalArgumentException("t.csv line 3, column 'age': "
        + "'abc' is not an int", new NumberFormatException("For input string: abc"));
    RuntimeException wrapped = new RuntimeException("Pipeline execution failed",
        new PipelineExecutionException(bad));
    assertSame(bad, PipelineRuns.cause(wrapped));

    IOException io = new IOException("model bundle m.zip does not exist");
    RuntimeException viaIo = PipelineRuns.cause(new PipelineExecutionException(io));
    assertEquals(UncheckedIOException.class, viaIo.getClass());
    assertEquals("model bundle m.zip does not exist", viaIo.getMessage());

    RuntimeException unexplained = new RuntimeException("boom");
    assertSame(unexplained, PipelineRuns.cause(unexplained));
  }
}
