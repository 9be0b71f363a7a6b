package io.synthbeam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.io.Table;
import io.synthbeam.io.TableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCommandTest {
  @TempDir Path dir;
  private final FakeBackend backend = new FakeBackend();
  private Path model;

  private static final Schema OUTPUT = new Schema.Parser().parse("""
      {"type": "record", "name": "adult", "fields": [
        {"name": "age", "type": "int"},
        {"name": "education_num", "type": "int", "synthbeam.csvName": "education-num"},
        {"name": "native_country", "type": ["null", "string"], "default": null,
         "synthbeam.csvName": "native-country"}]}""");

  @BeforeEach
  void setUp() throws IOException {
    model = Files.writeString(dir.resolve("adult.zip"), "fake model");
    backend.sampleResult = new Table(OUTPUT, List.of(
        row(39, 13, "United-States"), row(50, 9, null)));
  }

  @Test
  void writesTheSampledRowsWithTheInputsColumnNames() throws IOException {
    Path output = dir.resolve("out/synthetic.csv");
    CliRun run = CliRun.of(backend, "sample", "--model", model.toString(), "--rows", "2",
        "--output", output.toString(), "--seed", "7");

    assertEquals(0, run.code(), run.toString());
    assertEquals(model, backend.sampledModel);
    assertEquals(2, backend.sampledRows);
    assertEquals(7L, backend.sampledSeed);
    assertEquals(List.of("age,education-num,native-country", "39,13,United-States", "50,9,"),
        Files.readAllLines(output));
    assertTrue(run.err().startsWith("wrote 2 rows to " + output + " in "), run.err());
    assertEquals("", run.out());
  }

  @Test
  void seedDefaultsToOneAndShortNamesWork() {
    Path output = dir.resolve("s.avro");
    CliRun run = CliRun.of(backend, "sample", "-m", model.toString(), "-n", "2",
        "-o", output.toString());
    assertEquals(0, run.code(), run.toString());
    assertEquals(1L, backend.sampledSeed);
  }

  @Test
  void outputFormatFollowsTheExtension() throws IOException {
    Path output = dir.resolve("s.avro");
    CliRun run = CliRun.of(backend, "sample", "-m", model.toString(), "-n", "2",
        "-o", output.toString());
    assertEquals(0, run.code(), run.toString());
    Table back = TableFiles.read(output);
    assertEquals(OUTPUT, back.schema());
    assertEquals(backend.sampleResult.records(), back.records());
  }

  @Test
  void usageErrors() {
    String out = dir.resolve("o.csv").toString();
    assertUsageError(CliRun.of(backend, "sample", "-m", model.toString(), "-n", "0", "-o", out),
        "--rows must be at least 1, not 0");
    assertUsageError(CliRun.of(backend, "sample", "-m", model.toString(), "-n", "x", "-o", out),
        "Invalid value for option '--rows': 'x' is not an int");
    assertUsageError(CliRun.of(backend, "sample", "-m", dir.resolve("no.zip").toString(),
        "-n", "5", "-o", out), "--model: file not found: " + dir.resolve("no.zip"));
    assertUsageError(CliRun.of(backend, "sample", "-m", model.toString(), "-n", "5",
        "-o", dir.resolve("o.txt").toString()), "--output: cannot tell the format of");
    assertUsageError(CliRun.of(backend, "sample", "-m", model.toString(), "-o", out),
        "Missing required option: '--rows=N'");
    assertNull(backend.sampledModel, "the model is never loaded");
    assertFalse(Files.exists(Path.of(out)));
  }

  @Test
  void modelLoadFailureIsOneLineAndWritesNothing() {
    backend.sampleFailure = new IOException(model + " is not a SynthBeam model bundle");
    Path output = dir.resolve("o.csv");
    CliRun run = CliRun.of(backend, "sample", "-m", model.toString(), "-n", "5",
        "-o", output.toString());
    assertEquals(1, run.code(), run.toString());
    assertEquals("synthbeam sample: " + model + " is not a SynthBeam model bundle",
        run.err().strip());
    assertFalse(Files.exists(output));
  }

  private static void assertUsageError(CliRun run, String message) {
    assertEquals(2, run.code(), run.toString());
    assertTrue(run.errLines()[0].startsWith("synthbeam sample: "), run.toString());
    assertTrue(run.errLines()[0].contains(message), run.toString());
  }

  private static GenericRecord row(int age, int educationNum, String country) {
    GenericData.Record record = new GenericData.Record(OUTPUT);
    record.put("age", age);
    record.put("education_num", educationNum);
    record.put("native_country", country);
    return record;
  }
}
