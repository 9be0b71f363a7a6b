package io.synthbeam.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * AVX2-sized register-tiled micro-kernel on the JDK Vector API: a 6x16 tile of C is held in 12
 * 256-bit accumulators (with 2 B vectors and 1 broadcast of A, 15 of the 16 ymm registers); each
 * step of k does 12 fused multiply-adds from 2 vector loads and 6 broadcasts. Edge panels with
 * fewer valid rows run a narrower copy of the loop instead of multiplying zero padding. Every
 * variant sums an element in the same order, so which one runs does not change results; that
 * includes {@link #multiplyRowMajorA}, which reads whole row panels of A in place.
 *
 * <p>The bodies are unrolled by hand, one per row count: the JIT keeps accumulators in registers
 * only as separate locals. Only loaded when the {@code jdk.incubator.vector} module is present.
 */
final class GemmVectorKernel implements GemmMicroKernel {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
  static final int MR = 6;
  static final int NR = 16;

  /** Refuses CPUs whose vectors are narrower than 256 bits: there the API would be emulated. */
  GemmVectorKernel() {
    int preferredBits = FloatVector.SPECIES_PREFERRED.vectorBitSize();
    if (preferredBits < S.vectorBitSize()) {
      throw new UnsupportedOperationException("the CPU's preferred vectors have " + preferredBits
          + " bits, fewer than " + S.vectorBitSize());
    }
  }

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
    return "Vector API " + MR + "x" + NR + " (" + S + ")";
  }

  @Override
  public void multiply(int kc, float[] pa, int paOff, float[] pb, int pbOff,
      float[] c, int cOff, int ldc, int rows, int cols, boolean accumulate, float[] tile) {
    if (rows <= 2) {
      multiply2(kc, pa, paOff, pb, pbOff, c, cOff, ldc, rows, cols, accumulate, tile);
    } else if (rows <= 4) {
      multiply4(kc, pa, paOff, pb, pbOff, c, cOff, ldc, rows, cols, accumulate, tile);
    } else {
      multiply6(kc, pa, paOff, pb, pbOff, c, cOff, ldc, rows, cols, accumulate, tile);
    }
  }


  @Override
  public void multiplyRowMajorA(int kc, float[] a, int aOff, int lda, float[] pb, int pbOff,
      float[] c, int cOff, int ldc, int cols, boolean accumulate, float[] tile) {
    FloatVector zero = FloatVector.zero(S);
    FloatVector c00 = zero, c01 = zero;
    FloatVector c10 = zero, c11 = zero;
    FloatVector c20 = zero, c21 = zero;
    FloatVector c30 = zero, c31 = zero;
    FloatVector c40 = zero, c41 = zero;
    FloatVector c50 = zero, c51 = zero;
    int a0p = aOff;
    int a1p = aOff + lda;
    int a2p = aOff + 2 * lda;
    int a3p = aOff + 3 * lda;
    int a4p = aOff + 4 * lda;
    int a5p = aOff + 5 * lda;
    int bp = pbOff;
    for (int p = 0; p < kc; p++) {
      FloatVector b0 = FloatVector.fromArray(S, pb, bp);
      FloatVector b1 = FloatVector.fromArray(S, pb, bp + 8);
      FloatVector a0 = FloatVector.broadcast(S, a[a0p + p]);
      c00 = a0.fma(b0, c00);
      c01 = a0.fma(b1, c01);
      FloatVector a1 = FloatVector.broadcast(S, a[a1p + p]);
      c10 = a1.fma(b0, c10);
      c11 = a1.fma(b1, c11);
      FloatVector a2 = FloatVector.broadcast(S, a[a2p + p]);
      c20 = a2.fma(b0, c20);
      c21 = a2.fma(b1, c21);
      FloatVector a3 = FloatVector.broadcast(S, a[a3p + p]);
      c30 = a3.fma(b0, c30);
      c31 = a3.fma(b1, c31);
      FloatVector a4 = FloatVector.broadcast(S, a[a4p + p]);
      c40 = a4.fma(b0, c40);
      c41 = a4.fma(b1, c41);
      FloatVector a5 = FloatVector.broadcast(S, a[a5p + p]);
      c50 = a5.fma(b0, c50);
      c51 = a5.fma(b1, c51);
      bp += NR;
    }
    if (cols == NR) {
      int o = cOff;
      if (accumulate) {
        c00.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c01.add(FloatVector.fromArray(S, c, o + 8)).intoArray(c, o + 8);
        o += ldc;
        c10.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c11.add(FloatVector.fromArray(S, c, o + 8)).intoArray(c, o + 8);
        o += ldc;
        c20.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c21.add(FloatVector.fromArray(S, c, o + 8)).intoArray(c, o + 8);
        o += ldc;
        c30.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c31.add(FloatVector.fromArray(S, c, o + 8)).intoArray(c, o + 8);
        o += ldc;
        c40.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c41.add(FloatVector.fromArray(S, c, o + 8)).intoArray(c, o + 8);
        o += ldc;
        c50.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c51.add(FloatVector.fromArray(S, c, o + 8)).intoArray(c, o + 8);
      } else {
        c00.intoArray(c, o);
        c01.intoArray(c, o + 8);
        o += ldc;
        c10.intoArray(c, o);
        c11.intoArray(c, o + 8);
        o += ldc;
        c20.intoArray(c, o);
        c21.intoArray(c, o + 8);
        o += ldc;
        c30.intoArray(c, o);
        c31.intoArray(c, o + 8);
        o += ldc;
        c40.intoArray(c, o);
        c41.intoArray(c, o + 8);
        o += ldc;
        c50.intoArray(c, o);
        c51.intoArray(c, o + 8);
      }
      return;
    }
    c00.intoArray(tile, 0);
    c01.intoArray(tile, 8);
    c10.intoArray(tile, 16);
    c11.intoArray(tile, 24);
    c20.intoArray(tile, 32);
    c21.intoArray(tile, 40);
    c30.intoArray(tile, 48);
    c31.intoArray(tile, 56);
    c40.intoArray(tile, 64);
    c41.intoArray(tile, 72);
    c50.intoArray(tile, 80);
    c51.intoArray(tile, 88);
    copyTile(tile, c, cOff, ldc, MR, cols, accumulate);
  }

  private static void multiply2(int kc, float[] pa, int paOff, float[] pb, int pbOff,
      float[] c, int cOff, int ldc, int rows, int cols, boolean accumulate, float[] tile) {
    FloatVector zero = FloatVector.zero(S);
    FloatVector c00 = zero, c01 = zero;
    FloatVector c10 = zero, c11 = zero;
    int ap = paOff;
    int bp = pbOff;
    for (int p = 0; p < kc; p++) {
      FloatVector b0 = FloatVector.fromArray(S, pb, bp);
      FloatVector b1 = FloatVector.fromArray(S, pb, bp + 8);
      FloatVector a0 = FloatVector.broadcast(S, pa[ap]);
      c00 = a0.fma(b0, c00);
      c01 = a0.fma(b1, c01);
      FloatVector a1 = FloatVector.broadcast(S, pa[ap + 1]);
      c10 = a1.fma(b0, c10);
      c11 = a1.fma(b1, c11);
      ap += MR;
      bp += NR;
    }
    if (rows == 2 && cols == NR) {
      int o = cOff;
      if (accumulate) {
        c00.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c01.add(FloatVector.fromArray(S, c, o + 8)).intoArray(c, o + 8);
        o += ldc;
        c10.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c11.add(FloatVector.fromArray(S, c, o + 8)).intoArray(c, o + 8);
      } else {
        c00.intoArray(c, o);
        c01.intoArray(c, o + 8);
        o += ldc;
        c10.intoArray(c, o);
        c11.intoArray(c, o + 8);
      }
      return;
    }
    c00.intoArray(tile, 0);
    c01.intoArray(tile, 8);
    c10.intoArray(tile, 16);
    c11.intoArray(tile, 24);
    copyTile(tile, c, cOff, ldc, rows, cols, accumulate);
  }

  private static void multiply4(int kc, float[] pa, int paOff, float[] pb, int pbOff,
      float[] c, int cOff, int ldc, int rows, int cols, boolean accumulate, float[] tile) {
    FloatVector zero = FloatVector.zero(S);
    FloatVector c00 = zero, c01 = zero;
    FloatVector c10 = zero, c11 = zero;
    FloatVector c20 = zero, c21 = zero;
    FloatVector c30 = zero, c31 = zero;
    int ap = paOff;
    int bp = pbOff;
    for (int p = 0; p < kc; p++) {
      FloatVector b0 = FloatVector.fromArray(S, pb, bp);
      FloatVector b1 = FloatVector.fromArray(S, pb, bp + 8);
      FloatVector a0 = FloatVector.broadcast(S, pa[ap]);
      c00 = a0.fma(b0, c00);
      c01 = a0.fma(b1, c01);
      FloatVector a1 = FloatVector.broadcast(S, pa[ap + 1]);
      c10 = a1.fma(b0, c10);
      c11 = a1.fma(b1, c11);
      FloatVector a2 = FloatVector.broadcast(S, pa[ap + 2]);
      c20 = a2.fma(b0, c20);
      c21 = a2.fma(b1, c21);
      FloatVector a3 = FloatVector.broadcast(S, pa[ap + 3]);
      c30 = a3.fma(b0, c30);
      c31 = a3.fma(b1, c31);
      ap += MR;
      bp += NR;
    }
    if (rows == 4 && cols == NR) {
      int o = cOff;
      if (accumulate) {
        c00.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c01.add(FloatVector.fromArray(S, c, o + 8)).intoArray(c, o + 8);
        o += ldc;
        c10.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c11.add(FloatVector.fromArray(S, c, o + 8)).intoArray(c, o + 8);
        o += ldc;
        c20.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c21.add(FloatVector.fromArray(S, c, o + 8)).intoArray(c, o + 8);
        o += ldc;
        c30.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c31.add(FloatVector.fromArray(S, c, o + 8)).intoArray(c, o + 8);
      } else {
        c00.intoArray(c, o);
        c01.intoArray(c, o + 8);
        o += ldc;
        c10.intoArray(c, o);
        c11.intoArray(c, o + 8);
        o += ldc;
        c20.intoArray(c, o);
        c21.intoArray(c, o + 8);
        o += ldc;
        c30.intoArray(c, o);
        c31.intoArray(c, o + 8);
      }
      return;
    }
    c00.intoArray(tile, 0);
    c01.intoArray(tile, 8);
    c10.intoArray(tile, 16);
    c11.intoArray(tile, 24);
    c20.intoArray(tile, 32);
    c21.intoArray(tile, 40);
    c30.intoArray(tile, 48);
    c31.intoArray(tile, 56);
    copyTile(tile, c, cOff, ldc, rows, cols, accumulate);
  }

  private static void multiply6(int kc, float[] pa, int paOff, float[] pb, int pbOff,
      float[] c, int cOff, int ldc, int rows, int cols, boolean accumulate, float[] tile) {
    FloatVector zero = FloatVector.zero(S);
    FloatVector c00 = zero, c01 = zero;
    FloatVector c10 = zero, c11 = zero;
    FloatVector c20 = zero, c21 = zero;
    FloatVector c30 = zero, c31 = zero;
    FloatVector c40 = zero, c41 = zero;
    FloatVector c50 = zero, c51 = zero;
    int ap = paOff;
    int bp = pbOff;
    for (int p = 0; p < kc; p++) {
      FloatVector b0 = FloatVector.fromArray(S, pb, bp);
      FloatVector b1 = FloatVector.fromArray(S, pb, bp + 8);
      FloatVector a0 = FloatVector.broadcast(S, pa[ap]);
      c00 = a0.fma(b0, c00);
      c01 = a0.fma(b1, c01);
      FloatVector a1 = FloatVector.broadcast(S, pa[ap + 1]);
      c10 = a1.fma(b0, c10);
      c11 = a1.fma(b1, c11);
      FloatVector a2 = FloatVector.broadcast(S, pa[ap + 2]);
      c20 = a2.fma(b0, c20);
      c21 = a2.fma(b1, c21);
      FloatVector a3 = FloatVector.broadcast(S, pa[ap + 3]);
      c30 = a3.fma(b0, c30);
      c31 = a3.fma(b1, c31);
      FloatVector a4 = FloatVector.broadcast(S, pa[ap + 4]);
      c40 = a4.fma(b0, c40);
      c41 = a4.fma(b1, c41);
      FloatVector a5 = FloatVector.broadcast(S, pa[ap + 5]);
      c50 = a5.fma(b0, c50);
      c51 = a5.fma(b1, c51);
      ap += MR;
      bp += NR;
    }
    if (rows == 6 && cols == NR) {
      int o = cOff;
      if (accumulate) {
        c00.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c01.add(FloatVector.fromArray(S, c, o + 8)).intoArray(c, o + 8);
        o += ldc;
        c10.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c11.add(FloatVector.fromArray(S, c, o + 8)).intoArray(c, o + 8);
        o += ldc;
        c20.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c21.add(FloatVector.fromArray(S, c, o + 8)).intoArray(c, o + 8);
        o += ldc;
        c30.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c31.add(FloatVector.fromArray(S, c, o + 8)).intoArray(c, o + 8);
        o += ldc;
        c40.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c41.add(FloatVector.fromArray(S, c, o + 8)).intoArray(c, o + 8);
        o += ldc;
        c50.add(FloatVector.fromArray(S, c, o)).intoArray(c, o);
        c51.add(FloatVector.fromArray(S, c, o + 8)).intoArray(c, o + 8);
      } else {
        c00.intoArray(c, o);
        c01.intoArray(c, o + 8);
        o += ldc;
        c10.intoArray(c, o);
        c11.intoArray(c, o + 8);
        o += ldc;
        c20.intoArray(c, o);
        c21.intoArray(c, o + 8);
        o += ldc;
        c30.intoArray(c, o);
        c31.intoArray(c, o + 8);
        o += ldc;
        c40.intoArray(c, o);
        c41.intoArray(c, o + 8);
        o += ldc;
        c50.intoArray(c, o);
        c51.intoArray(c, o + 8);
      }
      return;
    }
    c00.intoArray(tile, 0);
    c01.intoArray(tile, 8);
    c10.intoArray(tile, 16);
    c11.intoArray(tile, 24);
    c20.intoArray(tile, 32);
    c21.intoArray(tile, 40);
    c30.intoArray(tile, 48);
    c31.intoArray(tile, 56);
    c40.intoArray(tile, 64);
    c41.intoArray(tile, 72);
    c50.intoArray(tile, 80);
    c51.intoArray(tile, 88);
    copyTile(tile, c, cOff, ldc, rows, cols, accumulate);
  }

  /** Adds or copies the valid part of a spilled edge tile into C. */
  private static void copyTile(float[] tile, float[] c, int cOff, int ldc, int rows, int cols,
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
