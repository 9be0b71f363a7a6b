package io.synthbeam.onnx;

import io.synthbeam.gan.ctgan.FoldedGenerator;
import io.synthbeam.gan.ctgan.FoldedGenerator.Affine;
import io.synthbeam.nn.Rng;
import java.util.ArrayList;
import java.util.List;

/** Folded generators with random weights, for tests and benchmarks. */
public final class RandomGenerators {
  private RandomGenerators() {}

  /**
   * A generator {@code inputWidth -> blocks... -> outputWidth} with weights uniform in
   * +-sqrt(3/fanIn) (unit-variance outputs for unit-variance inputs) and small random biases.
   */
  public static FoldedGenerator generator(long seed, int inputWidth, int[] blockWidths,
      int outputWidth) {
    Rng rng = new Rng(seed);
    List<Affine> blocks = new ArrayList<>();
    int width = inputWidth;
    for (int out : blockWidths) {
      blocks.add(affine(rng, width, out));
      width += out;
    }
    return new FoldedGenerator(blocks, affine(rng, width, outputWidth));
  }

  /** {@code rows x width} standard normal values. */
  public static float[] gaussian(long seed, int rows, int width) {
    float[] x = new float[rows * width];
    new Rng(seed).fillGaussian(x, 0, x.length);
    return x;
  }

  private static Affine affine(Rng rng, int in, int out) {
    float[] w = new float[in * out];
    float limit = (float) Math.sqrt(3.0 / in);
    rng.fillUniform(w, 0, w.length, -limit, limit);
    float[] b = new float[out];
    rng.fillUniform(b, 0, out, -0.1f, 0.1f);
    return new Affine(in, out, w, b);
  }
}
