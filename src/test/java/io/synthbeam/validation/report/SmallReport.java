package io.synthbeam.validation.report;

import io.synthbeam.validation.GateResult;
import io.synthbeam.validation.QualityGates;
import io.synthbeam.validation.SyntheticValidator;
import io.synthbeam.validation.TestPopulation;
import io.synthbeam.validation.ValidationOptions;
import io.synthbeam.validation.ValidationReport;

/** One small validation, computed once and shared by the report tests. */
final class SmallReport {
  static final ValidationReport REPORT = new SyntheticValidator(ValidationOptions.defaults()
      .withTrees(20).withThreads(2).withDetectionRows(400).withMembershipRows(300))
      .validate(TestPopulation.columns(), TestPopulation.draw(800, 21),
          TestPopulation.draw(400, 22), TestPopulation.draw(800, 23));
  static final GateResult GATES = QualityGates.none().withMinUtility(0.8).withMaxDcrExcess(0.05)
      .evaluate(REPORT);

  private SmallReport() {}
}
