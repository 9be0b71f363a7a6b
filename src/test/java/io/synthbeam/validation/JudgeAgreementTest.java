package io.synthbeam.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthbeam.io.Table;
import io.synthbeam.io.TableFiles;
import io.synthbeam.validation.report.ReportJson;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The figures against judge.py's own output on a small committed fixture (made-up rows with
 * continuous, categorical, integer-coded, date and missing values; the synthetic table mixes
 * fresh draws, 60 copies of training rows and 60 rows with shuffled columns). judge.py's output
 * is {@code expected-judge.json}, written by {@code judge.py judge-fixture synthetic.csv}.
 * The distribution and distance figures must agree to judge.py's rounding; the learners differ
 * (Tribuo's XGBoost against scikit-learn's histogram gradient boosting), so utility and
 * detection AUC only roughly.
 */
class JudgeAgreementTest {
  private static JsonNode ours;
  private static JsonNode judge;

  @BeforeAll
  static void validate() throws Exception {
    Path dir = fixture();
    ColumnTypesFile meta = ColumnTypesFile.read(dir.resolve("meta.json"));
    Table train = TableFiles.read(dir.resolve("train.csv"));
    Table holdout = TableFiles.read(dir.resolve("test.csv"));
    Table synthetic = TableFiles.read(dir.resolve("synthetic.csv"));
    ValidationColumns columns = ValidationColumns.fromSchema(train.schema(), meta.kinds(),
        meta.target().orElseThrow());
    ValidationReport report = new SyntheticValidator(ValidationOptions.defaults().withThreads(2))
        .validate(columns, train.records(), holdout.records(), synthetic.records());
    ours = ReportJson.toTree(report, QualityGates.none().evaluate(report), null);
    judge = new ObjectMapper().readTree(dir.resolve("expected-judge.json").toFile());
  }

  private static Path fixture() throws URISyntaxException {
    return Path.of(JudgeAgreementTest.class.getResource("judge-fixture/meta.json").toURI())
        .getParent();
  }

  private static void agree(String key, double tolerance) {
    assertEquals(judge.get(key).asDouble(), ours.get(key).asDouble(), tolerance, key);
  }

  @Test
  void fidelityFiguresAgree() {
    agree("shapes", 1e-4);
    agree("pairs", 1e-4);
    agree("quality", 1e-4);
    for (int i = 0; i < 3; i++) {
      assertEquals(judge.at("/worst_columns/" + i + "/1").asText(),
          ours.at("/worst_columns/" + i + "/1").asText());
    }
  }

  @Test
  void privacyFiguresAgree() {
    agree("dcr_share", 1e-4);
    agree("dcr_baseline", 1e-4);
    agree("exact_copy", 1e-4);
    agree("holdout_copy", 1e-4);
    assertEquals(300, ours.get("rows").asInt());
  }

  @Test
  void learnedFiguresAgreeRoughly() {
    agree("trtr", 0.06);
    agree("utility", 0.1);
    agree("detect_auc", 0.1);
  }
}
