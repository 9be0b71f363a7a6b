package io.synthbeam.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fit then sample with the real trainer and model bundle, on a small generated table. */
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
    List<String> colours = List.of("red", "green", "blue");
    for (int i = 0; i < 300; i++) {
      String income = random.nextInt(5) == 0 ? "" : String.valueOf(20_000 + random.nextInt(50_000));
      csv.append(18 + random.nextInt(60)).append(',').append(1 + random.nextInt(16)).append(',')
          .append(colours.get(random.nextInt(3))).append(',').append(income).append('\n');
    }
    input = Files.writeString(dir.resolve("people.csv"), csv);
    model = dir.resolve("models/people.zip");
  }

  private CliRun run(String... args) {
    return CliRun.of(new CtganBackend(), args);
  }

  @Test
  void fitThenSampleWritesATableLikeTheInput() throws IOException {
    CliRun fit = run("fit", "-i", input.toString(), "-m", model.toString(), "--epochs", "2",
        "--batch-size", "50", "--threads", "1", "--categorical", "education-num");
    assertEquals(0, fit.code(), fit.toString());
    assertTrue(fit.err().contains("epoch 2/2  critic "), fit.err());
    assertTrue(Files.exists(model));

    Path output = dir.resolve("synthetic.csv");
    CliRun sample = run("sample", "-m", model.toString(), "-n", "120", "-o", output.toString());
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
      assertTrue(COLOURS.contains(cells[2]), line);
      assertTrue(cells[3].isEmpty() || Integer.parseInt(cells[3]) > 0, line);
    }
  }

  @Test
  void sameSeedSameRowsInEveryFormat() throws IOException {
    assertEquals(0, run("fit", "-i", input.toString(), "-m", model.toString(), "--epochs", "1",
        "--batch-size", "50", "-q").code());
    for (String name : List.of("a.csv", "a.csv.gz", "a.avro", "a.parquet")) {
      Path first = dir.resolve("1-" + name);
      Path second = dir.resolve("2-" + name);
      assertEquals(0, run("sample", "-m", model.toString(), "-n", "50", "-o", first.toString(),
          "--seed", "9").code());
      assertEquals(0, run("sample", "-m", model.toString(), "-n", "50", "-o", second.toString(),
          "--seed", "9").code());
      if (name.endsWith(".csv")) {
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), name);
      }
      // Read both with one schema: an inferred CSV schema is named after its file.
      io.synthbeam.io.Table a = io.synthbeam.io.TableFiles.read(first);
      assertEquals(a.records(),
          io.synthbeam.io.TableFiles.read(second, java.util.Optional.of(a.schema())).records(), name);
    }
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
}
