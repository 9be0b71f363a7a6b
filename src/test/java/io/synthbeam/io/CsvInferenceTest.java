package io.synthbeam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvInferenceTest {
  @TempDir Path dir;

  private static final String TABLE = """
      age,capital-gain,big,ratio,ok,born,seen,zip,name,empty,mixed
      39,2174,1,0.5,true,1990-01-31,2024-01-31T12:00:00Z,02134,Ann,,1
      50,0,9000000000,1e3,FALSE,,2024-02-01 08:30,10001,"Lee, Jr.",,x
      ,0,3,-2,True,2000-02-29,2024-02-02T00:00:00.250+01:00,00501,,,2.5
      """;

  @Test
  void infersTheNarrowestTypePerColumn() throws IOException {
    Schema schema = TableFiles.schemaOf(write("people.csv", TABLE));

    assertEquals("people", schema.getName());
    assertEquals(nullable("int"), type(schema, "age"));
    assertEquals("\"int\"", type(schema, "capital_gain"));
    assertEquals("\"long\"", type(schema, "big"));
    assertEquals("\"double\"", type(schema, "ratio"));
    assertEquals("\"boolean\"", type(schema, "ok"));
    assertEquals("[\"null\",{\"type\":\"int\",\"logicalType\":\"date\"}]", type(schema, "born"));
    assertEquals("{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}", type(schema, "seen"));
    assertEquals("\"string\"", type(schema, "zip"), "leading zeros keep a code a string");
    assertEquals(nullable("string"), type(schema, "name"));
    assertEquals(nullable("string"), type(schema, "empty"), "a column of empty cells");
    assertEquals("\"string\"", type(schema, "mixed"));
    assertEquals(JsonProperties.NULL_VALUE, schema.getField("age").defaultVal());
    assertNull(schema.getField("big").defaultVal());
  }

  @Test
  void sanitizedNamesKeepTheCsvNameAsAProperty() throws IOException {
    Schema schema = TableFiles.schemaOf(write("people.csv", TABLE));
    assertEquals("capital-gain",
        schema.getField("capital_gain").getProp(CsvColumnNames.CSV_NAME_PROPERTY));
    assertNull(schema.getField("age").getProp(CsvColumnNames.CSV_NAME_PROPERTY));
  }

  @Test
  void readsValuesOfTheInferredTypes() throws IOException {
    Table table = TableFiles.read(write("people.csv.gz", TABLE));
    List<GenericRecord> rows = table.records();
    assertEquals(3, rows.size());
    GenericRecord first = rows.get(0);
    assertEquals(39, first.get("age"));
    assertEquals(1L, first.get("big"));
    assertEquals(0.5, first.get("ratio"));
    assertEquals(true, first.get("ok"));
    assertEquals((int) LocalDate.parse("1990-01-31").toEpochDay(), first.get("born"));
    assertEquals(Instant.parse("2024-01-31T12:00:00Z").toEpochMilli(), first.get("seen"));
    assertEquals("02134", first.get("zip"));
    assertNull(first.get("empty"));
    GenericRecord second = rows.get(1);
    assertEquals("Lee, Jr.", second.get("name"));
    assertEquals(false, second.get("ok"));
    assertNull(second.get("born"));
    assertEquals(Instant.parse("2024-02-01T08:30:00Z").toEpochMilli(), second.get("seen"));
    assertEquals(9_000_000_000L, second.get("big"));
    GenericRecord third = rows.get(2);
    assertNull(third.get("age"));
    assertEquals(-2.0, third.get("ratio"));
    assertEquals(Instant.parse("2024-02-01T23:00:00.250Z").toEpochMilli(), third.get("seen"));
  }

  @Test
  void csvWrittenFromInferredRecordsHasTheInputsColumnNamesAndCells() throws IOException {
    String input = """
        age,education-num,hours-per-week,native-country,class
        39,13,40,United-States,<=50K
        50,9,13,,>50K
        """;
    Table table = TableFiles.read(write("adult.csv", input));
    assertEquals("education_num", table.schema().getFields().get(1).name());
    Path out = dir.resolve("copy.csv");
    TableFiles.write(out, table.schema(), table.records());
    assertEquals(input, Files.readString(out));
  }

  @Test
  void headerOnlyGivesNullableStringsAndNoRows() throws IOException {
    Table table = TableFiles.read(write("h.csv", "a,b\n"));
    assertEquals(nullable("string"), type(table.schema(), "a"));
    assertEquals(List.of(), table.records());
  }

  @Test
  void byteOrderMarkIsNotPartOfTheFirstName() throws IOException {
    Table table = TableFiles.read(write("bom.csv", "\uFEFFa,b\n1,2\n"));
    assertEquals("a", table.schema().getFields().get(0).name());
    assertNull(table.schema().getFields().get(0).getProp(CsvColumnNames.CSV_NAME_PROPERTY));
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    if (name.endsWith(".gz")) {
      try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
        out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    } else {
      Files.writeString(file, text);
    }
    return file;
  }

  private static String type(Schema schema, String field) {
    return schema.getField(field).schema().toString();
  }

  private static String nullable(String type) {
    return "[\"null\",\"" + type + "\"]";
  }
}
