package io.synthbeam.nn;

import java.lang.reflect.InvocationTargetException;
import java.util.logging.Logger;

/**
 * General matrix multiply on row-major float arrays: {@code C = beta*C + op(A) * op(B)} where op is
 * the identity or the transpose.
 *
 * <p>Shapes: op(A) is m x k, op(B) is k x n, C is m x n. {@code lda}, {@code ldb}, {@code ldc} are
 * the row strides of the arrays as stored (so for a transposed A stored as k x m, lda >= m).
 * {@code beta} is 0 (overwrite C; C's old contents are ignored, even NaN) or 1 (accumulate); any
 * other beta scales C first.
 *
 * <p>Products of some size run on a packed, cache-blocked, register-tiled kernel (Vector API when
 * the {@code jdk.incubator.vector} module is present, plain Java otherwise), split over
 * {@link Parallelism#threads()} threads. Tiny products and matrix-vector products take a simple
 * loop.
 *
 * <p>Results are deterministic: each element of C is summed in an order that depends only on the
 * shapes, never on the number of threads. (The two kernels round differently, fused or separate
 * multiply-add, so bits match across thread counts, not across kernels.)
 *
 * <p>Until the JIT has compiled the Vector API kernel, about the first second of GEMM work in a
 * JVM, it runs far slower than it will; benchmarks need a few warm-up iterations.
 */
public final class Gemm {
  private static final Logger LOG = Logger.getLogger(Gemm.class.getName());
  /** Products with fewer multiply-adds than this skip packing. */
  static final long SMALL_MACS = 4096;

  private Gemm() {}

  /** The micro-kernel, chosen at first use. */
  private static final class KernelHolder {
    static final GemmMicroKernel KERNEL = selectKernel();
  }

  /**
   * C = beta*C + op(A)*op(B); see the class comment for the meaning of the arguments.
   *
   * @throws IllegalArgumentException on negative sizes, strides too small for the rows, or
   *     arrays too short for the described matrices
   */
  public static void gemm(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    checkArgs(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    multiply(kernel(), Parallelism.threads(), transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb,
        beta, c, cOff, ldc);
  }

  /**
   * {@code c = op(a) * op(b)} (or {@code c += ...} when {@code accumulate}) on whole tensors.
   */
  public static void matmul(Tensor a, boolean transA, Tensor b, boolean transB, Tensor c,
      boolean accumulate) {
    int m = transA ? a.cols : a.rows;
    int k = transA ? a.rows : a.cols;
    int kb = transB ? b.cols : b.rows;
    int n = transB ? b.rows : b.cols;
    if (k != kb || c.rows != m || c.cols != n) {
      throw new IllegalArgumentException("matmul shapes: op(A) " + m + "x" + k + ", op(B) " + kb
          + "x" + n + ", C " + c.rows + "x" + c.cols);
    }
    gemm(transA, transB, m, n, k, a.data, 0, a.cols, b.data, 0, b.cols,
        accumulate ? 1f : 0f, c.data, 0, c.cols);
  }

  /** The micro-kernel in use (the Vector API one when its module is present). */
  static GemmMicroKernel kernel() {
    return KernelHolder.KERNEL;
  }

  /** {@link #gemm} with an explicit kernel and thread count, arguments already checked. */
  static void multiply(GemmMicroKernel kernel, int threads, boolean transA, boolean transB,
      int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    if (m == 0 || n == 0) {
      return;
    }
    if (beta != 0f && beta != 1f) {
      scale(m, n, beta, c, cOff, ldc);
    }
    boolean accumulate = beta != 0f;
    if (k == 0) {
      if (!accumulate) {
        for (int i = 0; i < m; i++) {
          java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
        }
      }
      return;
    }
    if (n == 1 || (long) m * n * k < SMALL_MACS) {
      simple(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc);
    } else {
      boolean worthSplitting = (long) m * n * k >= GemmDriver.PARALLEL_MIN_MACS;
      GemmDriver.multiply(kernel, worthSplitting ? threads : 1, transA, transB, m, n, k,
          a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc);
    }
  }

  /** Dot products in k order: for tiny and matrix-vector products, where packing does not pay. */
  static void simple(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      boolean accumulate, float[] c, int cOff, int ldc) {
    int aRow = transA ? 1 : lda;
    int aStep = transA ? lda : 1;
    int bCol = transB ? ldb : 1;
    int bStep = transB ? 1 : ldb;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        float s = 0f;
        int ai = aOff + i * aRow;
        int bj = bOff + j * bCol;
        for (int p = 0; p < k; p++, ai += aStep, bj += bStep) {
          s += a[ai] * b[bj];
        }
        int ci = cOff + i * ldc + j;
        c[ci] = accumulate ? c[ci] + s : s;
      }
    }
  }

  private static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
    for (int i = 0; i < m; i++) {
      for (int j = cOff + i * ldc, end = j + n; j < end; j++) {
        c[j] *= beta;
      }
    }
  }

  private static GemmMicroKernel selectKernel() {
    GemmMicroKernel chosen = null;
    String why;
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
      try {
        // By name, so the Vector API classes are never loaded without their module.
        chosen = (GemmMicroKernel) Class.forName("io.synthbeam.nn.GemmVectorKernel")
            .getDeclaredConstructor().newInstance();
        why = "jdk.incubator.vector is present";
      } catch (InvocationTargetException e) {
        why = "the Vector API kernel is not usable here: " + e.getCause().getMessage();
      } catch (ReflectiveOperationException | LinkageError e) {
        why = "the Vector API kernel failed to load (" + e + ")";
      }
    } else {
      why = "jdk.incubator.vector is not present (run java with --add-modules jdk.incubator.vector"
          + " for the fast kernel)";
    }
    if (chosen == null) {
      chosen = new GemmScalarKernel();
    }
    LOG.info("GEMM kernel: " + chosen.describe() + ", because " + why);
    return chosen;
  }

  private static void checkArgs(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
    if (m < 0 || n < 0 || k < 0) {
      throw new IllegalArgumentException(
          "gemm sizes must be non-negative: m=" + m + " n=" + n + " k=" + k);
    }
    checkMatrix("A", a, aOff, lda, transA ? k : m, transA ? m : k);
    checkMatrix("B", b, bOff, ldb, transB ? n : k, transB ? k : n);
    checkMatrix("C", c, cOff, ldc, m, n);
  }

  /** Checks that a stored rows x cols matrix at off with row stride ld lies inside the array. */
  private static void checkMatrix(String name, float[] x, int off, int ld, int rows, int cols) {
    if (rows == 0 || cols == 0) {
      return;
    }
    if (ld < cols) {
      throw new IllegalArgumentException("gemm: row stride of " + name + " is " + ld
          + " but its stored rows have " + cols + " columns; pass a stride >= " + cols);
    }
    long last = (long) off + (long) (rows - 1) * ld + cols;
    if (off < 0 || last > x.length) {
      throw new IllegalArgumentException("gemm: " + name + " (" + rows + "x" + cols + " at offset "
          + off + ", stride " + ld + ") needs " + last + " floats but the array has " + x.length);
    }
  }
}
