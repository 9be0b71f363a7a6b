package io.synthbeam.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gates both ways on a made-up population: fresh draws (held-out-like rows) pass, a copy of
 * the training rows fails the privacy gate, independently shuffled columns fail the utility gate.
 */
class GatesTest {
  private static final QualityGates GATES = QualityGates.none().withMinUtility(0.8)
      .withMaxDcrExcess(0.05);
  private static final ValidationOptions OPTIONS = ValidationOptions.defaults().withTrees(40)
      .withThreads(2).withDetectionRows(1000).withMembershipRows(500);
  private static List<GenericRecord> train;
  private static List<GenericRecord> holdout;

  @BeforeAll
  static void population() {
    train = Population.draw(2000, 1);
    holdout = Population.draw(1000, 2);
  }

  private static ValidationReport validate(List<GenericRecord> synthetic) {
    return new SyntheticValidator(OPTIONS).validate(Population.columns(), train, holdout,
        synthetic);
  }

  @Test
  void freshDrawsFromThePopulationPass() {
    ValidationReport report = validate(Population.draw(2000, 3));
    GateResult result = GATES.evaluate(report);

    assertTrue(result.passed(), result.verdict());
    assertTrue(result.verdict().startsWith("PASS: utility "), result.verdict());
    assertTrue(report.utility().utility() > 0.9, "utility " + report.utility().utility());
    assertEquals(2000.0 / 3000, report.privacy().dcrBaseline(), 1e-12);
    assertTrue(Math.abs(report.privacy().dcrExcess()) < 0.05, "excess "
        + report.privacy().dcrExcess());
    assertEquals(0, report.privacy().exactCopy(), 0.02);
    assertTrue(report.detectAuc() < 0.6, "detection " + report.detectAuc());
    assertTrue(report.fidelity().quality() > 0.9, "quality " + report.fidelity().quality());
    assertTrue(Math.abs(report.privacy().membershipAuc() - 0.5) < 0.05,
        "membership " + report.privacy().membershipAuc());
  }

  @Test
  void aCopyOfTheTrainingRowsFailsThePrivacyGate() {
    ValidationReport report = validate(train);
    GateResult result = GATES.evaluate(report);

    assertFalse(result.passed());
    GateCheck privacy = result.checks().get(1);
    assertEquals("dcr_excess", privacy.figure());
    assertFalse(privacy.passed());
    assertEquals(1.0, report.privacy().dcrShare(), 0.01);
    assertEquals(1.0, report.privacy().exactCopy(), 0);
    assertTrue(result.checks().get(0).passed(), "a copy is perfectly useful");
    assertTrue(privacy.message().contains("above the maximum 0.05"), privacy.message());
    assertTrue(result.verdict().startsWith("FAIL: DCR excess +0.3"), result.verdict());
    assertTrue(report.privacy().membershipAuc() > 0.9, "membership "
        + report.privacy().membershipAuc());
    assertEquals(1.0, report.fidelity().shapes(), 1e-12);
  }

  @Test
  void independentlyShuffledColumnsFailTheUtilityGate() {
    ValidationReport report = validate(Population.shuffledColumns(Population.draw(2000, 4), 5));
    GateResult result = GATES.evaluate(report);

    assertFalse(result.passed());
    GateCheck utility = result.checks().get(0);
    assertEquals("utility", utility.figure());
    assertFalse(utility.passed(), utility.message());
    assertTrue(report.utility().utility() < 0.8, "utility " + report.utility().utility());
    assertTrue(utility.message().startsWith("utility 0.") && utility.message()
        .contains("is below the minimum 0.80 (--min-utility)"), utility.message());
    assertTrue(result.checks().get(1).passed(), "shuffled rows are not closer to training");
    assertTrue(report.fidelity().pairTrends() < report.fidelity().shapes());
  }

  @Test
  void withoutGatesEveryTablePassesButTheVerdictSaysSo() {
    ValidationReport report = validate(train);
    GateResult result = QualityGates.none().evaluate(report);
    assertTrue(result.passed());
    assertFalse(result.gated());
    assertTrue(result.verdict().startsWith("NO GATES SET: utility 1.00 of real"),
        result.verdict());
    assertTrue(result.verdict().contains("100.0% exact copies of training rows"),
        result.verdict());
  }
}
