package io.synthbeam.nn;

/**
 * General matrix multiply on row-major float arrays: {@code C = beta*C + op(A) * op(B)} where op is
 * the identity or the transpose.
 *
 * <p>Shapes: op(A) is m x k, op(B) is k x n, C is m x n. {@code lda}, {@code ldb}, {@code ldc} are
 * the row strides of the arrays as stored (so for a transposed A stored as k x m, lda >= m).
 * {@code beta} is 0 (overwrite C; C's old contents are ignored, even NaN) or 1 (accumulate).
 *
 * <p>Results are deterministic: each element of C is summed in an order that depends only on the
 * shapes, never on the number of threads.
 *
 * <p>SKELETON: a plain reference implementation; the fast cache-blocked, multi-threaded Vector API
 * kernel replaces the body, keeping this signature.
 */
public final class Gemm {
  private Gemm() {}

  public static void gemm(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        float s = 0f;
        for (int p = 0; p < k; p++) {
          float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
          float bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
          s += av * bv;
        }
        int ci = cOff + i * ldc + j;
        c[ci] = beta == 0f ? s : beta * c[ci] + s;
      }
    }
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
}
