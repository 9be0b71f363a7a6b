package io.synthbeam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthbeam.gan.ctgan.EpochStats;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
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
  void epochLineHasTheAgreedShape() {
    assertEquals("epoch 12/300  critic -0.53  generator 1.21  1.9 s/epoch  ETA 9m 12s",
        ProgressPrinter.line(new EpochStats(12, 300, -0.53, 1.21, 1.9, 552)));
  }

  @Test
  void columnNamesMapCsvNamesToFieldNames() {
    Schema schema = new Schema.Parser().parse("""
        {"type": "record", "name": "R", "fields": [
          {"name": "education_num", "type": "int", "synthbeam.csvName": "education-num"},
          {"name": "age", "type": "int"}]}""");
    assertEquals(Set.of("education_num", "age", "unknown"), ColumnNames.toFieldNames(schema,
        List.of("education-num", " age", "unknown", "", "education_num")));
  }
}
