package io.synthbeam.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Training steps at a fixed batch size do not allocate: layers reuse their tensors. Linear is left
 * out on purpose, as its cost is Gemm's, whose threading is not this package's layers' business.
 */
class SteadyStateAllocationTest {

  @Test
  void repeatedStepsAllocateNothing() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported());
    threads.setThreadAllocatedMemoryEnabled(true);

    Rng rng = new Rng(1);
    int rows = 64;
    int cols = 8;
    Sequential net = new Sequential(new BatchNorm1d(cols), new LeakyReLU(0.2f),
        new Dropout(0.5f, rng.split()), new BatchNorm1d(cols), new ReLU(), new Tanh());
    Adam adam = new Adam(net.parameters(), 1e-3f, 0.5f, 0.9f, 1e-6f);
    Concat concat = new Concat();
    Mean mean = new Mean();
    Tensor x = GradientCheck.uniform(rows, cols, rng, -1, 1);
    Tensor cond = GradientCheck.uniform(rows, 3, rng, -1, 1);
    Tensor probs = new Tensor(rows, cols + 3);
    Tensor noise = new Tensor(rows, cols + 3);
    Tensor grad = new Tensor(rows, cols + 3);
    int[] targets = new int[rows];
    float[] weights = new float[rows];
    for (int r = 0; r < rows; r++) {
      targets[r] = r % 3;
      weights[r] = r % 2;
    }
    Runnable step = () -> {
      adam.zeroGrad();
      Tensor h = concat.forward(net.forward(x, true), cond);
      GumbelSoftmax.forward(h, probs, noise, cols, 3, 0.2f, rng);
      mean.forward(probs);
      Tensor dProbs = mean.backward(1f);
      GumbelSoftmax.backward(probs, dProbs, grad, cols, 3, 0.2f);
      CrossEntropy.forward(h.data, rows, cols + 3, cols, 3, targets, weights);
      CrossEntropy.backward(h.data, rows, cols + 3, cols, 3, targets, weights, 1f, grad.data);
      concat.backward(grad);
      net.backward(concat.gradA());
      adam.step();
    };
    for (int i = 0; i < 200; i++) {
      step.run();
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 100; i++) {
      step.run();
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    // A small allowance for the measurement itself; one tensor of this batch is already 2 KiB.
    assertTrue(allocated < 1024, "100 steps allocated " + allocated + " bytes");
  }
}
