package io.synthbeam.table.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.privacy.accounting.DpGuarantee;
import io.synthbeam.privacy.accounting.RdpAccountant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PreprocessingSpendTest {
  @Test
  void theSpendIsTheGaussianCurvePlusTheSelectionChance() {
    PreprocessingSpend spend = PreprocessingSpend.of(5.0, 4e-7, 6e-7, 9, 3);
    // One Gaussian mechanism of sigma 5 at delta 4e-7, then the selection term.
    double gaussian = RdpAccountant.create().compose(1.0, 5.0, 1).epsilon(4e-7).epsilon();
    assertEquals(gaussian - Math.log1p(-6e-7), spend.epsilon(), 1e-15);
    assertEquals(1e-6, spend.delta(), 1e-21);
    assertEquals(1 / 50.0, spend.rho(), 1e-15);
    String shown = String.format(Locale.ROOT, "ε = %.3g", spend.epsilon());
    assertTrue(spend.summary().contains(shown), spend.summary());
  }

  @Test
  void composingWithTrainingAddsTheCurvesAndSetsTheSelectionDeltaAside() {
    PreprocessingSpend spend = PreprocessingSpend.of(8.0, 5e-7, 5e-7, 20, 10);
    RdpAccountant training = RdpAccountant.create().compose(0.01, 1.1, 3000);
    DpGuarantee total = spend.guaranteeWith(training, 1e-5);
    double expected = training.compose(1.0, 8.0, 1).epsilon(1e-5 - 5e-7).epsilon()
        - Math.log1p(-5e-7);
    assertEquals(expected, total.epsilon(), 1e-12);
    assertEquals(1e-5, total.delta());
    // Composition in RDP costs less than adding the two epsilons.
    double training0 = training.epsilon(1e-5 - 5e-7).epsilon();
    assertTrue(total.epsilon() < training0 + spend.epsilon());
    assertTrue(total.epsilon() > training0);
    assertThrows(IllegalArgumentException.class, () -> spend.guaranteeWith(training, 5e-7));
  }
}
