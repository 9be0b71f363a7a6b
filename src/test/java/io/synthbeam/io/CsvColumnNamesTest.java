package io.synthbeam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CsvColumnNamesTest {

  @Test
  void sanitizesToValidAvroNames() {
    assertEquals("education_num", CsvColumnNames.sanitize("education-num"));
    assertEquals("hours_per_week", CsvColumnNames.sanitize("hours-per-week"));
    assertEquals("_2nd_col", CsvColumnNames.sanitize("2nd col"));
    assertEquals("a_b_", CsvColumnNames.sanitize("a.b?"));
    assertEquals("caf_", CsvColumnNames.sanitize("café"));
    assertEquals("_", CsvColumnNames.sanitize(""));
    assertEquals("already_OK_1", CsvColumnNames.sanitize("already_OK_1"));
    // Every result must be accepted by Avro as a field name.
    for (String header : List.of("education-num", "2nd col", "a.b?", "café", "")) {
      new Schema.Field(CsvColumnNames.sanitize(header), Schema.create(Schema.Type.INT));
    }
  }

  @Test
  void keepsNamesUniqueWhenHeadersSanitizeAlike() {
    assertEquals(List.of("a_b_2", "a_b", "a_b_3", "x"),
        CsvColumnNames.fieldNames(List.of("a-b", "a_b", "a b", "x")));
  }

  @Test
  void csvNameComesFromThePropertyElseTheFieldName() {
    Schema schema = new Schema.Parser().parse("""
        {"type": "record", "name": "R", "fields": [
          {"name": "a_b", "type": "int", "synthbeam.csvName": "a-b"},
          {"name": "c", "type": "int"}]}""");
    assertEquals("a-b", CsvColumnNames.csvName(schema.getField("a_b")));
    assertEquals("c", CsvColumnNames.csvName(schema.getField("c")));
  }

  @Test
  void withCsvNamesAddsThePropertyToACopyOnly() {
    Schema schema = new Schema.Parser().parse("""
        {"type": "record", "name": "R", "namespace": "n", "doc": "d", "fields": [
          {"name": "a_b", "type": "int"}, {"name": "c", "type": "int"}]}""");
    Schema copy = CsvColumnNames.withCsvNames(schema, Map.of("a_b", "a-b", "c", "c"));
    assertEquals("a-b", copy.getField("a_b").getProp(CsvColumnNames.CSV_NAME_PROPERTY));
    assertNull(copy.getField("c").getProp(CsvColumnNames.CSV_NAME_PROPERTY));
    assertNull(schema.getField("a_b").getProp(CsvColumnNames.CSV_NAME_PROPERTY));
    assertEquals("n.R", copy.getFullName());
    assertEquals("d", copy.getDoc());
  }
}
