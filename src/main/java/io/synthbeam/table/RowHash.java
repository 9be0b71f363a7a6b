package io.synthbeam.table;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

/**
 * 64-bit hashing of a row's values, and the reservoir priority derived from it. Works on the
 * modelled values as {@link ColumnReader} normalises them, so a Utf8 and a String with the same
 * text, or an Integer and a Long in a long column, hash alike; other fields are hashed as plain
 * Avro data, strings by their text.
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

  /**
   * Adds any Avro datum, recursively and without a schema (records by field order, arrays in
   * order, maps as unordered sets of entries, bytes by content).
   */
  static long withDatum(long h, Object datum) {
    return combine(h, datumHash(datum));
  }

  private static long datumHash(Object o) {
    if (o == null) {
      return NULL_VALUE;
    } else if (o instanceof CharSequence || o instanceof GenericEnumSymbol<?>) {
      return withKey(0, o.toString());
    } else if (o instanceof Integer || o instanceof Long || o instanceof Short
        || o instanceof Byte) {
      return ((Number) o).longValue();
    } else if (o instanceof Float || o instanceof Double) {
      return Double.doubleToLongBits(((Number) o).doubleValue() + 0.0);
    } else if (o instanceof Boolean b) {
      return withKey(0, b);
    } else if (o instanceof ByteBuffer b) {
      long v = 0x3C6EF372FE94F82BL;
      for (int i = b.position(); i < b.limit(); i++) {
        v = mix(v + b.get(i));
      }
      return v;
    } else if (o instanceof GenericFixed f) {
      return datumHash(ByteBuffer.wrap(f.bytes()));
    } else if (o instanceof byte[] bytes) {
      return datumHash(ByteBuffer.wrap(bytes));
    } else if (o instanceof IndexedRecord r) {
      long v = 0xA54FF53A5F1D36F1L;
      for (int i = 0; i < r.getSchema().getFields().size(); i++) {
        v = combine(v, datumHash(r.get(i)));
      }
      return v;
    } else if (o instanceof Map<?, ?> m) {
      long v = 0x510E527FADE682D1L;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        v += mix(combine(datumHash(e.getKey()), datumHash(e.getValue())));
      }
      return v;
    } else if (o instanceof Collection<?> c) {
      long v = 0x9B05688C2B3E6C1FL;
      for (Object element : c) {
        v = combine(v, datumHash(element));
      }
      return v;
    }
    return mix(o.hashCode());
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
