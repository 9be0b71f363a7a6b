package io.synthbeam.table;

/** Encoded rows, row-major: {@code rows x width} floats. */
public record EncodedTable(int rows, int width, float[] data) {
  public EncodedTable {
    if (data.length != (long) rows * width) {
      throw new IllegalArgumentException("data length " + data.length + " != " + rows + "x" + width);
    }
  }
}
