package io.synthbeam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quality gates and differential privacy through the real backend. */
class GatesAndPrivacyEndToEndTest {
  @TempDir Path dir;

  /** {@code rows} rows of people: age, education-num, a colour (blue rare) and income. */
  private Path people(String name, int rows, long seed) throws IOException {
    Random random = new Random(seed);
    StringBuilder csv = new StringBuilder("age,education-num,colour,income\n");
    for (int i = 0; i < rows; i++) {
      String colour = i % 10 == 0 ? "blue" : random.nextBoolean() ? "red" : "green";
      csv.append(18 + random.nextInt(60)).append(',').append(1 + random.nextInt(16)).append(',')
          .append(colour).append(',').append(20_000 + random.nextInt(50_000)).append('\n');
    }
    return Files.writeString(dir.resolve(name), csv);
  }

  private static CliRun run(String... args) {
    return CliRun.of(new BeamBackend(), args);
  }

  @Test
  void aFailedGateLeavesNoOutputAndQuarantinesTheTable() throws IOException {
    Path input = people("people.csv", 300, 3);
    Path holdout = people("holdout.csv", 150, 4);
    Path out = dir.resolve("out/synthetic.csv");
    Path json = dir.resolve("out/report.json");
    CliRun run = run("synthesize", "-i", input.toString(), "-o", out.toString(), "-n", "120",
        "--epochs", "1", "--batch-size", "50", "--threads", "1", "--holdout",
        holdout.toString(), "--target", "colour", "--min-utility", "5", "--quarantine",
        "--json", json.toString());

    assertEquals(ValidateCommand.GATE_FAILED, run.code(), run.toString());
    assertTrue(run.err().contains("quality gate failed: utility "), run.toString());
    assertFalse(Files.exists(out), "a table below its gates is not written to the output");
    Path quarantined = dir.resolve("out/synthetic.quarantine.csv");
    assertEquals(121, Files.readAllLines(quarantined).size());
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertFalse(report.path("gates").path("passed").asBoolean());
    assertTrue(report.path("privacy_guarantee").isNull());
    try (Stream<Path> left = Files.list(dir.resolve("out"))) {
      assertEquals(List.of("report.json", "synthetic.quarantine.csv"),
          left.map(p -> p.getFileName().toString()).sorted().toList(),
          "the staging folder is gone");
    }
  }

  @Test
  void aPrivateFitStatesItsGuaranteeAndValidateReportsIt() throws IOException {
    // The encoder's share of epsilon needs enough rows per range bin to release a range.
    Path input = people("people.csv", 1_000, 3);
    Path model = dir.resolve("people.zip");
    CliRun fit = run("fit", "-i", input.toString(), "-m", model.toString(), "--epochs", "1",
        "--batch-size", "100", "--threads", "1", "--epsilon", "8");
    assertEquals(0, fit.code(), fit.toString());
    String last = fit.errLines()[fit.errLines().length - 1];
    Matcher spent = Pattern.compile("^privacy: \\(ε=([0-9.]+), δ=1e-05\\)-DP spent of ε=8 "
        + "\\(training .*steps=10; encoder ε=[0-9.]+ at δ=[0-9.e-]+\\)$").matcher(last);
    assertTrue(spent.matches(), fit.toString());
    assertTrue(Double.parseDouble(spent.group(1)) <= 8, last);

    Path json = dir.resolve("report.json");
    CliRun validate = run("validate", "--real", input.toString(), "--holdout",
        people("holdout.csv", 150, 4).toString(), "--synthetic",
        people("other.csv", 150, 5).toString(), "--target", "colour", "--model",
        model.toString(), "--json", json.toString(), "--threads", "2");
    assertEquals(0, validate.code(), validate.toString());
    assertTrue(validate.out().contains("privacy guarantee: (ε = "), validate.toString());
    JsonNode guarantee = new ObjectMapper().readTree(json.toFile()).path("privacy_guarantee");
    assertEquals(Double.parseDouble(spent.group(1)), guarantee.path("epsilon").asDouble(), 0.01,
        guarantee.toString());
    assertEquals(10, guarantee.path("steps").asInt(), guarantee.toString());
    assertEquals(1e-5, guarantee.path("delta").asDouble(), 1e-12);
  }

  @Test
  void aPrivateRebalanceStatesItsGuaranteeAndLeavesNoModelBehind() throws IOException {
    Path input = people("people.csv", 1_000, 3);
    Path out = dir.resolve("out/rebalanced.csv");
    CliRun run = run("rebalance", "-i", input.toString(), "-o", out.toString(), "--label",
        "colour", "--balanced", "--epochs", "1", "--batch-size", "100", "--threads", "1",
        "--epsilon", "8");
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.err().contains("\nprivacy: (ε="), run.toString());
    assertTrue(run.err().contains("steps=10;"), run.toString());
    try (Stream<Path> left = Files.list(dir.resolve("out"))) {
      assertEquals(List.of("rebalanced.csv"), left.map(p -> p.getFileName().toString()).toList(),
          "the bundle read for the guarantee is removed");
    }
  }
}
