package io.synthbeam.beam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.io.Table;
import io.synthbeam.io.TableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TableIO on the DirectRunner: every format read and written, names kept, errors named. */
class TableIOTest {
  private static final Schema SCHEMA = new Schema.Parser().parse("""
      {"type": "record", "name": "T", "fields": [
        {"name": "id", "type": "long"},
        {"name": "score", "type": ["null", "double"], "default": null},
        {"name": "day", "type": {"type": "int", "logicalType": "date"}},
        {"name": "city_name", "type": "string", "synthbeam.csvName": "city-name"},
        {"name": "ok", "type": "boolean"}]}""");
  private static final List<String> FORMATS = List.of("csv", "csv.gz", "avro", "parquet");

  @TempDir Path dir;

  private static List<GenericRecord> records() {
    Random random = new Random(5);
    List<GenericRecord> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      GenericData.Record r = new GenericData.Record(SCHEMA);
      r.put("id", (long) i);
      r.put("score", i % 7 == 0 ? null : random.nextGaussian());
      r.put("day", 19_000 + random.nextInt(100));
      r.put("city_name", i % 11 == 0 ? "Saint-Étienne, \"old\"" : "Lyon");
      r.put("ok", random.nextBoolean());
      rows.add(r);
    }
    return rows;
  }

  private static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
  }

  private static void run(Pipeline p) {
    assertEquals(PipelineResult.State.DONE, p.run().waitUntilFinish());
  }

  private static List<String> sortedJson(List<GenericRecord> records) {
    return records.stream().map(Object::toString).sorted().toList();
  }

  @Test
  void writesOneFileOfEachFormatThatReadsBackTheSame() throws IOException {
    Pipeline p = pipeline();
    var input = p.apply(Create.of(records()).withCoder(AvroCoder.of(SCHEMA)));
    for (String ext : FORMATS) {
      input.apply("Write " + ext, TableIO.write(dir.resolve("out/t." + ext).toString()));
    }
    run(p);

    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
      assertEquals(List.of("t.avro", "t.csv", "t.csv.gz", "t.parquet"),
          files.map(f -> f.getFileName().toString()).sorted().toList(), "no shards, no temp");
    }
    List<String> expected = sortedJson(records());
    for (String ext : FORMATS) {
      Table back = TableFiles.read(dir.resolve("out/t." + ext), Optional.of(SCHEMA));
      assertEquals(expected, sortedJson(back.records()), ext);
    }
    List<String> csv = Files.readAllLines(dir.resolve("out/t.csv"));
    assertEquals("id,score,day,city-name,ok", csv.get(0));
    assertEquals(301, csv.size());
  }

  @Test
  void readsEachFormatWithItsSchema() throws IOException {
    Pipeline p = pipeline();
    for (String ext : FORMATS) {
      Path file = dir.resolve("in." + ext);
      TableFiles.write(file, SCHEMA, records());
      TableIO.Read read = TableIO.read(file.toString());
      assertEquals(SCHEMA.getFields().stream().map(Schema.Field::name).toList(),
          read.getSchema().getFields().stream().map(Schema.Field::name).toList(), ext);
      assertEquals("city-name", read.getSchema().getField("city_name")
          .getObjectProp("synthbeam.csvName"), ext);
      p.apply("Read " + ext, read)
          .apply("Copy " + ext, TableIO.write(dir.resolve("copy-" + ext + ".avro").toString()));
    }
    run(p);
    for (String ext : FORMATS) {
      assertEquals(sortedJson(TableFiles.read(dir.resolve("in." + ext)).records()),
          sortedJson(TableFiles.read(dir.resolve("copy-" + ext + ".avro")).records()), ext);
    }
  }

  @Test
  void csvWithAGivenSchemaKeepsTheHeaderNames() throws IOException {
    Path csv = Files.writeString(dir.resolve("people.csv"), "full name,age\nAda,36\nAlan,41\n");
    Schema given = new Schema.Parser().parse("""
        {"type": "record", "name": "P", "fields": [
          {"name": "full_name", "type": "string"}, {"name": "age", "type": "long"}]}""");
    TableIO.Read read = TableIO.read(csv.toString(), given);
    assertEquals("full name", read.getSchema().getField("full_name")
        .getObjectProp("synthbeam.csvName"));

    Pipeline p = pipeline();
    Path out = dir.resolve("again.csv");
    p.apply(read).apply(TableIO.write(out.toString()));
    run(p);
    List<String> lines = Files.readAllLines(out);
    assertEquals("full name,age", lines.get(0));
    assertEquals(List.of("Ada,36", "Alan,41"), lines.subList(1, 3).stream().sorted().toList());
  }

  @Test
  void badCsvDataFailsTheRunNamingFileLineAndColumn() throws IOException {
    Path csv = Files.writeString(dir.resolve("bad.csv"), "age\n3\nabc\n");
    Schema given = new Schema.Parser().parse("""
        {"type": "record", "name": "P", "fields": [{"name": "age", "type": "int"}]}""");
    Pipeline p = pipeline();
    p.apply(TableIO.read(csv.toString(), given)).apply(TableIO.write(
        dir.resolve("o.avro").toString()));
    Exception e = assertThrows(Exception.class, () -> run(p));
    assertTrue(e.getMessage().contains(csv + " line 3, column 'age': 'abc' is not an int"),
        e.getMessage());
  }

  @Test
  void missingInputUnknownExtensionAndUnwritableOutputAreNamed() throws IOException {
    Path missing = dir.resolve("missing.parquet");
    UncheckedIOException notFound = assertThrows(UncheckedIOException.class,
        () -> TableIO.read(missing.toString()));
    assertEquals("input file not found: " + missing, notFound.getMessage());

    IllegalArgumentException extension = assertThrows(IllegalArgumentException.class,
        () -> TableIO.read(dir.resolve("t.xlsx").toString()));
    assertTrue(extension.getMessage().contains("t.xlsx"), extension.getMessage());

    Path blocker = Files.writeString(dir.resolve("blocker"), "x");
    UncheckedIOException unwritable = assertThrows(UncheckedIOException.class,
        () -> TableIO.write(blocker.resolve("out.csv").toString()));
    assertTrue(unwritable.getMessage().contains(blocker.toString()), unwritable.getMessage());

    Path notParquet = Files.writeString(dir.resolve("fake.parquet"), "not parquet");
    UncheckedIOException damaged = assertThrows(UncheckedIOException.class,
        () -> TableIO.read(notParquet.toString()));
    assertTrue(damaged.getMessage().contains("fake.parquet is not a readable Parquet file"),
        damaged.getMessage());
  }
}
