package io.synthbeam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileFormatTest {

  @Test
  void recognisesEachExtensionIgnoringCase() {
    assertEquals(FileFormat.CSV, FileFormat.of(Path.of("dir/t.csv")));
    assertEquals(FileFormat.CSV_GZ, FileFormat.of(Path.of("t.CSV.GZ")));
    assertEquals(FileFormat.AVRO, FileFormat.of(Path.of("/a/b/t.avro")));
    assertEquals(FileFormat.PARQUET, FileFormat.of(Path.of("t.Parquet")));
    assertTrue(FileFormat.CSV_GZ.isCsv());
    assertFalse(FileFormat.AVRO.isCsv());
  }

  @Test
  void unknownExtensionNamesTheFileAndTheSupportedOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FileFormat.of(Path.of("t.xlsx")));
    assertTrue(e.getMessage().contains("t.xlsx"), e.getMessage());
    assertTrue(e.getMessage().contains(".csv, .csv.gz, .avro, .parquet"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FileFormat.of(Path.of("t.gz")));
    assertThrows(IllegalArgumentException.class, () -> FileFormat.of(Path.of(".csv")));
  }
}
