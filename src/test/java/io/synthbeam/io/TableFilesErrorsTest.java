package io.synthbeam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableFilesErrorsTest {
  @TempDir Path dir;

  private static final Schema PEOPLE = new Schema.Parser().parse("""
      {"type": "record", "name": "People", "fields": [
        {"name": "age", "type": "int"},
        {"name": "education_num", "type": "int"},
        {"name": "note", "type": ["null", "string"], "default": null}]}""");

  @Test
  void valueOfTheWrongTypeNamesFileLineAndColumn() throws IOException {
    Path file = write("adult.csv", "age,education-num\n39,13\n\n40,9\nabc,9\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TableFiles.read(file, Optional.of(PEOPLE)));
    assertEquals(file + " line 5, column 'age': 'abc' is not an int", e.getMessage());
  }

  @Test
  void lineNumbersCountLinesInsideQuotedCells() throws IOException {
    Path file = write("t.csv", "note,age,education_num\n\"two\nlines\",1,2\nx,1,2.5\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TableFiles.read(file, Optional.of(PEOPLE)));
    assertTrue(e.getMessage().startsWith(file + " line 4, column 'education_num': '2.5'"),
        e.getMessage());
  }

  @Test
  void enumValueOutsideTheSymbolsListsThem() throws IOException {
    Schema schema = new Schema.Parser().parse("""
        {"type": "record", "name": "R", "fields": [{"name": "c", "type":
          {"type": "enum", "name": "Color", "symbols": ["RED", "GREEN"]}}]}""");
    Path file = write("t.csv", "c\nRED\nPINK\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TableFiles.read(file, Optional.of(schema)));
    assertEquals(file + " line 3, column 'c': 'PINK' is not an enum symbol of Color [RED, GREEN]",
        e.getMessage());
  }

  @Test
  void emptyCellOfANonNullableNumberIsAnError() throws IOException {
    Path file = write("t.csv", "age,education_num\n,3\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TableFiles.read(file, Optional.of(PEOPLE)));
    assertTrue(e.getMessage().startsWith(file + " line 2, column 'age': the cell is empty"),
        e.getMessage());
  }

  @Test
  void schemaFieldMissingFromTheCsvIsNamedUnlessItHasADefault() throws IOException {
    Path missing = write("m.csv", "age\n1\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TableFiles.read(missing, Optional.of(PEOPLE)));
    // note is absent too but has a default, so only education_num is named.
    assertTrue(e.getMessage().contains("lacks the column(s) 'education_num' of the schema"),
        e.getMessage());

    Path withoutNote = write("n.csv", "age,education-num\n1,2\n");
    GenericRecord row = TableFiles.read(withoutNote, Optional.of(PEOPLE)).records().get(0);
    assertNull(row.get("note"));
    assertEquals(2, row.get("education_num"));
  }

  @Test
  void extraCsvColumnsAreNamed() throws IOException {
    Path file = write("x.csv", "age,education_num,shoe-size,hat\n1,2,3,4\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TableFiles.read(file, Optional.of(PEOPLE)));
    assertTrue(e.getMessage().contains("column(s) 'shoe-size', 'hat'"), e.getMessage());
  }

  @Test
  void givenSchemaMatchedBySanitizedNameGetsTheCsvNameForOutput() throws IOException {
    Path file = write("in.csv", "education-num,age\n13,39\n");
    Table table = TableFiles.read(file, Optional.of(PEOPLE));
    assertEquals("education-num", table.schema().getField("education_num")
        .getProp(CsvColumnNames.CSV_NAME_PROPERTY));
    assertEquals(39, table.records().get(0).get("age"));
    Path out = dir.resolve("out.csv");
    TableFiles.write(out, table.schema(), table.records());
    assertEquals(List.of("age,education-num,note", "39,13,"), Files.readAllLines(out));
  }

  @Test
  void fieldTypeCsvCannotHoldIsNamed() throws IOException {
    Schema schema = new Schema.Parser().parse("""
        {"type": "record", "name": "R", "fields": [
          {"name": "tags", "type": {"type": "array", "items": "string"}}]}""");
    Path file = write("t.csv", "tags\na\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TableFiles.read(file, Optional.of(schema)));
    assertTrue(e.getMessage().startsWith("field 'tags' has type"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> TableFiles.write(dir.resolve("o.csv"), schema, List.of()));
  }

  @Test
  void rowWithTheWrongNumberOfCellsIsNamed() throws IOException {
    Path file = write("t.csv", "a,b\n1,2\n3\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TableFiles.read(file));
    assertTrue(e.getMessage().startsWith(file + " line 3: 1 cells, but the header has 2"),
        e.getMessage());
  }

  @Test
  void badHeaderRowsAreNamed() throws IOException {
    Path empty = write("empty.csv", "");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> TableFiles.read(empty))
        .getMessage().contains("is empty"));
    Path duplicate = write("dup.csv", "a,b,a\n1,2,3\n");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> TableFiles.read(duplicate))
        .getMessage().contains("names column 'a' twice"));
    Path blank = write("blank.csv", "a,,c\n1,2,3\n");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> TableFiles.read(blank))
        .getMessage().contains("column 2 of the header row has no name"));
  }

  @Test
  void unclosedQuoteIsACsvError() throws IOException {
    Path file = write("q.csv", "a,b\n1,\"open\n2,3\n");
    IOException e = assertThrows(IOException.class, () -> TableFiles.read(file));
    assertTrue(e.getMessage().startsWith(file + " near line 2 is not valid CSV"), e.getMessage());
  }

  @Test
  void missingFileIsNamed() {
    Path file = dir.resolve("nope.csv");
    FileNotFoundException e =
        assertThrows(FileNotFoundException.class, () -> TableFiles.read(file));
    assertEquals("input file not found: " + file, e.getMessage());
  }

  @Test
  void folderIsNotATableFile() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("t.csv"));
    IOException e = assertThrows(IOException.class, () -> TableFiles.read(folder));
    assertTrue(e.getMessage().contains("it is a folder"), e.getMessage());
  }

  @Test
  void unknownExtensionIsRefusedForReadAndWrite() {
    IllegalArgumentException read = assertThrows(IllegalArgumentException.class,
        () -> TableFiles.read(dir.resolve("t.xlsx")));
    assertTrue(read.getMessage().contains(".csv, .csv.gz, .avro, .parquet"));
    assertThrows(IllegalArgumentException.class,
        () -> TableFiles.write(dir.resolve("t.json"), PEOPLE, List.of()));
  }

  @Test
  void binaryFileNamedCsvIsRefused() throws IOException {
    Path avro = dir.resolve("real.avro");
    TableFiles.write(avro, SampleTables.allTypesSchema(), SampleTables.allTypesRecords());
    Path file = dir.resolve("looks.csv");
    Files.copy(avro, file);
    IOException e = assertThrows(IOException.class, () -> TableFiles.read(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("binary"), e.getMessage());
  }

  @Test
  void plainFileNamedCsvGzIsRefused() throws IOException {
    Path file = write("plain.csv.gz", "a,b\n1,2\n");
    IOException e = assertThrows(IOException.class, () -> TableFiles.read(file));
    assertTrue(e.getMessage().startsWith(file + " is not a gzip file"), e.getMessage());
  }

  @Test
  void truncatedCsvGzIsRefused() throws IOException {
    Path whole = dir.resolve("whole.csv.gz");
    TableFiles.write(whole, SampleTables.allTypesSchema(), SampleTables.allTypesRecords());
    Path file = truncatedCopy(whole, "cut.csv.gz");
    IOException e = assertThrows(IOException.class, () -> TableFiles.read(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"t.avro", "t.parquet"})
  void truncatedAvroOrParquetIsRefused(String fileName) throws IOException {
    TableFilesRoundTripTest.assumeParquetWorks(fileName);
    Path whole = dir.resolve(fileName);
    TableFiles.write(whole, SampleTables.allTypesSchema(), SampleTables.allTypesRecords());
    Path file = truncatedCopy(whole, "cut-" + fileName);
    IOException e = assertThrows(IOException.class, () -> TableFiles.read(file));
    assertTrue(e.getMessage().startsWith(file + " is not a readable"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"t.avro", "t.parquet"})
  void textFileNamedAvroOrParquetIsRefused(String fileName) throws IOException {
    TableFilesRoundTripTest.assumeParquetWorks(fileName);
    Path file = write(fileName, "a,b\n1,2\n");
    IOException e = assertThrows(IOException.class, () -> TableFiles.read(file));
    assertTrue(e.getMessage().startsWith(file + " is not a readable"), e.getMessage());
  }

  @Test
  void outputFolderThatCannotBeCreatedIsNamed() throws IOException {
    Path notAFolder = write("file.txt", "x");
    Path target = notAFolder.resolve("out.csv");
    IOException e = assertThrows(IOException.class,
        () -> TableFiles.write(target, PEOPLE, List.of()));
    assertTrue(e.getMessage().contains("cannot create the output folder " + notAFolder),
        e.getMessage());
  }

  @Test
  void outputFolderWithoutWritePermissionIsNamed() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("locked"));
    assertTrue(folder.toFile().setWritable(false, false));
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(folder),
          "running as root: permissions are not enforced");
      IOException e = assertThrows(IOException.class,
          () -> TableFiles.write(folder.resolve("o.csv"), PEOPLE, List.of()));
      assertTrue(e.getMessage().contains(folder + " is not writable"), e.getMessage());
    } finally {
      folder.toFile().setWritable(true, false);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"o.csv", "o.csv.gz", "o.avro", "o.parquet"})
  void failedWriteLeavesNoFileAndKeepsTheOldOne(String fileName) throws IOException {
    TableFilesRoundTripTest.assumeParquetWorks(fileName);
    Schema schema = SampleTables.allTypesSchema();
    List<GenericRecord> good = SampleTables.allTypesRecords();
    Path target = dir.resolve(fileName);
    TableFiles.write(target, schema, good);
    byte[] before = Files.readAllBytes(target);

    // The second row lacks a non-nullable value: the write fails after the first row went out.
    GenericRecord bad = SampleTables.row(schema, 5, 5L, 5f, null, null, null, null, null, null,
        0L, null, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TableFiles.write(target, schema, List.of(good.get(0), bad)));
    assertTrue(e.getMessage().startsWith("cannot write " + target), e.getMessage());

    assertTrue(Arrays.equals(before, Files.readAllBytes(target)), "old file untouched");
    try (var files = Files.list(dir)) {
      assertEquals(List.of(fileName), files.map(p -> p.getFileName().toString()).toList());
    }
    Path fresh = dir.resolve("fresh-" + fileName);
    assertThrows(IllegalArgumentException.class,
        () -> TableFiles.write(fresh, schema, List.of(bad)));
    assertFalse(Files.exists(fresh));
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private Path truncatedCopy(Path whole, String name) throws IOException {
    byte[] bytes = Files.readAllBytes(whole);
    return Files.write(dir.resolve(name), Arrays.copyOf(bytes, bytes.length * 2 / 3));
  }
}
