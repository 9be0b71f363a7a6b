package io.synthbeam.nn;

/**
 * Computes one {@code mr() x nr()} tile of C from a packed A micro-panel and a packed B
 * micro-panel (layouts in {@link GemmPacking}).
 *
 * <p>Every kernel sums each element the same way whatever its place in the tile: start from zero,
 * add the products for p = 0, 1, ..., kc-1 in order, then add the sum to C (or store it). That is
 * what makes the results independent of how the work is tiled or split over threads.
 */
interface GemmMicroKernel {
  /** Rows of the tile. */
  int mr();

  /** Columns of the tile. */
  int nr();

  /**
   * Multiplies the {@code kc x mr} panel {@code pa[paOff..]} (transposed) by the {@code kc x nr}
   * panel {@code pb[pbOff..]} and stores ({@code accumulate == false}) or adds the product into
   * the top-left {@code rows x cols} of the tile of C at {@code c[cOff]} with row stride
   * {@code ldc}. {@code tile} is scratch space of at least {@code mr*nr} floats.
   */
  void multiply(int kc, float[] pa, int paOff, float[] pb, int pbOff,
      float[] c, int cOff, int ldc, int rows, int cols, boolean accumulate, float[] tile);

  /**
   * Like {@link #multiply} for a tile of all {@code mr()} rows, reading A straight from row-major
   * storage: row r, depth p at {@code a[aOff + r*lda + p]}. Sums in the same order as
   * {@link #multiply}, so the result is the same bit for bit.
   */
  void multiplyRowMajorA(int kc, float[] a, int aOff, int lda, float[] pb, int pbOff,
      float[] c, int cOff, int ldc, int cols, boolean accumulate, float[] tile);

  /** A short name for logs and benchmarks. */
  String describe();
}
