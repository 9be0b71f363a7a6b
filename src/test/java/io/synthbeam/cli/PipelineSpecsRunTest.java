package io.synthbeam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthbeam.io.TableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every pipeline under pipelines/ runs end to end at reduced size (1 epoch, 400 input rows,
 * outputs in a temporary folder) on the DirectRunner and on Flink embedded in this JVM.
 */
class PipelineSpecsRunTest {
  /** 0: the gates passed; 3: one failed (likely after 1 epoch); both write their outputs. */
  private static final Set<Integer> FINISHED = Set.of(0, ValidateCommand.GATE_FAILED);

  @TempDir Path dir;

  private CliRun run(String pipeline, String runner, String... settings) {
    List<String> args = new ArrayList<>(List.of("run", "pipelines/" + pipeline + ".yaml",
        "--runner", runner, "--set", "model.epochs=1", "--set", "model.batch_size=100",
        "--set", "input.max_rows=400"));
    for (String setting : settings) {
      args.add("--set");
      args.add(setting);
    }
    return CliRun.of(new BeamBackend(), args.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"DirectRunner", "FlinkRunner"})
  void adultCensusWritesTheTableAndBothReports(String runner) throws IOException {
    Path table = dir.resolve("adult.csv");
    Path html = dir.resolve("report.html");
    Path json = dir.resolve("report.json");
    CliRun run = run("adult-census", runner, "rows=300", "outputs.table=" + table,
        "outputs.model=" + dir.resolve("adult.zip"), "outputs.html_report=" + html,
        "outputs.json_report=" + json);
    assertTrue(FINISHED.contains(run.code()), run.toString());
    assertEquals(300, TableFiles.read(table).records().size());
    assertTrue(Files.exists(dir.resolve("adult.zip")));
    assertTrue(Files.readString(html).contains("<html"), "an HTML page");
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertEquals(300, report.path("synthetic_rows").asInt());
    assertEquals(400, report.path("train_rows").asInt(), "input.max_rows caps the real rows");
    assertTrue(run.out().contains("utility (classification, target class): TSTR "), run.out());
    assertTrue(run.out().contains(report.path("verdict").asText()), run.out());
    assertTrue(run.err().contains("epoch 1/1"), "progress: " + run.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"DirectRunner", "FlinkRunner"})
  void patientsGoToTheTableOrToQuarantine(String runner) throws IOException {
    Path table = dir.resolve("patients.parquet");
    Path quarantine = dir.resolve("quarantined.avro");
    CliRun run = run("patients-replace", runner, "outputs.table=" + table,
        "outputs.quarantine=" + quarantine, "outputs.html_report=" + dir.resolve("r.html"),
        "outputs.json_report=" + dir.resolve("r.json"));
    assertTrue(FINISHED.contains(run.code()), run.toString());
    Path kept = run.code() == 0 ? table : quarantine;
    Path removed = run.code() == 0 ? quarantine : table;
    assertEquals(400, TableFiles.read(kept).records().size());
    assertTrue(Files.notExists(removed), "the empty one of the two is removed: " + removed);
    assertTrue(TableFiles.read(kept).schema().getField("patient_id") == null,
        "the excluded identifier is not in the synthetic table");
  }

  @ParameterizedTest
  @ValueSource(strings = {"DirectRunner", "FlinkRunner"})
  void transactionsAreRebalancedAndTheRecallIsCompared(String runner) throws IOException {
    Path table = dir.resolve("rebalanced.csv");
    CliRun run = run("transactions-rebalance", runner, "outputs.table=" + table,
        "outputs.model=" + dir.resolve("m.zip"));
    assertEquals(0, run.code(), run.toString());
    long fraud = TableFiles.read(table).records().stream()
        .filter(r -> r.get("is_fraud").toString().equals("1")).count();
    long rows = TableFiles.read(table).records().size();
    assertEquals(0.2, (double) fraud / rows, 0.01, "fraud is 20% of the output");
    assertTrue(run.out().contains("rare class is_fraud=1 on 15,000 real held-out rows"),
        run.out());
    assertTrue(run.out().contains("the real rows only") && run.out().contains("recall"),
        run.out());
  }

  @Test
  void aPrivacyBudgetInTheSpecMakesAPrivateFitThatTheReportStates() throws IOException {
    Path json = dir.resolve("r.json");
    // 3,000 rows: the private encoder releases only categories and ranges its noise clears.
    CliRun run = run("patients-replace", "DirectRunner", "input.max_rows=3000",
        "privacy.epsilon=5", "outputs.table=" + dir.resolve("t.csv"),
        "outputs.quarantine=" + dir.resolve("q.csv"),
        "outputs.html_report=" + dir.resolve("r.html"), "outputs.json_report=" + json);
    assertTrue(FINISHED.contains(run.code()), run.toString());
    JsonNode guarantee = new ObjectMapper().readTree(json.toFile()).path("privacy_guarantee");
    assertTrue(guarantee.isObject(), "the report states the guarantee: " + guarantee);
    double epsilon = guarantee.path("epsilon").asDouble();
    assertTrue(epsilon > 0 && epsilon <= 5 + 1e-9, "spent within the budget: " + epsilon);
    assertEquals(1e-5, guarantee.path("delta").asDouble(), 1e-12);
    assertTrue(guarantee.path("sigma").asDouble() > 0, guarantee.toString());
  }
}
