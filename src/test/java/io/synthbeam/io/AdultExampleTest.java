package io.synthbeam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The shipped example data and its schema stay consistent with the CSV reader. */
class AdultExampleTest {
  private static final Path TRAIN = Path.of("examples/adult/train.csv.gz");
  private static final Path TEST = Path.of("examples/adult/test.csv.gz");
  private static final Path SCHEMA = Path.of("schemas/adult.avsc");

  @Test
  void inferredSchemaHasTheFieldsOfSchemasAdultAvsc() throws IOException {
    Schema shipped = new Schema.Parser().parse(SCHEMA.toFile());
    Schema inferred = TableFiles.schemaOf(TRAIN);
    assertEquals(shipped.getFields(), inferred.getFields());
  }

  @Test
  void bothPartsReadWithTheShippedSchema() throws IOException {
    Schema shipped = new Schema.Parser().parse(SCHEMA.toFile());
    assertEquals(32_561, TableFiles.read(TRAIN, Optional.of(shipped)).records().size());
    assertEquals(16_281, TableFiles.read(TEST, Optional.of(shipped)).records().size());
  }
}
