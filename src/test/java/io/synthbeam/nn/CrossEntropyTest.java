package io.synthbeam.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CrossEntropyTest {

  @Test
  void valueMatchesHandComputationWithWeightsAndIgnoredRows() {
    // Span = columns 1..3 of width-4 rows.
    float[] logits = {
        9, 1, 2, 3,
        9, 0, 0, 0,
        9, 5, 5, 5};
    int[] targets = {2, 0, -1};
    float[] weights = {1f, 0.5f, 0f};
    double ce0 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 3;
    double ce1 = Math.log(3);
    double expected = (ce0 + 0.5 * ce1) / 3;
    assertEquals(expected, CrossEntropy.forward(logits, 3, 4, 1, 3, targets, weights), 1e-6);
    // Without weights every row counts (target of row 2 now needed).
    int[] all = {2, 0, 1};
    assertEquals((ce0 + ce1 + Math.log(3)) / 3,
        CrossEntropy.forward(logits, 3, 4, 1, 3, all, null), 1e-6);
  }

  @Test
  void gradientMatchesFiniteDifferencesAndAccumulates() {
    Rng rng = new Rng(1);
    int rows = 5;
    int stride = 6;
    Tensor x = GradientCheck.uniform(rows, stride, rng, -2, 2);
    int[] targets = {0, 3, 1, -1, 2};
    float[] weights = {1f, 0.7f, 2f, 0f, 1f};
    float upstream = 1.5f;
    float[] grad = new float[rows * stride];
    grad[0] = 0.25f; // outside the span: must be left alone
    CrossEntropy.backward(x.data, rows, stride, 1, 4, targets, weights, upstream, grad);
    assertEquals(0.25f, grad[0]);
    float[] fromZero = grad.clone();
    fromZero[0] = 0f;
    GradientCheck.assertGradient("cross-entropy", x.data, fromZero,
        () -> upstream * CrossEntropy.forward(x.data, rows, stride, 1, 4, targets, weights));
    for (int c = 0; c < stride; c++) {
      assertEquals(0f, fromZero[3 * stride + c], "ignored row has no gradient");
    }
    float[] twice = grad.clone();
    CrossEntropy.backward(x.data, rows, stride, 1, 4, targets, weights, upstream, twice);
    for (int i = 1; i < twice.length; i++) {
      assertEquals(2 * grad[i], twice[i], 1e-6f);
    }
  }

  @Test
  void stableForHugeLogits() {
    float[] logits = {1000f, -1000f, 0f};
    double v = CrossEntropy.forward(logits, 1, 3, 0, 3, new int[] {1}, null);
    assertEquals(2000.0, v, 1e-3);
    float[] g = new float[3];
    CrossEntropy.backward(logits, 1, 3, 0, 3, new int[] {1}, null, 1f, g);
    assertEquals(1f, g[0], 1e-6f);
    assertEquals(-1f, g[1], 1e-6f);
    assertTrue(Float.isFinite(g[2]));
  }

  @Test
  void badTargetNamesTheRow() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CrossEntropy.forward(new float[6], 2, 3, 0, 3, new int[] {0, 3}, null));
    assertTrue(e.getMessage().contains("row 1"), e.getMessage());
  }
}
