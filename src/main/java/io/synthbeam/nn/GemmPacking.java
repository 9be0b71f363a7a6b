package io.synthbeam.nn;

/**
 * Copies blocks of op(A) and op(B) into the contiguous, zero-padded micro-panel layouts the
 * micro-kernels stream through. Packing is also where the transposes disappear: the kernels only
 * ever see one layout whatever the storage.
 *
 * <ul>
 *   <li>A: a block of rows is cut into panels of {@code mr} rows; panel q holds, for p = 0..kc-1,
 *       the {@code mr} values op(A)[row0 + q*mr + r][p0 + p] at
 *       {@code dst[dstOff + (q*kc + p)*mr + r]}.
 *   <li>B: op(B) (k x n) is cut into panels of {@code nr} columns; a panel holds, for each p of
 *       the packed depth, the {@code nr} values op(B)[p][q*nr + j] in a row; when the whole depth
 *       is packed, a k-block of a panel is one contiguous run.
 * </ul>
 */
final class GemmPacking {
  private GemmPacking() {}

  /** Packs rows {@code [row0, row0+rows)} and depth {@code [p0, p0+kc)} of op(A) at dstOff. */
  static void packA(boolean transA, float[] a, int aOff, int lda, int row0, int rows, int p0,
      int kc, int mr, float[] dst, int dstOff) {
    for (int q = 0, i0 = 0; i0 < rows; q++, i0 += mr) {
      int panelRows = Math.min(mr, rows - i0);
      int base = dstOff + q * kc * mr;
      if (transA) {
        // op(A)[i][p] = a[p*lda + i]: each depth step is a contiguous run of rows.
        int src = aOff + p0 * lda + row0 + i0;
        for (int p = 0; p < kc; p++, src += lda) {
          int d = base + p * mr;
          for (int r = 0; r < panelRows; r++) {
            dst[d + r] = a[src + r];
          }
          for (int r = panelRows; r < mr; r++) {
            dst[d + r] = 0f;
          }
        }
      } else {
        for (int r = 0; r < panelRows; r++) {
          int src = aOff + (row0 + i0 + r) * lda + p0;
          int d = base + r;
          for (int p = 0; p < kc; p++, d += mr) {
            dst[d] = a[src + p];
          }
        }
        for (int r = panelRows; r < mr; r++) {
          for (int p = 0, d = base + r; p < kc; p++, d += mr) {
            dst[d] = 0f;
          }
        }
      }
    }
  }

  /**
   * Packs column panels {@code [panel0, panel1)} of op(B), rows {@code [p0, p0+depth)}, to
   * {@code dst[dstOff + ((q - panel0)*depth + p)*nr + j]}.
   */
  static void packB(boolean transB, float[] b, int bOff, int ldb, int n, int nr, int p0,
      int depth, int panel0, int panel1, float[] dst, int dstOff) {
    for (int q = panel0; q < panel1; q++) {
      int j0 = q * nr;
      int cols = Math.min(nr, n - j0);
      int base = dstOff + (q - panel0) * depth * nr;
      if (transB) {
        // op(B)[p][j] = b[j*ldb + p]: read each stored row contiguously, write with stride nr.
        for (int j = 0; j < cols; j++) {
          int src = bOff + (j0 + j) * ldb + p0;
          for (int p = 0, d = base + j; p < depth; p++, d += nr) {
            dst[d] = b[src + p];
          }
        }
        for (int j = cols; j < nr; j++) {
          for (int p = 0, d = base + j; p < depth; p++, d += nr) {
            dst[d] = 0f;
          }
        }
      } else {
        // Rows of the panel are contiguous in B; arraycopy moves them twice as fast as a loop.
        int src = bOff + p0 * ldb + j0;
        for (int p = 0, d = base; p < depth; p++, d += nr, src += ldb) {
          System.arraycopy(b, src, dst, d, cols);
          for (int j = cols; j < nr; j++) {
            dst[d + j] = 0f;
          }
        }
      }
    }
  }
}
