package io.synthbeam.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdamTest {

  @Test
  void matchesPyTorchUpdateRuleOverTwoSteps() {
    // Expected values: torch.optim.Adam's rule (L2 decay into the gradient, bias correction,
    // eps outside the corrected square root) evaluated by hand in double precision for
    // lr 0.1, betas (0.5, 0.9), eps 1e-8, weight decay 0.01.
    Parameter p = new Parameter("w", new Tensor(1, 3, new float[] {0.5f, -1f, 2f}));
    Adam adam = new Adam(List.of(p), 0.1f, 0.5f, 0.9f, 1e-8f, 0.01f);
    System.arraycopy(new float[] {0.2f, -0.3f, 0f}, 0, p.grad.data, 0, 3);
    adam.step();
    assertArrayEquals(new float[] {0.40000000487804854f, -0.9000000032258063f,
        1.900000049999975f}, p.value.data, 2e-6f);
    assertArrayEquals(new float[] {0.1025f, -0.155f, 0.01f}, adam.firstMoment(0), 1e-7f);
    assertArrayEquals(new float[] {0.0042025f, 0.00961f, 4e-5f}, adam.secondMoment(0), 1e-8f);
    adam.zeroGrad();
    assertArrayEquals(new float[3], p.grad.data);
    System.arraycopy(new float[] {-0.1f, 0.4f, 0.05f}, 0, p.grad.data, 0, 3);
    adam.step();
    assertArrayEquals(new float[] {0.39724595284222525f, -0.9443263321746794f,
        1.7985539954757583f}, p.value.data, 2e-6f);
    assertEquals(2, adam.steps());
    // The optimiser reads the gradients but does not change them.
    assertArrayEquals(new float[] {-0.1f, 0.4f, 0.05f}, p.grad.data);
  }

  @Test
  void firstStepMovesEachWeightByLearningRate() {
    Parameter p = new Parameter("w", new Tensor(1, 2, new float[] {1f, 1f}));
    Adam adam = new Adam(List.of(p), 2e-4f, 0.5f, 0.9f, 0f);
    p.grad.data[0] = 123f;
    p.grad.data[1] = -0.001f;
    adam.step();
    assertEquals(1f - 2e-4f, p.value.data[0], 1e-7f);
    assertEquals(1f + 2e-4f, p.value.data[1], 1e-7f);
  }
}
