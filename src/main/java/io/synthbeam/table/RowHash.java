package io.synthbeam.table;

/**
 * 64-bit hashing of a row's modelled values, and the reservoir priority derived from it. Works on
 * the values as {@link ColumnReader} normalises them, so a Utf8 and a String with the same text,
 * or an Integer and a Long in a long column, hash alike.
 */
final class RowHash {
  static final long START = 0x243F6A8885A308D3L;
  private static final long NULL_VALUE = 0x13198A2E03707344L;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private RowHash() {}

  static long withNull(long h) {
    return combine(h, NULL_VALUE);
  }

  static long withNumber(long h, double x) {
    return combine(h, Double.doubleToLongBits(x));
  }

  static long withKey(long h, Object key) {
    long v;
    if (key instanceof String s) {
      v = 0xA4093822299F31D0L;
      for (int i = 0; i < s.length(); i++) {
        v = (v ^ s.charAt(i)) * 0x100000001B3L;
      }
      v = mix(v + s.length());
    } else if (key instanceof Boolean b) {
      v = b ? 0x082EFA98EC4E6C89L : 0x452821E638D01377L;
    } else {
      v = (Long) key;
    }
    return combine(h, v);
  }

  /** The reservoir priority of a row (by its hash) for one column. */
  static long priority(long seed, int column, long rowHash) {
    return mix(rowHash ^ mix(seed + GOLDEN * (column + 1)));
  }

  private static long combine(long h, long value) {
    return mix(h * GOLDEN + mix(value));
  }

  /** The splitmix64 finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
