package io.synthbeam.validation;

/**
 * Picks rows without replacement the way pandas' {@code DataFrame.sample(n, random_state=seed)}
 * does (numpy's legacy {@code RandomState(seed).permutation(population)[:n]}), so a report can
 * score exactly the rows judge.py scores when both read the same file in the same order.
 *
 * <p>The generator is the Mersenne Twister MT19937 (Matsumoto and Nishimura, 1998) seeded with
 * its {@code init_genrand} routine; the permutation is a Fisher-Yates shuffle whose random index
 * in {@code [0, i]} is drawn by masked rejection (numpy's {@code random_interval}).
 */
public final class RowSample {
  private RowSample() {}

  /**
   * The row indices pandas would sample: {@code size} distinct indices in {@code [0, population)}
   * in sampled order; all of them (in permuted order) when {@code size >= population}.
   */
  public static int[] likePandas(int population, int size, long seed) {
    if (population < 0 || size < 0) {
      throw new IllegalArgumentException("population and size must be >= 0, got " + population
          + " and " + size);
    }
    int[] order = new int[population];
    for (int i = 0; i < population; i++) {
      order[i] = i;
    }
    Mt19937 random = new Mt19937(seed);
    for (int i = population - 1; i > 0; i--) {
      int j = random.interval(i);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return java.util.Arrays.copyOf(order, Math.min(size, population));
  }

  /** MT19937 with 32-bit output, as in numpy's legacy RandomState. */
  static final class Mt19937 {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] state = new int[N];
    private int position;

    Mt19937(long seed) {
      long s = seed & 0xffffffffL;
      for (int i = 0; i < N; i++) {
        state[i] = (int) s;
        s = (1812433253L * (s ^ (s >>> 30)) + i + 1) & 0xffffffffL;
      }
      position = N;
    }

    /** The next 32 random bits. */
    int nextInt() {
      if (position >= N) {
        twist();
      }
      int y = state[position++];
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      y ^= y >>> 18;
      return y;
    }

    /** A uniform integer in {@code [0, max]} by masked rejection; max below 2^31. */
    int interval(int max) {
      if (max == 0) {
        return 0;
      }
      int mask = max;
      mask |= mask >>> 1;
      mask |= mask >>> 2;
      mask |= mask >>> 4;
      mask |= mask >>> 8;
      mask |= mask >>> 16;
      int value;
      do {
        value = nextInt() & mask;
      } while (Integer.compareUnsigned(value, max) > 0);
      return value;
    }

    private void twist() {
      for (int i = 0; i < N; i++) {
        int y = (state[i] & 0x80000000) | (state[(i + 1) % N] & 0x7fffffff);
        int next = state[(i + M) % N] ^ (y >>> 1);
        state[i] = (y & 1) == 0 ? next : next ^ 0x9908b0df;
      }
      position = 0;
    }
  }
}
