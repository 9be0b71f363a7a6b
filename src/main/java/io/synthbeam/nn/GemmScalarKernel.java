package io.synthbeam.nn;

/**
 * Plain-Java 4x64 micro-kernel, the fallback when the {@code jdk.incubator.vector} module is not
 * present. The accumulators live in the small {@code tile} array (in L1) whose fixed-length inner
 * loops the JIT can vectorize on its own.
 */
final class GemmScalarKernel implements GemmMicroKernel {
  static final int MR = 4;
  static final int NR = 64;

  @Override
  public int mr() {
    return MR;
  }

  @Override
  public int nr() {
    return NR;
  }

  @Override
  public String describe() {
    return "plain Java " + MR + "x" + NR;
  }

  @Override
  public void multiplyRowMajorA(int kc, float[] a, int aOff, int lda, float[] pb, int pbOff,
      float[] c, int cOff, int ldc, int cols, boolean accumulate, float[] tile) {
    clear(tile);
    for (int r = 0; r < MR; r++) {
      int t = r * NR;
      for (int p = 0, ap = aOff + r * lda, bp = pbOff; p < kc; p++, bp += NR) {
        float av = a[ap + p];
        for (int j = 0; j < NR; j++) {
          tile[t + j] += av * pb[bp + j];
        }
      }
    }
    writeTile(tile, c, cOff, ldc, MR, cols, accumulate);
  }

  @Override
  public void multiply(int kc, float[] pa, int paOff, float[] pb, int pbOff,
      float[] c, int cOff, int ldc, int rows, int cols, boolean accumulate, float[] tile) {
    clear(tile);
    for (int p = 0; p < kc; p++) {
      int ap = paOff + p * MR;
      int bp = pbOff + p * NR;
      for (int r = 0; r < MR; r++) {
        float av = pa[ap + r];
        int t = r * NR;
        for (int j = 0; j < NR; j++) {
          tile[t + j] += av * pb[bp + j];
        }
      }
    }
    writeTile(tile, c, cOff, ldc, rows, cols, accumulate);
  }

  private static void clear(float[] tile) {
    for (int i = 0; i < MR * NR; i++) {
      tile[i] = 0f;
    }
  }

  private static void writeTile(float[] tile, float[] c, int cOff, int ldc, int rows, int cols,
      boolean accumulate) {
    for (int r = 0; r < rows; r++) {
      int o = cOff + r * ldc;
      int t = r * NR;
      if (accumulate) {
        for (int j = 0; j < cols; j++) {
          c[o + j] += tile[t + j];
        }
      } else {
        System.arraycopy(tile, t, c, o, cols);
      }
    }
  }
}
