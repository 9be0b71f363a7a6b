package io.synthbeam.gan.ctgan;

import io.synthbeam.nn.Parameter;
import java.util.List;

/**
 * An exponential moving average of parameters (Polyak averaging for GANs: Yazici et al. 2019,
 * arXiv 1806.04498). A GAN's generator oscillates around what it has learnt; the average of recent
 * weights samples better than any single step's weights.
 *
 * <p>The decay warms up as {@code min(decay, (1 + t) / (10 + t))} so that early weights, far from
 * the final ones, are forgotten quickly.
 */
final class WeightAverage {
  private final List<Parameter> parameters;
  private final float[][] average;
  private final double decay;
  private long updates;

  WeightAverage(List<Parameter> parameters, double decay) {
    this.parameters = List.copyOf(parameters);
    this.decay = decay;
    this.average = new float[parameters.size()][];
    for (int i = 0; i < average.length; i++) {
      average[i] = parameters.get(i).value.data.clone();
    }
  }

  void update() {
    updates++;
    float d = (float) Math.min(decay, (1.0 + updates) / (10.0 + updates));
    float keep = 1f - d;
    for (int i = 0; i < average.length; i++) {
      float[] a = average[i];
      float[] w = parameters.get(i).value.data;
      for (int j = 0; j < a.length; j++) {
        a[j] = d * a[j] + keep * w[j];
      }
    }
  }

  /** Writes the averaged values into the parameters (the end of training). */
  void copyToParameters() {
    for (int i = 0; i < average.length; i++) {
      System.arraycopy(average[i], 0, parameters.get(i).value.data, 0, average[i].length);
    }
  }
}
