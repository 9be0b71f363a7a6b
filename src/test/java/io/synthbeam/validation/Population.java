package io.synthbeam.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * A made-up population for tests: two continuous columns, two categorical ones and a binary
 * target that depends on all of them, so a model learns it well from real-looking rows and not
 * at all from rows whose columns were shuffled independently.
 */
final class Population {
  // Used through TestPopulation by tests in other packages.
  static final Schema SCHEMA = new Schema.Parser().parse("""
      {"type": "record", "name": "person", "fields": [
        {"name": "age", "type": "int"},
        {"name": "hours", "type": ["null", "double"], "default": null},
        {"name": "job", "type": "string"},
        {"name": "region", "type": "string"},
        {"name": "income", "type": "string"}]}""");
  private static final String[] JOBS = {"clerk", "manager", "farmer", "nurse", "driver"};
  private static final String[] REGIONS = {"north", "south", "east"};

  private Population() {}

  /** {@code n} independent draws. */
  static List<GenericRecord> draw(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<GenericRecord> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int job = random.nextInt(JOBS.length);
      int region = random.nextInt(REGIONS.length);
      int age = 18 + random.nextInt(60);
      Double hours = random.nextDouble() < 0.05 ? null
          : Math.round((20 + 30 * random.nextDouble() + 5 * job) * 10) / 10.0;
      double score = (age - 45) / 10.0 + (hours == null ? 0 : (hours - 40) / 8)
          + (job == 1 ? 2 : job == 2 ? -1.5 : 0) + (region == 0 ? 0.8 : 0)
          + 0.5 * random.nextGaussian();
      GenericRecord r = new GenericData.Record(SCHEMA);
      r.put("age", age);
      r.put("hours", hours);
      r.put("job", JOBS[job]);
      r.put("region", REGIONS[region]);
      r.put("income", score > 0.3 ? "high" : "low");
      rows.add(r);
    }
    return rows;
  }

  /** The rows with each column permuted independently (keeps columns, breaks every relation). */
  static List<GenericRecord> shuffledColumns(List<GenericRecord> rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<GenericRecord> out = new ArrayList<>();
    for (GenericRecord row : rows) {
      out.add(new GenericData.Record((GenericData.Record) row, true));
    }
    for (Schema.Field field : SCHEMA.getFields()) {
      for (int i = out.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        Object a = out.get(i).get(field.pos());
        out.get(i).put(field.pos(), out.get(j).get(field.pos()));
        out.get(j).put(field.pos(), a);
      }
    }
    return out;
  }

  static ValidationColumns columns() {
    return ValidationColumns.fromSchema(SCHEMA, java.util.Map.of(), "income");
  }
}
