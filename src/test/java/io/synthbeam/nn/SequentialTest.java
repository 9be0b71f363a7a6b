package io.synthbeam.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class SequentialTest {

  @Test
  void gradientsThroughAMixedStack() {
    Rng rng = new Rng(21);
    Dropout dropout = new Dropout(0.25f, rng.split());
    Sequential net = new Sequential(new Linear(4, 6, rng), new BatchNorm1d(6),
        new LeakyReLU(0.2f), dropout, new Linear(6, 3, rng), new Tanh());
    Tensor x = GradientCheck.uniform(5, 4, rng, -1, 1);
    net.forward(x, true);
    dropout.setMaskFrozen(true);
    // Small h: the LeakyReLU kink may sit anywhere inside a deep stack.
    GradientCheck.checkLayer("sequential", net, x, rng, 1e-3, GradientCheck.DEFAULT_TOL);
  }

  @Test
  void parametersInLayerOrder() {
    Rng rng = new Rng(1);
    Linear a = new Linear(2, 3, rng);
    BatchNorm1d bn = new BatchNorm1d(3);
    Linear b = new Linear(3, 1, rng);
    Sequential net = new Sequential(a, bn, new ReLU()).add(b);
    assertEquals(6, net.parameters().size());
    assertSame(a.weight(), net.parameters().get(0));
    assertSame(a.bias(), net.parameters().get(1));
    assertSame(bn.gamma(), net.parameters().get(2));
    assertSame(b.bias(), net.parameters().get(5));
    assertEquals(4, net.size());
    assertSame(bn, net.get(1));
  }

  @Test
  void firstLayerMaySkipInputGradient() {
    Rng rng = new Rng(1);
    Linear first = new Linear(2, 3, rng);
    first.setNeedsInputGrad(false);
    Sequential net = new Sequential(first, new ReLU(), new Linear(3, 1, rng));
    Tensor x = GradientCheck.uniform(4, 2, rng, -1, 1);
    Tensor y = net.forward(x, true);
    Tensor g = new Tensor(y.rows, y.cols);
    g.fill(1f);
    assertNull(net.backward(g));
  }
}
