package io.synthbeam.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Small networks trained with Adam reach low loss: the pieces work together. */
class EndToEndTest {

  @Test
  void fitsXorWithCrossEntropy() {
    Rng rng = new Rng(2024);
    Sequential net = new Sequential(new Linear(2, 8, rng), new Tanh(), new Linear(8, 2, rng));
    Adam adam = new Adam(net.parameters(), 0.05f, 0.9f, 0.999f, 0f);
    Tensor x = new Tensor(4, 2, new float[] {0, 0, 0, 1, 1, 0, 1, 1});
    int[] labels = {0, 1, 1, 0};
    Tensor grad = new Tensor(4, 2);
    double loss = Double.NaN;
    for (int step = 0; step < 300; step++) {
      adam.zeroGrad();
      Tensor logits = net.forward(x, true);
      loss = CrossEntropy.forward(logits.data, 4, 2, 0, 2, labels, null);
      grad.fill(0f);
      CrossEntropy.backward(logits.data, 4, 2, 0, 2, labels, null, 1f, grad.data);
      net.backward(grad);
      adam.step();
    }
    assertTrue(loss < 0.05, "XOR loss " + loss);
    Tensor logits = net.forward(x, false);
    for (int r = 0; r < 4; r++) {
      int predicted = logits.get(r, 1) > logits.get(r, 0) ? 1 : 0;
      assertEquals(labels[r], predicted, "row " + r);
    }
  }

  @Test
  void fitsALineWithMeanSquaredError() {
    Rng rng = new Rng(7);
    Linear first = new Linear(1, 16, rng);
    first.setNeedsInputGrad(false);
    Sequential net = new Sequential(first, new ReLU(), new Linear(16, 1, rng));
    Adam adam = new Adam(net.parameters(), 0.01f, 0.9f, 0.999f, 0f);
    int n = 32;
    Tensor x = new Tensor(n, 1);
    Tensor target = new Tensor(n, 1);
    for (int i = 0; i < n; i++) {
      x.data[i] = -1f + 2f * i / (n - 1);
      target.data[i] = 2f * x.data[i] + 1f;
    }
    Tensor grad = new Tensor(n, 1);
    double mse = Double.NaN;
    for (int step = 0; step < 500; step++) {
      adam.zeroGrad();
      Tensor y = net.forward(x, true);
      mse = 0;
      for (int i = 0; i < n; i++) {
        float d = y.data[i] - target.data[i];
        mse += d * d;
        grad.data[i] = 2f * d / n;
      }
      mse /= n;
      net.backward(grad);
      adam.step();
    }
    assertTrue(mse < 1e-3, "line fit MSE " + mse);
  }
}
