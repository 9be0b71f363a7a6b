package io.synthbeam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.io.Table;
import io.synthbeam.io.TableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands with the real backend: Beam pipelines, the trainer and the model bundle. */
class CliEndToEndTest {
  private static final String HEADER = "age,education-num,colour,income";
  private static final Set<String> COLOURS = Set.of("red", "green", "blue");

  @TempDir Path dir;
  private Path input;
  private Path model;

  @BeforeEach
  void writeInput() throws IOException {
    Random random = new Random(3);
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 300; i++) {
      String income = random.nextInt(5) == 0 ? "" : String.valueOf(20_000 + random.nextInt(50_000));
      // blue is the rare colour: 1 row in 10
      String colour = i % 10 == 0 ? "blue" : random.nextBoolean() ? "red" : "green";
      csv.append(18 + random.nextInt(60)).append(',').append(1 + random.nextInt(16)).append(',')
          .append(colour).append(',').append(income).append('\n');
    }
    input = Files.writeString(dir.resolve("people.csv"), csv);
    model = dir.resolve("models/people.zip");
  }

  private CliRun run(String... args) {
    return CliRun.of(new BeamBackend(), args);
  }

  @Test
  void fitThenSampleWritesATableLikeTheInput() throws IOException {
    CliRun fit = run("fit", "-i", input.toString(), "-m", model.toString(), "--epochs", "2",
        "--batch-size", "50", "--threads", "1", "--categorical", "education-num");
    assertEquals(0, fit.code(), fit.toString());
    assertTrue(fit.err().contains("\nepoch 2/2  critic "), fit.err());
    assertTrue(fit.errLines()[fit.errLines().length - 1].startsWith(
        "fitted 2 epochs on 300 rows in "), fit.err());
    assertTrue(Files.exists(model));

    Path output = dir.resolve("synthetic.csv");
    CliRun sample = run("sample", "-m", model.toString(), "-n", "120", "-o", output.toString(),
        "--condition", "colour=blue");
    assertEquals(0, sample.code(), sample.toString());
    List<String> lines = Files.readAllLines(output);
    assertEquals(HEADER, lines.get(0));
    assertEquals(121, lines.size());
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      assertEquals(4, cells.length, line);
      Integer.parseInt(cells[0]);
      int educationNum = Integer.parseInt(cells[1]);
      assertTrue(educationNum >= 1 && educationNum <= 16, line);
      assertEquals("blue", cells[2], line);
      assertTrue(cells[3].isEmpty() || Integer.parseInt(cells[3]) > 0, line);
    }
  }

  @Test
  void sameSeedSameRowsInEveryFormat() throws IOException {
    assertEquals(0, run("fit", "-i", input.toString(), "-m", model.toString(), "--epochs", "1",
        "--batch-size", "50", "-q").code());
    List<String> first = null;
    for (String name : List.of("a.csv", "a.csv.gz", "a.avro", "a.parquet")) {
      Path file = dir.resolve(name);
      CliRun sample = run("sample", "-m", model.toString(), "-n", "50", "-o", file.toString(),
          "--seed", "9", "-q");
      assertEquals(0, sample.code(), sample.toString());
      List<String> rows = sortedRows(file);
      assertEquals(50, rows.size(), name);
      if (first == null) {
        first = rows;
      }
      assertEquals(first, rows, name);
    }
    Path other = dir.resolve("other-seed.csv");
    assertEquals(0, run("sample", "-m", model.toString(), "-n", "50", "-o", other.toString(),
        "--seed", "10", "-q").code());
    assertNotEquals(first, sortedRows(other));
  }

  @Test
  void synthesizeOnTheEmbeddedFlinkClusterAndRebalanceOnTheDirectRunner() throws IOException {
    Path synthetic = dir.resolve("out/synthetic.parquet");
    CliRun synthesize = run("synthesize", "-i", input.toString(), "-o", synthetic.toString(),
        "--epochs", "1", "--batch-size", "50", "--runner", "FlinkRunner", "--parallelism", "2",
        "-q");
    assertEquals(0, synthesize.code(), synthesize.toString());
    assertTrue(synthesize.err().startsWith("wrote 300 synthetic rows to " + synthetic),
        synthesize.err());
    assertEquals(300, TableFiles.read(synthetic).records().size());

    Path rebalanced = dir.resolve("out/rebalanced.csv");
    CliRun rebalance = run("rebalance", "-i", input.toString(), "--label", "colour",
        "--share", "blue=0.3", "-o", rebalanced.toString(), "--epochs", "1", "--batch-size",
        "50", "-q");
    assertEquals(0, rebalance.code(), rebalance.toString());
    // T = 270 / 0.7 = 385.7: blue 30 -> 116 (86 added).
    assertTrue(rebalance.err().contains("  blue    30 -> 116  (30.1%)\n"),
        rebalance.err());
    assertTrue(rebalance.err().contains("wrote 386 rows (300 real + 86 synthetic) to "),
        rebalance.err());
    Table table = TableFiles.read(rebalanced);
    assertEquals(386, table.records().size());
    assertEquals(116, table.records().stream()
        .filter(r -> r.get("colour").toString().equals("blue")).count());
  }

  @Test
  void unknownCategoricalColumnIsOneClearError() {
    CliRun fit = run("fit", "-i", input.toString(), "-m", model.toString(), "--epochs", "1",
        "--categorical", "nope", "-q");
    assertEquals(1, fit.code(), fit.toString());
    assertEquals(1, fit.errLines().length, fit.err());
    assertTrue(fit.err().contains("nope"), fit.err());
    assertFalse(Files.exists(model));
  }

  @Test
  void badDataFailsTheRunNamingFileLineAndColumn() throws IOException {
    Path schema = Files.writeString(dir.resolve("s.avsc"), """
        {"type": "record", "name": "S", "fields": [
          {"name": "age", "type": "int"}, {"name": "education_num", "type": "int"},
          {"name": "colour", "type": "string"},
          {"name": "income", "type": ["null", "int"], "default": null}]}""");
    Files.writeString(input, HEADER + "\n39,13,red,1\nabc,1,blue,\n");
    CliRun fit = run("fit", "-i", input.toString(), "--schema", schema.toString(),
        "-m", model.toString(), "--epochs", "1", "-q");
    assertEquals(1, fit.code(), fit.toString());
    assertEquals("synthbeam fit: " + input + " line 3, column 'age': 'abc' is not an int",
        fit.err().strip());
    assertFalse(Files.exists(model));
  }

  private static List<String> sortedRows(Path file) throws IOException {
    // One schema for every format: an inferred CSV schema is named after its file.
    Table table = TableFiles.read(file);
    return table.records().stream().map(r -> {
      StringBuilder row = new StringBuilder();
      table.schema().getFields().forEach(f -> row.append(r.get(f.name())).append('|'));
      return row.toString();
    }).sorted().toList();
  }

}
