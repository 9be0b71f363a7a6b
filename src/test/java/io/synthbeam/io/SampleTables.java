package io.synthbeam.io;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Small tables with every type the file formats must carry, for the round-trip tests. */
final class SampleTables {
  private SampleTables() {}

  /** A schema with every CSV-supported type, nullable and not, and a CSV name property. */
  static Schema allTypesSchema() {
    return new Schema.Parser().parse("""
        {"type": "record", "name": "AllTypes", "namespace": "test", "fields": [
          {"name": "id", "type": "int"},
          {"name": "big", "type": "long"},
          {"name": "ratio", "type": "float"},
          {"name": "score", "type": ["null", "double"], "default": null},
          {"name": "flag", "type": ["boolean", "null"]},
          {"name": "name", "type": ["null", "string"], "default": null},
          {"name": "code", "type": "string"},
          {"name": "color", "type": ["null", {"type": "enum", "name": "Color",
              "symbols": ["RED", "GREEN", "BLUE"]}], "default": null},
          {"name": "day", "type": ["null", {"type": "int", "logicalType": "date"}],
              "default": null},
          {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
          {"name": "at_micros", "type": ["null",
              {"type": "long", "logicalType": "timestamp-micros"}], "default": null},
          {"name": "education_num", "type": "int", "synthbeam.csvName": "education-num"}
        ]}""");
  }

  /** Rows of {@link #allTypesSchema()} with nulls, extremes, and awkward strings. */
  static List<GenericRecord> allTypesRecords() {
    Schema schema = allTypesSchema();
    Schema color = schema.getField("color").schema().getTypes().get(1);
    List<GenericRecord> rows = new ArrayList<>();
    rows.add(row(schema, 1, 9_000_000_000L, 1.5f, 0.1 + 0.2, true, "Ann", "007", 
        new GenericData.EnumSymbol(color, "RED"), day("2024-02-29"),
        Instant.parse("2024-01-31T12:34:56.789Z").toEpochMilli(), 1_706_704_496_123_456L, 13));
    rows.add(row(schema, -2, Long.MIN_VALUE, -0.25f, null, null, null, "",
        null, null, Instant.parse("1969-12-31T23:59:59.001Z").toEpochMilli(), null, 0));
    rows.add(row(schema, Integer.MAX_VALUE, Long.MAX_VALUE, Float.MAX_VALUE, -1.0e-300, false,
        "comma, \"quote\"\nnew line; ünïcødé", " spaced ", new GenericData.EnumSymbol(color,
        "BLUE"), day("1900-01-01"), 0L, -1L, 16));
    return rows;
  }

  static GenericRecord row(Schema schema, Object... values) {
    GenericData.Record record = new GenericData.Record(schema);
    for (int i = 0; i < values.length; i++) {
      record.put(i, values[i]);
    }
    return record;
  }

  private static int day(String iso) {
    return (int) LocalDate.parse(iso).toEpochDay();
  }
}
