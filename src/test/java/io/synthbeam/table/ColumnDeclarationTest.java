package io.synthbeam.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class ColumnDeclarationTest {
  /**
   * A record schema; {@code fields} is the JSON of the field list. A field called grade is named
   * categorical.
   */
  private static TableSpec spec(String fields) {
    Schema schema = new Schema.Parser().parse(
        "{\"type\": \"record\", \"name\": \"t\", \"fields\": [" + fields + "]}");
    EncodingOptions options = EncodingOptions.defaults().withCategoricalColumns(
        schema.getField("grade") == null ? Set.of() : Set.of("grade"));
    return TableSpec.fromSchema(schema, options);
  }

  @Test
  void declarationsAreReadInTheColumnsOwnUnits() {
    TableSpec spec = spec("""
        {"name": "country", "type": "string", "synthbeam.categories": ["FR", "DE"]},
        {"name": "grade", "type": "int", "synthbeam.categories": [3, 1, 2]},
        {"name": "income", "type": "double", "synthbeam.range": [0, 1.5e5],
         "synthbeam.points": [50000, 0]},
        {"name": "born", "type": {"type": "int", "logicalType": "date"},
         "synthbeam.range": ["1950-01-01", 20000]},
        {"name": "seen", "type": {"type": "long", "logicalType": "timestamp-micros"},
         "synthbeam.range": ["2020-01-01T00:00:00Z", "2021-01-01T00:00:00.5Z"]},
        {"name": "region", "type": "string", "synthbeam.public": true},
        {"name": "plain", "type": "long"}""");
    assertEquals(List.of("FR", "DE"), spec.declaration("country").categories());
    assertEquals(List.of(3L, 1L, 2L), spec.declaration("grade").categories());
    ColumnDeclaration income = spec.declaration("income");
    assertEquals(new ColumnDeclaration.Range(0, 150_000), income.range());
    assertEquals(List.of(0.0, 50_000.0), income.points());
    assertFalse(income.declaredPublic());
    assertEquals(new ColumnDeclaration.Range(LocalDate.of(1950, 1, 1).toEpochDay(), 20000),
        spec.declaration("born").range());
    Instant start = Instant.parse("2020-01-01T00:00:00Z");
    assertEquals(new ColumnDeclaration.Range(start.getEpochSecond() * 1e6,
        Instant.parse("2021-01-01T00:00:00Z").getEpochSecond() * 1e6 + 500_000),
        spec.declaration("seen").range());
    assertTrue(spec.declaration("region").declaredPublic());
    assertNull(spec.declaration("region").categories());
    assertSame(ColumnDeclaration.NONE, spec.declaration("plain"));
  }

  @Test
  void declarationsSurviveJavaSerializationOfTheSpec() throws Exception {
    TableSpec spec = spec("""
        {"name": "country", "type": "string", "synthbeam.categories": ["FR", "DE"]}""");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(spec);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      TableSpec copy = (TableSpec) in.readObject();
      assertEquals(List.of("FR", "DE"), copy.declaration("country").categories());
    }
  }

  @Test
  void malformedDeclarationsNameTheFieldAndTheProperty() {
    record Case(String field, String expected) {}
    List<Case> cases = List.of(
        new Case("{\"name\": \"a\", \"type\": \"string\", \"synthbeam.categories\": \"FR\"}",
            "JSON array"),
        new Case("{\"name\": \"a\", \"type\": \"string\", \"synthbeam.categories\": []}",
            "no category"),
        new Case("{\"name\": \"a\", \"type\": \"string\", \"synthbeam.categories\": [1]}",
            "strings"),
        new Case("{\"name\": \"a\", \"type\": \"string\", \"synthbeam.categories\": [\"x\", \"x\"]}",
            "twice"),
        new Case("{\"name\": \"grade\", \"type\": \"int\", \"synthbeam.categories\": [1.5]}",
            "int values"),
        new Case("{\"name\": \"a\", \"type\": \"int\", \"synthbeam.categories\": [1]}",
            "--categorical a"),
        new Case("{\"name\": \"a\", \"type\": \"boolean\", \"synthbeam.categories\": [true]}",
            "declared by its type"),
        new Case("{\"name\": \"a\", \"type\": \"double\", \"synthbeam.range\": [5, 1]}",
            "min < max"),
        new Case("{\"name\": \"a\", \"type\": \"double\", \"synthbeam.range\": [1]}",
            "[min, max]"),
        new Case("{\"name\": \"a\", \"type\": \"int\", \"synthbeam.range\": [0, 9.5]}",
            "whole numbers"),
        new Case("{\"name\": \"a\", \"type\": \"double\", \"synthbeam.range\": [0, \"x\"]}",
            "numbers"),
        new Case("{\"name\": \"a\", \"type\": {\"type\": \"int\", \"logicalType\": \"date\"},"
            + " \"synthbeam.range\": [\"2020-13-01\", 20000]}", "ISO-8601"),
        new Case("{\"name\": \"a\", \"type\": \"string\", \"synthbeam.range\": [0, 1]}",
            "continuous columns"),
        new Case("{\"name\": \"a\", \"type\": \"double\", \"synthbeam.range\": [0, 1],"
            + " \"synthbeam.points\": [2]}", "outside the declared range"),
        new Case("{\"name\": \"a\", \"type\": \"double\", \"synthbeam.public\": \"yes\"}",
            "true or false"));
    for (Case c : cases) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> spec(c.field()), c.field());
      String name = c.field().contains("\"grade\"") ? "grade" : "a";
      assertTrue(e.getMessage().contains("field '" + name + "'"), e.getMessage());
      assertTrue(e.getMessage().contains("synthbeam."), e.getMessage());
      assertTrue(e.getMessage().contains(c.expected()), c.expected() + " in " + e.getMessage());
    }
  }
}
