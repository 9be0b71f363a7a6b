package io.synthbeam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableFilesRoundTripTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"t.csv", "t.csv.gz", "t.avro", "t.parquet"})
  void recordsComeBackEqual(String fileName) throws IOException {
    assumeParquetWorks(fileName);
    Schema schema = SampleTables.allTypesSchema();
    List<GenericRecord> rows = SampleTables.allTypesRecords();
    Path file = dir.resolve(fileName);

    TableFiles.write(file, schema, rows);
    Table table = TableFiles.read(file, Optional.of(schema));

    assertEquals(schema, table.schema());
    assertEquals(rows, table.records());
    assertEquals(List.of(fileName), listDir(), "no temporary files left behind");
  }

  @ParameterizedTest
  @ValueSource(strings = {"t.csv", "t.avro", "t.parquet"})
  void emptyTableKeepsItsSchema(String fileName) throws IOException {
    assumeParquetWorks(fileName);
    Schema schema = SampleTables.allTypesSchema();
    Path file = dir.resolve(fileName);
    TableFiles.write(file, schema, List.of());
    Table table = TableFiles.read(file, Optional.of(schema));
    assertEquals(schema, table.schema());
    assertEquals(List.of(), table.records());
  }

  @ParameterizedTest
  @ValueSource(strings = {"t.avro", "t.parquet"})
  void avroAndParquetCarryTheirSchemaIncludingCsvNames(String fileName) throws IOException {
    assumeParquetWorks(fileName);
    Schema schema = SampleTables.allTypesSchema();
    Path file = dir.resolve(fileName);
    TableFiles.write(file, schema, SampleTables.allTypesRecords());
    // Read without a schema, then write as CSV: the header keeps the CSV name.
    Table table = TableFiles.read(file);
    assertEquals(schema, table.schema());
    Path csv = dir.resolve("back.csv");
    TableFiles.write(csv, table.schema(), table.records());
    assertEquals("id,big,ratio,score,flag,name,code,color,day,at,at_micros,education-num",
        Files.readAllLines(csv).get(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"out.csv", "out.avro", "out.parquet"})
  void writeReplacesAnExistingFile(String fileName) throws IOException {
    assumeParquetWorks(fileName);
    Schema schema = SampleTables.allTypesSchema();
    List<GenericRecord> rows = SampleTables.allTypesRecords();
    Path file = dir.resolve(fileName);
    TableFiles.write(file, schema, rows);
    TableFiles.write(file, schema, rows.subList(0, 1));
    assertEquals(rows.subList(0, 1), TableFiles.read(file, Optional.of(schema)).records());
  }

  @ParameterizedTest
  @ValueSource(strings = {"nested/deeper/t.csv", "nested/deeper/t.avro"})
  void writeCreatesMissingFolders(String fileName) throws IOException {
    Path file = dir.resolve(fileName);
    TableFiles.write(file, SampleTables.allTypesSchema(), SampleTables.allTypesRecords());
    assertEquals(3, TableFiles.read(file, Optional.of(SampleTables.allTypesSchema()))
        .records().size());
  }

  private List<String> listDir() throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  static void assumeParquetWorks(String fileName) {
    if (fileName.endsWith(".parquet")) {
      assumeTrue(ParquetAvailability.available(), ParquetAvailability.REASON);
    }
  }
}
