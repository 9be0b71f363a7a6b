package io.synthbeam.table.dp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A deterministic stream of noise for one statistic: SHA-256 in counter mode over (seed, stream
 * name, block number), turned into uniforms (53 bits each) and standard normals (Box-Muller).
 * The same seed and name give the same stream on any machine; distinct names give independent
 * streams, so the noise of a statistic does not depend on which other statistics were drawn first.
 *
 * <p>The noise protects the data only as long as the seed stays secret: whoever knows it can
 * subtract the noise. A hash in counter mode (unlike a linear generator) does not give the seed
 * away from its outputs.
 */
public final class NoiseSource {
  private static final double TWO_TO_MINUS_53 = 0x1.0p-53;

  private final MessageDigest sha;
  private final byte[] prefix;
  private long block;
  private final ByteBuffer bits = ByteBuffer.allocate(32);
  private double spareGaussian = Double.NaN;

  public NoiseSource(long seed, String stream) {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
    byte[] name = stream.getBytes(StandardCharsets.UTF_8);
    prefix = ByteBuffer.allocate(8 + 4 + name.length).putLong(seed).putInt(name.length).put(name)
        .array();
    bits.position(bits.limit());
  }

  /** A uniform double in (0, 1). */
  public double uniform() {
    return ((nextLong() >>> 11) + 0.5) * TWO_TO_MINUS_53;
  }

  /** A standard normal variate. */
  public double gaussian() {
    if (!Double.isNaN(spareGaussian)) {
      double g = spareGaussian;
      spareGaussian = Double.NaN;
      return g;
    }
    double radius = Math.sqrt(-2 * Math.log(uniform()));
    double angle = 2 * Math.PI * uniform();
    spareGaussian = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  private long nextLong() {
    if (bits.remaining() < 8) {
      sha.update(prefix);
      sha.update(ByteBuffer.allocate(8).putLong(block++).array());
      bits.clear();
      bits.put(sha.digest());
      bits.flip();
    }
    return bits.getLong();
  }
}
