package io.synthbeam.nn;

/**
 * Column-wise concatenation {@code [a | b]} of two tensors with the same rows, and the split of the
 * gradient back into the two parts. Owns its output and gradient tensors.
 */
public final class Concat {
  private Tensor output;
  private Tensor gradA;
  private Tensor gradB;
  private int colsA;
  private int colsB;

  /** Returns {@code [a | b]} (rows x (a.cols + b.cols)), owned by this object. */
  public Tensor forward(Tensor a, Tensor b) {
    if (a.rows != b.rows) {
      throw new IllegalArgumentException("Concat needs equal row counts, got " + a + " and " + b);
    }
    colsA = a.cols;
    colsB = b.cols;
    output = Tensor.reuse(output, a.rows, colsA + colsB);
    copyColumns(a, 0, output, 0, colsA);
    copyColumns(b, 0, output, colsA, colsB);
    return output;
  }

  /** Splits {@code gradOutput} into {@link #gradA()} and {@link #gradB()}. */
  public void backward(Tensor gradOutput) {
    if (output == null || gradOutput.rows != output.rows || gradOutput.cols != output.cols) {
      throw new IllegalArgumentException("Concat backward got " + gradOutput + ", expected "
          + output);
    }
    int rows = gradOutput.rows;
    gradA = Tensor.reuse(gradA, rows, colsA);
    gradB = Tensor.reuse(gradB, rows, colsB);
    copyColumns(gradOutput, 0, gradA, 0, colsA);
    copyColumns(gradOutput, colsA, gradB, 0, colsB);
  }

  /** Gradient for the first input, from the latest {@link #backward}. */
  public Tensor gradA() {
    return gradA;
  }

  /** Gradient for the second input, from the latest {@link #backward}. */
  public Tensor gradB() {
    return gradB;
  }

  /**
   * Copies columns {@code [srcCol, srcCol+len)} of every row of {@code src} to columns
   * {@code [dstCol, dstCol+len)} of {@code dst} (same row count).
   */
  public static void copyColumns(Tensor src, int srcCol, Tensor dst, int dstCol, int len) {
    if (src.rows != dst.rows || srcCol + len > src.cols || dstCol + len > dst.cols) {
      throw new IllegalArgumentException("cannot copy " + len + " columns from " + src + " at "
          + srcCol + " to " + dst + " at " + dstCol);
    }
    for (int r = 0; r < src.rows; r++) {
      System.arraycopy(src.data, r * src.cols + srcCol, dst.data, r * dst.cols + dstCol, len);
    }
  }
}
