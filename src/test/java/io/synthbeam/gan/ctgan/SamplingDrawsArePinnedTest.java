package io.synthbeam.gan.ctgan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthbeam.nn.Rng;
import io.synthbeam.table.OutputSpan;
import io.synthbeam.table.OutputSpan.Activation;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The draws of sampling from given generator outputs (tanh scalars, Gumbel-max categories) and
 * the noise fed to the generator, for one seed, pinned to what the plain loops over
 * StrictMath.log drew before sampling was made faster (GumbelMax, StrictLog): the same bundle and
 * seed must keep giving the same rows. Change the digests only on purpose.
 */
class SamplingDrawsArePinnedTest {

  @Test
  void outputHeadsDrawTheSameOneHots() throws Exception {
    // Spans shaped like a table's: a scalar and its modes, categories of 2 to 42 values.
    List<OutputSpan> spans = new ArrayList<>();
    int offset = 0;
    int[] lengths = {6, 9, 2, 16, 42, 5, 3, 15};
    for (int c = 0; c < lengths.length; c++) {
      if (c % 3 == 0) {
        spans.add(new OutputSpan(offset++, 1, Activation.TANH, c));
      }
      spans.add(new OutputSpan(offset, lengths[c], Activation.SOFTMAX, c));
      offset += lengths[c];
    }
    int width = offset;
    int rows = 3000;
    float[] raw = new float[rows * width];
    Rng logits = new Rng(5);
    for (int i = 0; i < raw.length; i++) {
      // Flat to peaked logits: scales 0.1 to 12 by position.
      raw[i] = (float) (logits.nextGaussian() * (0.1 + (i % 13)));
    }
    float[] out = new float[raw.length];
    Rng rng = new Rng(42);
    new OutputHeads(spans, 1f).sample(raw, out, rows, width, rng);
    assertEquals("2ed88b8f1f5cb13ca86dcb0a7dd6a84f63502c570aeabb6f7ccd7d7a1e3436c9",
        digest(out, rng.nextLong()));
  }

  @Test
  void noiseIsTheSame() throws Exception {
    float[] noise = new float[100_001];
    Rng rng = new Rng(43);
    rng.fillGaussian(noise, 0, noise.length);
    assertEquals("0d425b31c82968d7458f9f0900a5f45f59a9998fc4c43de68057f958dcf91f53",
        digest(noise, rng.nextLong()));
  }

  private static String digest(float[] values, long next) throws Exception {
    ByteBuffer bytes = ByteBuffer.allocate(4 * values.length + 8);
    for (float v : values) {
      bytes.putFloat(v);
    }
    bytes.putLong(next);
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
  }
}
