package io.synthbeam.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;

/**
 * Whether Parquet files can be written on this classpath. parquet-avro 1.15 needs
 * parquet-hadoop/-column/-common of the same version; the skeleton's pom lets Beam pull 1.13.1,
 * which fails with NoClassDefFoundError. Parquet tests are skipped (not failed) until the pom pins
 * one Parquet version; this check then passes and they run.
 */
final class ParquetAvailability {
  static final String REASON = "Parquet classes are inconsistent on the test classpath: pin all "
      + "org.apache.parquet artifacts to parquet-avro's version in the pom";
  private static Boolean available;

  private ParquetAvailability() {}

  static synchronized boolean available() {
    if (available == null) {
      available = probe();
    }
    return available;
  }

  private static boolean probe() {
    try {
      Path dir = Files.createTempDirectory("parquet-probe");
      Schema schema = SchemaBuilder.record("P").fields().requiredInt("x").endRecord();
      GenericData.Record record = new GenericData.Record(schema);
      record.put(0, 1);
      Path file = dir.resolve("p.parquet");
      TableFiles.write(file, schema, List.of(record));
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
      return true;
    } catch (IllegalStateException | LinkageError e) {
      return false;
    } catch (Exception e) {
      throw new AssertionError("Parquet probe failed unexpectedly", e);
    }
  }
}
