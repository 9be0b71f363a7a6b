package io.synthbeam.gan.ctgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.table.EncodingOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** Awkward and bad tables: clear errors naming the column, or a model that still works. */
class CtganTrainerInputTest {
  private static final Schema SCHEMA = SchemaBuilder.record("t").fields()
      .requiredString("kind").requiredDouble("amount").optionalDouble("lab").requiredInt("age")
      .endRecord();
  private static final CtganOptions FAST =
      CtganOptions.defaults().withEpochs(1).withBatchSize(50).withSeed(1);

  private static List<GenericRecord> rows(int n, double amount, Double lab) {
    List<GenericRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      GenericRecord r = new GenericData.Record(SCHEMA);
      r.put("kind", i % 3 == 0 ? "x" : "y");
      r.put("amount", amount == 0 ? i * 1.5 : amount);
      r.put("lab", lab);
      r.put("age", 20 + i % 50);
      out.add(r);
    }
    return out;
  }

  private static CtganModel fit(List<GenericRecord> rows, EncodingOptions enc) {
    return new CtganTrainer(FAST).fit(SCHEMA, rows, enc, TrainingListener.NONE);
  }

  @Test
  void emptyTableIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> fit(List.of(), EncodingOptions.defaults()));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }

  @Test
  void nanAndInfinityNameTheColumn() {
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY}) {
      List<GenericRecord> rows = rows(100, 0, 1.0);
      rows.get(17).put("amount", bad);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> fit(rows, EncodingOptions.defaults()));
      assertTrue(e.getMessage().contains("amount"), e.getMessage());
    }
  }

  @Test
  void unknownColumnInAnOptionIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> fit(rows(100, 0, 1.0),
            EncodingOptions.defaults().withCategoricalColumns(Set.of("agee"))));
    assertTrue(e.getMessage().contains("agee"), e.getMessage());
  }

  @Test
  void singleValueColumnWorks() {
    CtganModel model = fit(rows(200, 42.5, 1.0), EncodingOptions.defaults());
    for (GenericRecord r : model.sample(100, 3L, Map.of())) {
      assertEquals(42.5, (Double) r.get("amount"), 0.0);
    }
  }

  @Test
  void allNullColumnWorks() {
    CtganModel model = fit(rows(200, 0, null), EncodingOptions.defaults());
    for (GenericRecord r : model.sample(100, 3L, Map.of())) {
      assertNull(r.get("lab"));
    }
  }

  @Test
  void sameSeedSameModelSameRows() {
    List<GenericRecord> rows = rows(200, 0, 1.0);
    List<GenericRecord> a = fit(rows, EncodingOptions.defaults()).sample(50, 9L, Map.of());
    List<GenericRecord> b = fit(rows, EncodingOptions.defaults()).sample(50, 9L, Map.of());
    assertEquals(a, b);
  }

  @Test
  void threadCountDoesNotChangeTheModel() {
    List<GenericRecord> rows = rows(400, 0, 1.0);
    // Batches of 200 rows: several blocks of the output heads, which may run on either thread.
    CtganOptions options = FAST.withBatchSize(200).withEpochs(2);
    CtganModel one = new CtganTrainer(options.withThreads(1))
        .fit(SCHEMA, rows, EncodingOptions.defaults(), TrainingListener.NONE);
    CtganModel two = new CtganTrainer(options.withThreads(2))
        .fit(SCHEMA, rows, EncodingOptions.defaults(), TrainingListener.NONE);
    assertEquals(one.sample(50, 9L, Map.of()), two.sample(50, 9L, Map.of()));
  }

  @Test
  void conditionalSamplesHaveTheCondition() {
    CtganModel model = fit(rows(300, 0, 1.0), EncodingOptions.defaults());
    List<GenericRecord> xs = model.sample(80, 4L, Map.of("kind", "x"));
    assertEquals(80, xs.size());
    for (GenericRecord r : xs) {
      assertEquals("x", r.get("kind").toString());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model.sample(5, 4L, Map.of("kind", "nope")));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
  }
}
