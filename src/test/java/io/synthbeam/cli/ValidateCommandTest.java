package io.synthbeam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthbeam.io.TableFiles;
import io.synthbeam.validation.TestPopulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synthbeam validate} on small CSV files written by the test. */
class ValidateCommandTest {
  @TempDir static Path dir;
  private static Path train;
  private static Path holdout;
  private static Path fresh;
  private static Path copy;
  private static List<GenericRecord> trainRows;

  @BeforeAll
  static void writeTables() throws IOException {
    trainRows = TestPopulation.draw(400, 31);
    train = write("train.csv", trainRows);
    holdout = write("holdout.csv", TestPopulation.draw(200, 32));
    fresh = write("fresh.csv.gz", TestPopulation.draw(400, 33));
    copy = write("copy.avro", trainRows);
  }

  private static Path write(String name, List<GenericRecord> rows) throws IOException {
    Path path = dir.resolve(name);
    TableFiles.write(path, TestPopulation.schema(), rows);
    return path;
  }

  private static CliRun validate(Path synthetic, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("validate", "--real", train.toString(),
        "--holdout", holdout.toString(), "--synthetic", synthetic.toString(), "--threads", "2"));
    args.addAll(List.of(extra));
    return CliRun.of(new FakeBackend(), args.toArray(String[]::new));
  }

  @Test
  void printsTheSummaryAndWritesBothReports() throws IOException {
    Path json = dir.resolve("out/fresh.json");
    Path html = dir.resolve("out/fresh.html");
    CliRun run = validate(fresh, "--target", "income", "--json", json.toString(), "--report",
        html.toString(), "--min-utility", "0.7");

    assertEquals(0, run.code(), run.toString());
    String[] lines = run.out().split("\n");
    assertEquals("rows: 400 real training, 200 holdout, 400 synthetic", lines[0]);
    assertTrue(lines[1].startsWith("fidelity: shapes 0."), lines[1]);
    assertTrue(run.out().contains("utility xgboost (macro_f1): TSTR "), run.out());
    assertTrue(run.out().contains("privacy: DCR share "), run.out());
    assertTrue(lines[lines.length - 1].startsWith("PASS: utility "), run.out());
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertEquals(400, report.get("rows").asInt());
    assertTrue(report.path("gates").path("passed").asBoolean());
    assertTrue(Files.readString(html).contains("data-chart=\"heatmap-real\""));
  }

  @Test
  void exitsThreeWhenAGateFails() {
    CliRun run = validate(copy, "--target", "income", "--max-dcr-excess", "0.05");

    assertEquals(ValidateCommand.GATE_FAILED, run.code(), run.toString());
    assertTrue(run.out().contains("FAIL: DCR excess +0.3"), run.out());
    assertTrue(run.err().startsWith("synthbeam validate: quality gate failed: DCR excess +0.3"),
        run.err());
    assertTrue(run.err().contains("is above the maximum 0.05 (--max-dcr-excess)"), run.err());
  }

  @Test
  void takesTheTargetAndColumnTypesFromAMetaFile() throws IOException {
    Path meta = Files.writeString(dir.resolve("meta.json"), """
        {"target": "income", "task": "classification",
         "columns": {"age": "categorical", "hours": "continuous", "job": "categorical",
                     "region": "categorical", "income": "categorical"}}""");
    Path json = dir.resolve("meta-report.json");
    CliRun run = validate(fresh, "--column-types", meta.toString(), "--json", json.toString());

    assertEquals(0, run.code(), run.toString());
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertEquals("TVD", report.at("/column_scores/age/metric").asText());
    assertEquals("income", report.get("target").asText());
  }

  @Test
  void thePrivacyFilterDropsCopiesAndWritesTheKeptRows() throws IOException {
    List<GenericRecord> mixed = new java.util.ArrayList<>(trainRows.subList(0, 100));
    List<GenericRecord> freshRows = TestPopulation.draw(300, 34);
    mixed.addAll(freshRows);
    Path synthetic = write("mixed.csv", mixed);
    Path kept = dir.resolve("kept.csv");
    Path json = dir.resolve("mixed.json");
    CliRun run = validate(synthetic, "--target", "income", "--privacy-filter", "0.05",
        "--filtered-output", kept.toString(), "--json", json.toString());

    assertEquals(0, run.code(), run.toString());
    JsonNode filter = new ObjectMapper().readTree(json.toFile()).get("privacy_filter");
    int dropped = filter.get("dropped").asInt();
    // The 100 copies go, and about 5% of the fresh rows (as close as 5% of holdout rows are).
    assertTrue(dropped >= 100 && dropped < 100 + 60, "dropped " + dropped);
    assertTrue(run.out().contains("privacy filter: dropped " + dropped + " synthetic rows"),
        run.out());
    List<String> lines = Files.readAllLines(kept);
    assertEquals("age,hours,job,region,income", lines.get(0));
    assertEquals(400 - dropped, lines.size() - 1);
  }

  @Test
  void thePrivacyFilterRefusesToJudgeNothing() {
    CliRun run = validate(copy, "--target", "income", "--privacy-filter", "0.05");
    assertEquals(CliErrors.FAILURE, run.code());
    assertTrue(run.err().contains("the privacy filter dropped 400 of 400 synthetic rows"),
        run.err());
  }

  @Test
  void usageErrorsExitTwo() {
    CliRun noTarget = validate(fresh);
    assertEquals(CliErrors.USAGE, noTarget.code(), noTarget.toString());
    assertTrue(noTarget.err().contains("--target is required"), noTarget.err());

    CliRun missing = validate(dir.resolve("nope.csv"), "--target", "income");
    assertEquals(CliErrors.USAGE, missing.code());
    assertTrue(missing.err().contains("--synthetic: file not found"), missing.err());

    CliRun badReport = validate(fresh, "--target", "income", "--report", "r.txt");
    assertEquals(CliErrors.USAGE, badReport.code());
    assertTrue(badReport.err().contains("must end in .html"), badReport.err());
  }

  @Test
  void anUnknownTargetNamesTheColumns() {
    CliRun run = validate(fresh, "--target", "salary");
    assertEquals(CliErrors.FAILURE, run.code());
    assertTrue(run.err().contains("unknown column 'salary' in the target column (--target); the "
        + "real table's columns are: age, hours, job, region, income"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }
}
