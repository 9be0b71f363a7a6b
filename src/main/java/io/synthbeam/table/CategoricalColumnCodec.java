package io.synthbeam.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * One-hot encoding of a categorical column over the categories seen in training: by descending
 * count, ties by value (numbers numerically, text by code point, false before true), and the
 * null category, if the column had nulls, last.
 *
 * <p>A private fit may add an "other" category ({@link #OTHER}, after null): values whose category
 * was not released encode to it, and it decodes to null when the column is nullable, else to the
 * released category with the largest count, so decoding only ever yields released values.
 */
final class CategoricalColumnCodec implements ColumnCodec {
  /** The key of the "other" category of a private fit. */
  static final Object OTHER = Other.CATEGORY;

  private enum Other { CATEGORY }

  private final ColumnSpec column;
  private final ColumnReader reader;
  /** Category keys (String, Long or Boolean; null for the null category), in one-hot order. */
  private final Object[] keys;
  private final long[] counts;
  /** The value decode returns for each category, in the field's Java type. */
  private final Object[] decoded;
  private final Map<Object, Integer> index;
  private final int nullIndex;
  private final int otherIndex;

  CategoricalColumnCodec(ColumnSpec column, ColumnReader reader, Schema valueSchema,
      Object[] keys, long[] counts) {
    this.column = column;
    this.reader = reader;
    this.keys = keys.clone();
    this.counts = counts.clone();
    this.decoded = new Object[keys.length];
    this.index = new HashMap<>();
    int nullAt = -1;
    int otherAt = -1;
    int mostFrequent = -1;
    for (int i = 0; i < keys.length; i++) {
      Object key = keys[i];
      if (key == null ? nullAt >= 0 : key == OTHER ? otherAt >= 0 : index.containsKey(key)) {
        throw new IllegalArgumentException("column '" + column.name()
            + "' lists the category '" + key + "' twice");
      }
      if (key == null) {
        nullAt = i;
      } else if (key == OTHER) {
        otherAt = i;
      } else {
        index.put(key, i);
        decoded[i] = toJava(key, valueSchema);
        mostFrequent = mostFrequent < 0 || counts[i] > counts[mostFrequent] ? i : mostFrequent;
      }
    }
    this.nullIndex = nullAt;
    this.otherIndex = otherAt;
    if (otherAt >= 0) {
      if (nullAt < 0 && mostFrequent < 0) {
        throw new IllegalArgumentException("column '" + column.name() + "' has an 'other'"
            + " category but no released category or null for it to decode to");
      }
      decoded[otherAt] = nullAt >= 0 ? null : decoded[mostFrequent];
    }
  }

  /** Orders the counted categories and builds the codec. */
  static CategoricalColumnCodec fromCounts(ColumnSpec column, ColumnReader reader,
      Schema valueSchema, CategoryCounts counted) {
    List<Map.Entry<Object, long[]>> entries = new ArrayList<>(counted.counts().entrySet());
    entries.sort(Comparator.<Map.Entry<Object, long[]>>comparingLong(e -> -e.getValue()[0])
        .thenComparing(Map.Entry::getKey, CategoricalColumnCodec::compareKeys));
    int n = entries.size() + (counted.nulls > 0 ? 1 : 0);
    Object[] keys = new Object[n];
    long[] counts = new long[n];
    for (int i = 0; i < entries.size(); i++) {
      keys[i] = entries.get(i).getKey();
      counts[i] = entries.get(i).getValue()[0];
    }
    if (counted.nulls > 0) {
      counts[n - 1] = counted.nulls;
    }
    return new CategoricalColumnCodec(column, reader, valueSchema, keys, counts);
  }

  @SuppressWarnings("unchecked")
  static int compareKeys(Object a, Object b) {
    return ((Comparable<Object>) a).compareTo(b);
  }

  @Override
  public ColumnSpec column() {
    return column;
  }

  /** Category keys in one-hot order (null for the null category). */
  Object[] keys() {
    return keys.clone();
  }

  long[] counts() {
    return counts.clone();
  }

  @Override
  public int width() {
    return keys.length;
  }

  @Override
  public List<OutputSpan> spans(int offset, int columnIndex) {
    return List.of(new OutputSpan(offset, keys.length, OutputSpan.Activation.SOFTMAX,
        columnIndex));
  }

  @Override
  public void encode(Object raw, float[] out, int offset, SplittableRandom rng) {
    int i;
    if (raw == null) {
      reader.checkNullAllowed();
      if (nullIndex < 0) {
        throw new IllegalArgumentException("column '" + column.name()
            + "' had no nulls in training, so a null cannot be encoded");
      }
      i = nullIndex;
    } else {
      Object key = reader.key(raw);
      Integer found = index.get(key);
      if (found == null && otherIndex >= 0) {
        found = otherIndex;
      }
      if (found == null) {
        throw new IllegalArgumentException("column '" + column.name() + "' has the value '" + key
            + "', which was not seen in training; known values: " + knownValues());
      }
      i = found;
    }
    out[offset + i] = 1;
  }

  @Override
  public Object decode(float[] row, int offset) {
    return decoded[ColumnCodec.argmax(row, offset, keys.length)];
  }

  /**
   * The index of the category written as {@code text}: the value parsed by the column's type;
   * the empty string or "null" is the null category unless the column has such a literal value.
   */
  int categoryIndex(String valueText) {
    String text = valueText == null ? "" : valueText;
    Object key = parse(text);
    Integer found = key == null ? null : index.get(key);
    if (found != null) {
      return found;
    }
    if (nullIndex >= 0 && (text.isEmpty() || text.equalsIgnoreCase("null"))) {
      return nullIndex;
    }
    if (key == null && !(text.isEmpty() || text.equalsIgnoreCase("null"))) {
      throw new IllegalArgumentException("'" + text + "' is not a valid "
          + column.type().name().toLowerCase(Locale.ROOT) + " value for column '" + column.name()
          + "'; known values: " + knownValues());
    }
    if (otherIndex >= 0) {
      throw new IllegalArgumentException("column '" + column.name() + "' has no released"
          + " category '" + text + "' (a private fit releases only values frequent enough to"
          + " clear its noise threshold); known values: " + knownValues());
    }
    throw new IllegalArgumentException("column '" + column.name() + "' never had the value '"
        + text + "' in training; known values: " + knownValues());
  }

  /** The key {@code text} stands for, or null when it does not parse. */
  private Object parse(String text) {
    String trimmed = text.trim();
    return switch (column.type()) {
      case STRING, ENUM -> text;
      case BOOLEAN -> trimmed.equalsIgnoreCase("true") ? Boolean.TRUE
          : trimmed.equalsIgnoreCase("false") ? Boolean.FALSE : null;
      case INT, LONG -> {
        try {
          yield Long.valueOf(trimmed);
        } catch (NumberFormatException e) {
          yield null;
        }
      }
      default -> throw new IllegalStateException("column '" + column.name() + "' is continuous");
    };
  }

  private String knownValues() {
    int shown = Math.min(keys.length, 20);
    String list = Arrays.stream(keys, 0, shown)
        .map(k -> k == null ? "null" : k == OTHER ? "(other)" : k.toString())
        .collect(Collectors.joining(", "));
    return keys.length > shown ? list + ", ... (" + keys.length + " in all)" : list;
  }

  private Object toJava(Object key, Schema valueSchema) {
    return switch (column.type()) {
      case STRING, BOOLEAN, LONG -> key;
      case ENUM -> new GenericData.EnumSymbol(valueSchema, (String) key);
      case INT -> Integer.valueOf(Math.toIntExact((Long) key));
      default -> throw new IllegalStateException("column '" + column.name() + "' is continuous");
    };
  }
}
