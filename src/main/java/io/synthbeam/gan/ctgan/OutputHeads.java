package io.synthbeam.gan.ctgan;

import io.synthbeam.nn.GumbelSoftmax;
import io.synthbeam.nn.Parallelism;
import io.synthbeam.nn.Rng;
import io.synthbeam.nn.Tensor;
import io.synthbeam.table.OutputSpan;
import java.util.Arrays;
import java.util.List;

/**
 * The generator's output activations over the encoded row's spans: tanh for continuous scalars and
 * Gumbel-softmax (temperature tau, soft) for mode and category one-hots during training; at
 * sampling time a one-hot span becomes a categorical draw, the argmax of logits plus Gumbel noise.
 */
final class OutputHeads {
  /** Rows per block of the training forward pass. */
  static final int BLOCK_ROWS = 50;

  private final int[] tanhOffsets;
  private final int[] softmaxOffsets;
  private final int[] softmaxLengths;
  private final float tau;
  private final int longestSoftmax;
  private Tensor activated;
  private Tensor dRaw;
  private Tensor noise;

  OutputHeads(List<OutputSpan> spans, float tau) {
    this.tau = tau;
    int tanh = (int) spans.stream().filter(s -> s.activation() == OutputSpan.Activation.TANH).count();
    tanhOffsets = new int[tanh];
    softmaxOffsets = new int[spans.size() - tanh];
    softmaxLengths = new int[spans.size() - tanh];
    int t = 0;
    int s = 0;
    for (OutputSpan span : spans) {
      if (span.activation() == OutputSpan.Activation.TANH) {
        if (span.length() != 1) {
          throw new IllegalArgumentException("a tanh span must have length 1: " + span);
        }
        tanhOffsets[t++] = span.offset();
      } else {
        softmaxOffsets[s] = span.offset();
        softmaxLengths[s++] = span.length();
      }
    }
    longestSoftmax = Arrays.stream(softmaxLengths).max().orElse(0);
  }

  /**
   * Training-time activation; the result is owned by this object. Blocks of
   * {@value #BLOCK_ROWS} rows run in parallel, each drawing its Gumbel noise from its own stream
   * (seeded by one draw from {@code rng} and the block's index), so the result does not depend on
   * the thread count. The noise's logarithms made this a seventh of a training step on one thread.
   */
  Tensor forward(Tensor raw, Rng rng) {
    activated = Tensor.reuse(activated, raw.rows, raw.cols);
    noise = Tensor.reuse(noise, raw.rows, raw.cols);
    long streamSeed = rng.nextLong();
    int rows = raw.rows;
    Parallelism.parallelFor((rows + BLOCK_ROWS - 1) / BLOCK_ROWS, b -> forwardRows(raw,
        b * BLOCK_ROWS, Math.min(rows, (b + 1) * BLOCK_ROWS), new Rng(streamSeed, b)));
    return activated;
  }

  private void forwardRows(Tensor raw, int from, int to, Rng rng) {
    float[] x = raw.data;
    float[] y = activated.data;
    int w = raw.cols;
    for (int r = from; r < to; r++) {
      for (int off : tanhOffsets) {
        y[r * w + off] = (float) Math.tanh(x[r * w + off]);
      }
    }
    for (int s = 0; s < softmaxOffsets.length; s++) {
      GumbelSoftmax.forwardRows(x, y, noise.data, from, to, w, softmaxOffsets[s],
          softmaxLengths[s], tau, rng);
    }
  }

  /** Gradient with respect to the raw output, from the gradient of the last forward's output. */
  Tensor backward(Tensor dActivated) {
    dRaw = Tensor.reuse(dRaw, dActivated.rows, dActivated.cols);
    float[] y = activated.data;
    float[] dy = dActivated.data;
    float[] dx = dRaw.data;
    int w = dActivated.cols;
    for (int r = 0; r < dActivated.rows; r++) {
      for (int off : tanhOffsets) {
        float t = y[r * w + off];
        dx[r * w + off] = dy[r * w + off] * (1f - t * t);
      }
    }
    for (int s = 0; s < softmaxOffsets.length; s++) {
      GumbelSoftmax.backward(activated, dActivated, dRaw, softmaxOffsets[s], softmaxLengths[s], tau);
    }
    return dRaw;
  }

  /**
   * Sampling-time activation into {@code out}: tanh scalars, one-hot categorical draws (the
   * Gumbel-max of each span, drawn in row and span order, see {@link GumbelMax}).
   */
  void sample(float[] raw, float[] out, int rows, int width, Rng rng) {
    GumbelMax gumbelMax = new GumbelMax(longestSoftmax);
    for (int r = 0; r < rows; r++) {
      int base = r * width;
      for (int off : tanhOffsets) {
        out[base + off] = (float) Math.tanh(raw[base + off]);
      }
      for (int s = 0; s < softmaxOffsets.length; s++) {
        int off = base + softmaxOffsets[s];
        int len = softmaxLengths[s];
        int best = gumbelMax.draw(raw, off, len, rng);
        Arrays.fill(out, off, off + len, 0f);
        out[off + best] = 1f;
      }
    }
  }
}
