package io.synthbeam.table;

import java.util.List;
import java.util.SplittableRandom;

/** The fitted encoding of one column: its run of the encoded row. Immutable. */
sealed interface ColumnCodec permits ContinuousColumnCodec, CategoricalColumnCodec {

  ColumnSpec column();

  /** Floats the column takes in an encoded row. */
  int width();

  /** The generator heads of the column, its run starting at {@code offset}. */
  List<OutputSpan> spans(int offset, int columnIndex);

  /**
   * Writes the column's run at {@code out[offset..]}, which the caller has zeroed. {@code raw} is
   * the record's value as Avro holds it.
   */
  void encode(Object raw, float[] out, int offset, SplittableRandom rng);

  /** Reads the column's run at {@code row[offset..]} back to a value of the field's Java type. */
  Object decode(float[] row, int offset);

  /** Index of the largest of {@code length} floats at {@code row[offset..]} (the first on ties). */
  static int argmax(float[] row, int offset, int length) {
    int best = 0;
    float bestValue = row[offset];
    for (int i = 1; i < length; i++) {
      float v = row[offset + i];
      if (v > bestValue || bestValue != bestValue) {
        best = i;
        bestValue = v;
      }
    }
    return best;
  }
}
