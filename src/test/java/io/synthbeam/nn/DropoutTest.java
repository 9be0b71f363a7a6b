package io.synthbeam.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DropoutTest {

  @Test
  void keepsAboutOneMinusPAndScalesKeptUnits() {
    Dropout d = new Dropout(0.5f, new Rng(1));
    Tensor x = new Tensor(200, 100);
    x.fill(2f);
    Tensor y = d.forward(x, true);
    int kept = 0;
    for (int i = 0; i < y.data.length; i++) {
      float v = y.data[i];
      assertTrue(v == 0f || v == 4f, "value " + v);
      assertEquals(v, x.data[i] * d.mask().data[i]);
      kept += v != 0f ? 1 : 0;
    }
    // 20000 Bernoulli(0.5): std 71, so +-400 is over 5 sigma.
    assertEquals(10000, kept, 400);
  }

  @Test
  void keepRateForSmallP() {
    Dropout d = new Dropout(0.2f, new Rng(9));
    Tensor x = new Tensor(100, 100);
    x.fill(1f);
    Tensor y = d.forward(x, true);
    double mean = Mean.mean(y);
    assertEquals(1.0, mean, 0.03); // inverted dropout keeps the expectation
    long kept = 0;
    for (float v : y.data) {
      kept += v != 0f ? 1 : 0;
      assertTrue(v == 0f || v == 1.25f);
    }
    assertEquals(8000, kept, 250);
  }

  @Test
  void inferenceIsIdentity() {
    Dropout d = new Dropout(0.5f, new Rng(1));
    Tensor x = new Tensor(2, 3, new float[] {1, 2, 3, 4, 5, 6});
    assertArrayEquals(x.data, d.forward(x, false).data);
    Tensor g = new Tensor(2, 3, new float[] {6, 5, 4, 3, 2, 1});
    assertArrayEquals(g.data, d.backward(g).data);
  }

  @Test
  void newMaskEachCallUnlessFrozen() {
    Dropout d = new Dropout(0.5f, new Rng(1));
    Tensor x = new Tensor(10, 10);
    x.fill(1f);
    float[] first = d.forward(x, true).data.clone();
    float[] second = d.forward(x, true).data.clone();
    assertNotEquals(Arrays.toString(first), Arrays.toString(second));
    d.setMaskFrozen(true);
    float[] third = d.forward(x, true).data.clone();
    assertArrayEquals(second, third);
  }

  @Test
  void gradientWithFixedMask() {
    Rng rng = new Rng(2);
    Dropout d = new Dropout(0.3f, new Rng(5));
    Tensor x = GradientCheck.uniform(5, 6, rng, -1, 1);
    d.forward(x, true);
    d.setMaskFrozen(true);
    GradientCheck.checkLayer("dropout", d, x, rng);
  }

  @Test
  void rejectsBadProbability() {
    assertThrows(IllegalArgumentException.class, () -> new Dropout(1f, new Rng(1)));
    assertThrows(IllegalArgumentException.class, () -> new Dropout(-0.1f, new Rng(1)));
  }
}
