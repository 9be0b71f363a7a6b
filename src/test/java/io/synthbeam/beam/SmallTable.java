package io.synthbeam.beam;

import io.synthbeam.io.TableFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * A small deterministic test table: a nullable double (10% nulls), an int, a date, a 4-level
 * string, a boolean and a label whose class "fraud" is 5% of the rows.
 */
final class SmallTable {
  static final Schema SCHEMA = new Schema.Parser().parse("""
      {"type": "record", "name": "Claims", "namespace": "test.synthbeam", "fields": [
        {"name": "amount", "type": ["null", "double"], "default": null},
        {"name": "age", "type": "int"},
        {"name": "filed", "type": {"type": "int", "logicalType": "date"}},
        {"name": "region", "type": "string"},
        {"name": "online", "type": "boolean"},
        {"name": "label", "type": "string"}]}""");
  static final List<String> REGIONS = List.of("north", "south", "east", "west");
  static final String RARE = "fraud";
  static final int DEFAULT_ROWS = 2_000;

  private SmallTable() {}

  /** {@code n} rows from {@code seed}; exactly 5% (rounded) are "fraud". */
  static List<GenericRecord> records(int n, long seed) {
    Random random = new Random(seed);
    List<GenericRecord> rows = new ArrayList<>(n);
    int frauds = Math.round(n * 0.05f);
    for (int i = 0; i < n; i++) {
      boolean fraud = i % 20 == 7 && i / 20 < frauds;
      GenericData.Record r = new GenericData.Record(SCHEMA);
      double amount = Math.exp(5 + random.nextGaussian() * (fraud ? 0.3 : 0.8));
      r.put("amount", random.nextInt(10) == 0 ? null : Math.round(amount * 100) / 100.0);
      r.put("age", 18 + random.nextInt(60));
      r.put("filed", 19_000 + random.nextInt(365));
      int region = random.nextInt(10);
      r.put("region", REGIONS.get(region < 4 ? 0 : region < 7 ? 1 : region < 9 ? 2 : 3));
      r.put("online", random.nextInt(3) != 0);
      r.put("label", fraud ? RARE : "ok");
      rows.add(r);
    }
    return rows;
  }

  static List<GenericRecord> records() {
    return records(DEFAULT_ROWS, 11);
  }

  /** Writes {@link #records()} to {@code dir/claims.parquet}. */
  static Path writeParquet(Path dir) throws IOException {
    Path file = dir.resolve("claims.parquet");
    TableFiles.write(file, SCHEMA, records());
    return file;
  }
}
