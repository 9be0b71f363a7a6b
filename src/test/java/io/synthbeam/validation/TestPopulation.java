package io.synthbeam.validation;

import java.util.List;
import org.apache.avro.generic.GenericRecord;

/** {@link Population} for tests in other packages. */
public final class TestPopulation {
  private TestPopulation() {}

  public static List<GenericRecord> draw(int n, long seed) {
    return Population.draw(n, seed);
  }

  public static List<GenericRecord> shuffledColumns(List<GenericRecord> rows, long seed) {
    return Population.shuffledColumns(rows, seed);
  }

  public static ValidationColumns columns() {
    return Population.columns();
  }

  public static org.apache.avro.Schema schema() {
    return Population.SCHEMA;
  }
}
