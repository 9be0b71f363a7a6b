package io.synthbeam.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** Utility for a continuous target (regression) and a many-class target. */
class UtilityMetricsTest {
  private static final ValidationOptions OPTIONS = ValidationOptions.defaults().withTrees(30)
      .withThreads(2);
  private static final List<GenericRecord> TRAIN = Population.draw(1500, 41);
  private static final List<GenericRecord> HOLDOUT = Population.draw(700, 42);

  private static UtilityReport utility(String target, List<GenericRecord> synthetic) {
    ValidationColumns columns = ValidationColumns.fromSchema(Population.SCHEMA, Map.of(), target);
    return UtilityMetrics.compute(FrameSet.of(columns, TRAIN, HOLDOUT, synthetic), OPTIONS);
  }

  @Test
  void aContinuousTargetIsRegressionScoredByRSquared() {
    // hours depends on job (5 hours a step), so R² is clearly positive from fresh draws.
    UtilityReport fresh = utility("hours", Population.draw(1500, 43));
    assertEquals(Task.REGRESSION, fresh.task());
    assertEquals(List.of("linear_regression", "xgboost"),
        fresh.models().stream().map(ModelUtility::model).toList());
    for (ModelUtility m : fresh.models()) {
      assertEquals("r2", m.primaryMetric());
      assertTrue(m.trtr().get("r2") > 0.1, m.model() + " " + m.trtr());
      assertTrue(m.tstr().get("rmse") > 0, m.model() + " " + m.tstr());
      assertTrue(Math.abs(m.ratio() - 1) < 0.25, m.model() + " ratio " + m.ratio());
    }
    UtilityReport shuffled = utility("hours",
        Population.shuffledColumns(Population.draw(1500, 44), 45));
    assertTrue(shuffled.utility() < 0.5, "shuffled utility " + shuffled.utility());
  }

  @Test
  void aManyClassTargetGetsMacroOneVersusRestAuc() {
    UtilityReport report = utility("job", Population.draw(1500, 46));
    assertEquals(Task.CLASSIFICATION, report.task());
    ModelUtility trees = report.models().get(1);
    assertEquals("xgboost", trees.model());
    // job is weakly predictable (from hours and income): AUC above chance, F1 modest.
    assertTrue(trees.trtr().get("auc") > 0.55, trees.trtr().toString());
    assertTrue(trees.trtr().get("macro_f1") < 0.9, trees.trtr().toString());
    assertEquals(trees.tstr().get("macro_f1"), report.tstr(), 0);
  }

  @Test
  void aSyntheticTableWithOneClassScoresZero() {
    List<GenericRecord> oneClass = Population.draw(600, 47).stream()
        .filter(r -> r.get("income").toString().equals("low")).toList();
    UtilityReport report = utility("income", oneClass);
    assertEquals(0, report.tstr(), 0);
    assertEquals(0, report.utility(), 0);
  }
}
