package io.synthbeam.table;

import java.io.Serializable;

/**
 * A categorical column as the conditional vector sees it (training-by-sampling, CTGAN section 4.3).
 *
 * @param column index into {@link TableSpec#columns()}
 * @param spanOffset where the column's one-hot starts in an encoded row
 * @param conditionOffset where the column's one-hot starts in the conditional vector
 * @param counts training rows per category, in category order (length = number of categories)
 */
public record DiscreteColumn(int column, String name, int spanOffset, int conditionOffset,
    long[] counts) implements Serializable {
  public int categories() {
    return counts.length;
  }
}
