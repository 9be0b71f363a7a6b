package io.synthbeam.nn;

/**
 * A fast, seeded, deterministic random number generator: xoshiro256** (Blackman and Vigna,
 * "Scrambled linear pseudorandom number generators", 2018) with its 256-bit state filled by
 * SplitMix64, as the authors recommend.
 *
 * <p>The same (seed, stream) always gives the same sequence, on every machine: the logarithm
 * behind {@link #nextGaussian()} and {@link #nextGumbel()} is fdlibm's ({@link StrictLog}, equal
 * bit for bit to {@link StrictMath#log}), not a platform-dependent intrinsic; it costs a few ns a
 * call here.
 * Not thread-safe; give each thread its own instance via {@link #split()} or a stream number.
 */
public final class Rng {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private long s0;
  private long s1;
  private long s2;
  private long s3;
  private double spareGaussian;
  private boolean hasSpareGaussian;

  /** A generator for {@code seed} (stream 0). */
  public Rng(long seed) {
    this(seed, 0L);
  }

  /**
   * A generator for {@code seed} and an independent stream number: different streams of one seed
   * give unrelated sequences (e.g. one stream per worker or per purpose).
   */
  public Rng(long seed, long stream) {
    long a = seed;
    long b = mix64(stream + 0x632be59bd9b4e019L);
    // Two SplitMix64 sequences, one from the seed and one from the stream, XORed word by word.
    s0 = mix64(a += GOLDEN_GAMMA) ^ mix64(b += GOLDEN_GAMMA);
    s1 = mix64(a += GOLDEN_GAMMA) ^ mix64(b += GOLDEN_GAMMA);
    s2 = mix64(a += GOLDEN_GAMMA) ^ mix64(b += GOLDEN_GAMMA);
    s3 = mix64(a + GOLDEN_GAMMA) ^ mix64(b + GOLDEN_GAMMA);
    if ((s0 | s1 | s2 | s3) == 0L) {
      s0 = GOLDEN_GAMMA; // the all-zero state is the one fixed point of xoshiro
    }
  }

  /** A generator with the given raw xoshiro256** state (not all zero): for reference tests. */
  static Rng fromState(long s0, long s1, long s2, long s3) {
    Rng rng = new Rng(0L);
    rng.s0 = s0;
    rng.s1 = s1;
    rng.s2 = s2;
    rng.s3 = s3;
    return rng;
  }

  /** SplitMix64's output function (Steele, Lea and Flood 2014): a bijective 64-bit mixer. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /**
   * A new generator seeded from this one's next outputs: deterministic given this generator's
   * state, and statistically independent of it for practical purposes.
   */
  public Rng split() {
    long seed = nextLong();
    long stream = nextLong();
    return new Rng(seed, stream);
  }

  /** 64 uniformly random bits. */
  public long nextLong() {
    long result = Long.rotateLeft(s1 * 5, 7) * 9;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }

  /** Uniform in {@code [0, bound)}, without modulo bias (Lemire 2019). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xffffffffL;
    if (low < bound) {
      long threshold = (0x100000000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xffffffffL;
      }
    }
    return (int) (m >>> 32);
  }

  /** Uniform in {@code [0, 1)} with 24 random bits. */
  public float nextFloat() {
    return (nextLong() >>> 40) * 0x1.0p-24f;
  }

  /** Uniform in {@code [0, 1)} with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in the open interval {@code (0, 1)}: safe to take the logarithm of. */
  private double nextOpenDouble() {
    return openDouble(nextLong());
  }

  /** The uniform in {@code (0, 1)} that 64 random bits stand for (their top 53, centred). */
  public static double openDouble(long bits) {
    return ((bits >>> 11) + 0.5) * 0x1.0p-53;
  }

  /** Standard normal, by Marsaglia's polar method (each accepted pair gives two values). */
  public double nextGaussian() {
    if (hasSpareGaussian) {
      hasSpareGaussian = false;
      return spareGaussian;
    }
    double u;
    double v;
    double s;
    do {
      u = 2.0 * nextDouble() - 1.0;
      v = 2.0 * nextDouble() - 1.0;
      s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    double scale = Math.sqrt(-2.0 * StrictLog.log(s) / s);
    spareGaussian = v * scale;
    hasSpareGaussian = true;
    return u * scale;
  }

  /** Fills {@code dst[off, off+len)} with standard normal values. */
  public void fillGaussian(float[] dst, int off, int len) {
    for (int i = off, end = off + len; i < end; i++) {
      dst[i] = (float) nextGaussian();
    }
  }

  /** Fills {@code dst[off, off+len)} with uniform values in {@code [lo, hi)}. */
  public void fillUniform(float[] dst, int off, int len, float lo, float hi) {
    float width = hi - lo;
    for (int i = off, end = off + len; i < end; i++) {
      dst[i] = lo + width * nextFloat();
    }
  }

  /** A standard Gumbel(0, 1) sample: {@code -log(-log(U))} with U uniform in (0, 1). */
  public double nextGumbel() {
    return gumbel(nextLong());
  }

  /**
   * The Gumbel sample {@link #nextGumbel()} returns when {@link #nextLong()} gives {@code bits}:
   * for callers that draw the bits first and transform only those they need.
   */
  public static double gumbel(long bits) {
    return -StrictLog.log(-StrictLog.log(openDouble(bits)));
  }
}
