package io.synthbeam.gan.ctgan;

import io.synthbeam.nn.Linear;
import io.synthbeam.nn.Parameter;
import io.synthbeam.nn.Rng;
import io.synthbeam.nn.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * CTGAN's generator body: residual blocks on [noise, condition], then a Linear to the raw encoded
 * row (before the output heads' tanh / Gumbel-softmax).
 */
final class Generator {
  final int inputWidth;
  final int outputWidth;
  final List<ResidualBlock> blocks = new ArrayList<>();
  final Linear head;
  private Tensor lastOutput;

  Generator(int inputWidth, int[] hiddenWidths, int outputWidth, Rng rng) {
    this.inputWidth = inputWidth;
    this.outputWidth = outputWidth;
    int width = inputWidth;
    for (int i = 0; i < hiddenWidths.length; i++) {
      // The first block's input is noise and condition: no gradient needed there.
      ResidualBlock block = new ResidualBlock(width, hiddenWidths[i], i > 0, rng);
      blocks.add(block);
      width = block.outputWidth();
    }
    this.head = new Linear(width, outputWidth, rng);
  }

  Tensor forward(Tensor input, boolean training) {
    Tensor x = input;
    for (ResidualBlock b : blocks) {
      x = b.forward(x, training);
    }
    lastOutput = head.forward(x, training);
    return lastOutput;
  }

  /** The raw output of the latest forward pass (the logits the condition loss reads). */
  Tensor lastOutput() {
    return lastOutput;
  }

  void backward(Tensor dRaw) {
    Tensor d = head.backward(dRaw);
    for (int i = blocks.size() - 1; i >= 0; i--) {
      d = blocks.get(i).backward(d);
    }
  }

  List<Parameter> parameters() {
    List<Parameter> p = new ArrayList<>();
    for (ResidualBlock b : blocks) {
      p.addAll(b.parameters());
    }
    p.addAll(head.parameters());
    return p;
  }
}
