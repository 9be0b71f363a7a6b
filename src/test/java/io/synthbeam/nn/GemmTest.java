package io.synthbeam.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GemmTest {
  private static final boolean[] BOOLS = {false, true};
  private final Random random = new Random(42);
  private final int defaultThreads = Parallelism.threads();

  @AfterEach
  void restoreThreads() {
    Parallelism.setThreads(defaultThreads);
  }

  /** A stored matrix with an offset and a row stride wider than its columns. */
  private record Stored(float[] data, int off, int ld, int rows, int cols) {
    float at(int r, int c) {
      return data[off + r * ld + c];
    }
  }

  private Stored stored(int rows, int cols, int pad, int off) {
    int ld = cols + pad;
    float[] data = new float[off + rows * ld + 3];
    for (int i = 0; i < data.length; i++) {
      data[i] = random.nextFloat() * 2f - 1f;
    }
    return new Stored(data, off, ld, rows, cols);
  }

  /** One product problem with operands in the storage its transpose flags need. */
  private final class Problem {
    final boolean transA;
    final boolean transB;
    final int m;
    final int n;
    final int k;
    final Stored a;
    final Stored b;
    final Stored c0;

    Problem(boolean transA, boolean transB, int m, int n, int k, int pad, int off) {
      this.transA = transA;
      this.transB = transB;
      this.m = m;
      this.n = n;
      this.k = k;
      this.a = transA ? stored(k, m, pad, off) : stored(m, k, pad, off);
      this.b = transB ? stored(n, k, pad, off + 1) : stored(k, n, pad, off + 1);
      this.c0 = stored(m, n, pad, off + 2);
    }

    double opA(int i, int p) {
      return transA ? a.at(p, i) : a.at(i, p);
    }

    double opB(int p, int j) {
      return transB ? b.at(j, p) : b.at(p, j);
    }

    /** Runs a GEMM variant on a copy of C (with NaN garbage when beta is 0) and returns it. */
    float[] run(float beta, Multiplier gemm) {
      float[] c = c0.data.clone();
      if (beta == 0f) {
        for (int i = 0; i < m; i++) {
          Arrays.fill(c, c0.off + i * c0.ld, c0.off + i * c0.ld + n, Float.NaN);
        }
      }
      gemm.run(transA, transB, m, n, k, a.data, a.off, a.ld, b.data, b.off, b.ld, beta, c,
          c0.off, c0.ld);
      return c;
    }

    /** Checks C against a double-precision reference and that padding was left alone. */
    void check(float beta, float[] c) {
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double sum = 0;
          double magnitude = 0;
          for (int p = 0; p < k; p++) {
            double prod = opA(i, p) * opB(p, j);
            sum += prod;
            magnitude += Math.abs(prod);
          }
          double old = c0.at(i, j);
          double expected = beta == 0f ? sum : old + sum;
          double bound = 1e-5 * (magnitude + Math.abs(old) * (beta == 0f ? 0 : 1)) + 1e-30;
          float got = c[c0.off + i * c0.ld + j];
          if (!(Math.abs(got - expected) <= bound)) {
            fail(String.format("%s%s m=%d n=%d k=%d beta=%s: C[%d][%d]=%s expected %s (bound %g)",
                transA ? "T" : "N", transB ? "T" : "N", m, n, k, beta, i, j, got, expected, bound));
          }
        }
      }
      for (int idx = 0; idx < c.length; idx++) {
        int rel = idx - c0.off;
        boolean inside = rel >= 0 && rel / c0.ld < m && rel % c0.ld < n;
        if (!inside) {
          assertEquals(c0.data[idx], c[idx], "element outside C changed at index " + idx);
        }
      }
    }
  }

  @FunctionalInterface
  private interface Multiplier {
    void run(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
        float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc);
  }

  private static Multiplier kernel(GemmMicroKernel kernel, int threads) {
    return (ta, tb, m, n, k, a, ao, lda, b, bo, ldb, beta, c, co, ldc) ->
        Gemm.multiply(kernel, threads, ta, tb, m, n, k, a, ao, lda, b, bo, ldb, beta, c, co, ldc);
  }

  private void checkAllCases(int m, int n, int k, Multiplier gemm) {
    for (boolean ta : BOOLS) {
      for (boolean tb : BOOLS) {
        for (float beta : new float[] {0f, 1f}) {
          Problem p = new Problem(ta, tb, m, n, k, random.nextInt(3), random.nextInt(5));
          p.check(beta, p.run(beta, gemm));
        }
      }
    }
  }

  /** Sizes 1..70 in each dimension: every remainder modulo the tile sizes and k-block edges. */
  private void checkOddShapes(Multiplier gemm) {
    int[] sizes = {1, 2, 3, 5, 6, 7, 13, 16, 17, 31, 33, 47, 64, 70};
    for (int m : sizes) {
      for (int n : sizes) {
        for (int k : new int[] {1, 4, 17, 70}) {
          checkAllCases(m, n, k, gemm);
        }
      }
    }
  }

  @Test
  void publicGemmMatchesReferenceOnOddShapes() {
    checkOddShapes(Gemm::gemm);
  }

  @Test
  void blockedKernelsMatchReferenceOnOddShapesWithoutTheSmallPath() {
    // Gemm.multiply sends tiny products to the simple loop; call the driver directly.
    for (GemmMicroKernel kernel : new GemmMicroKernel[] {Gemm.kernel(), new GemmScalarKernel()}) {
      for (int threads : new int[] {1, 2, 3}) {
        Parallelism.setThreads(threads);
        checkOddShapes((ta, tb, m, n, k, a, ao, lda, b, bo, ldb, beta, c, co, ldc) -> {
          if (m > 0 && n > 0 && k > 0) {
            GemmDriver.multiply(kernel, threads, ta, tb, m, n, k, a, ao, lda, b, bo, ldb,
                beta != 0f, c, co, ldc);
          }
        });
      }
    }
  }

  @Test
  void kernelInUseIsTheVectorKernelWhenTheModuleIsPresent() {
    boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    assertEquals(present, Gemm.kernel().describe().startsWith("Vector API"),
        Gemm.kernel().describe());
  }

  @Test
  void withoutTheVectorModuleThePlainJavaKernelIsUsed() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        GemmFallbackProbe.class.getName()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("kernel=plain Java"), output);
    assertTrue(output.contains("vectorModule=false"), output);
    assertTrue(output.contains("correct=true"), output);
  }

  @Test
  void largeShapesOfTheModelMatchReference() {
    Parallelism.setThreads(2);
    // Deep k (several k-blocks), transposed weight gradient, and a tall product.
    checkAllCases(50, 37, 2740, Gemm::gemm);
    Problem p = new Problem(true, false, 500, 232, 256, 0, 0);
    p.check(1f, p.run(1f, Gemm::gemm));
    p = new Problem(false, true, 50, 2740, 256, 1, 3);
    p.check(0f, p.run(0f, Gemm::gemm));
  }

  @Test
  void scalarKernelMatchesReferenceOnLargeShapes() {
    Problem p = new Problem(false, false, 50, 300, 600, 2, 1);
    p.check(0f, p.run(0f, kernel(new GemmScalarKernel(), 2)));
    p = new Problem(true, true, 130, 70, 520, 0, 0);
    p.check(1f, p.run(1f, kernel(new GemmScalarKernel(), 1)));
  }

  @Test
  void resultsAreBitIdenticalForOneTwoAndThreeThreads() {
    int[][] shapes = {{500, 232, 256}, {50, 2740, 256}, {2740, 256, 50}, {50, 256, 2740},
        {97, 61, 300}};
    for (int[] s : shapes) {
      for (boolean ta : BOOLS) {
        for (boolean tb : BOOLS) {
          Problem p = new Problem(ta, tb, s[0], s[1], s[2], 1, 2);
          float[] one = null;
          for (int threads = 1; threads <= 3; threads++) {
            Parallelism.setThreads(threads);
            float[] got = p.run(1f, Gemm::gemm);
            if (one == null) {
              one = got;
            } else {
              assertArrayEquals(one, got, threads + " threads differ from 1 thread for "
                  + Arrays.toString(s) + " transA=" + ta + " transB=" + tb);
            }
          }
        }
      }
    }
  }

  @Test
  void generalBetaScalesC() {
    float[] a = {1, 2, 3, 4};
    float[] b = {1, 0, 0, 1};
    float[] c = {10, 10, 10, 10};
    Gemm.gemm(false, false, 2, 2, 2, a, 0, 2, b, 0, 2, 0.5f, c, 0, 2);
    assertArrayEquals(new float[] {6, 7, 8, 9}, c);
  }

  @Test
  void zeroDepthClearsOrKeepsC() {
    float[] c = {Float.NaN, 5, 7};
    Gemm.gemm(false, false, 1, 2, 0, new float[0], 0, 0, new float[0], 0, 2, 0f, c, 0, 2);
    assertArrayEquals(new float[] {0, 0, 7}, c);
    float[] d = {3, 4};
    Gemm.gemm(true, true, 1, 2, 0, new float[0], 0, 1, new float[0], 0, 0, 1f, d, 0, 2);
    assertArrayEquals(new float[] {3, 4}, d);
    Gemm.gemm(false, false, 0, 0, 5, new float[0], 0, 5, new float[0], 0, 0, 0f, d, 0, 0);
    assertArrayEquals(new float[] {3, 4}, d);
  }

  @Test
  void matmulOnTensorsUsesShapes() {
    Tensor a = new Tensor(3, 2, new float[] {1, 2, 3, 4, 5, 6});
    Tensor b = new Tensor(3, 2, new float[] {1, 0, 0, 1, 1, 1});
    Tensor c = new Tensor(2, 2);
    Gemm.matmul(a, true, b, false, c, false); // (3x2)^T * 3x2
    assertArrayEquals(new float[] {6, 8, 8, 10}, c.data);
    Gemm.matmul(a, true, b, false, c, true);
    assertArrayEquals(new float[] {12, 16, 16, 20}, c.data);
    assertThrows(IllegalArgumentException.class, () -> Gemm.matmul(a, false, b, false, c, false));
  }

  @Test
  void badArgumentsAreRejectedWithTheOperandNamed() {
    float[] x = new float[10];
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Gemm.gemm(false, false, 2, 2, 3, x, 0, 2, x, 0, 2, 0f, x, 0, 2));
    assertTrue(e.getMessage().contains("A"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Gemm.gemm(false, false, 2, 2, 2, x, 0, 2, x, 0, 2, 0f, x, 8, 2));
    assertTrue(e.getMessage().contains("C"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Gemm.gemm(false, false, -1, 2, 2, x, 0, 2, x, 0, 2, 0f, x, 0, 2));
  }
}
