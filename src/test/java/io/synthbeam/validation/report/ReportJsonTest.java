package io.synthbeam.validation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthbeam.validation.ValidationReport;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {
  private final ValidationReport report = SmallReport.REPORT;

  @Test
  void carriesJudgesKeysWithTheReportsFigures() throws IOException {
    JsonNode json = new ObjectMapper().readTree(ReportJson.toJson(report, SmallReport.GATES));
    for (String key : List.of("rows", "shapes", "pairs", "quality", "tstr", "trtr", "utility",
        "detect_auc", "dcr_share", "dcr_baseline", "exact_copy", "holdout_copy",
        "worst_columns", "membership_auc", "verdict", "gates", "column_scores", "pair_scores",
        "models", "privacy", "timings_seconds", "train_rows", "holdout_rows")) {
      assertTrue(json.has(key), "missing key " + key);
    }
    assertEquals(800, json.get("rows").asInt());
    assertEquals(report.fidelity().shapes(), json.get("shapes").asDouble(), 1e-6);
    assertEquals(report.fidelity().pairTrends(), json.get("pairs").asDouble(), 1e-6);
    assertEquals((json.get("shapes").asDouble() + json.get("pairs").asDouble()) / 2,
        json.get("quality").asDouble(), 1e-6);
    assertEquals(json.get("tstr").asDouble() / json.get("trtr").asDouble(),
        json.get("utility").asDouble(), 1e-5);
    assertEquals(800.0 / 1200, json.get("dcr_baseline").asDouble(), 1e-6);
    assertEquals(5, json.get("column_scores").size());
    assertEquals(10, json.get("pair_scores").size());
    assertTrue(json.get("pair_scores").has("age|hours"));
    assertEquals("correlation", json.at("/pair_scores/age|hours/metric").asText());
    assertEquals("TVD", json.at("/pair_scores/age|job/metric").asText());
    assertTrue(json.at("/models/xgboost/tstr").has("macro_f1"));
    assertTrue(json.at("/models/logistic_regression/trtr").has("auc"));
    assertEquals(json.at("/models/xgboost/tstr/macro_f1").asDouble(), json.get("tstr").asDouble(),
        0);
    assertEquals(3, json.get("worst_columns").size());
    assertEquals(2, json.at("/gates/checks").size());
    assertTrue(json.get("timings_seconds").has("privacy"));
    assertEquals(SmallReport.GATES.verdict(), json.get("verdict").asText());
  }
}
