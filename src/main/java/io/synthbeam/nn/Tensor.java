package io.synthbeam.nn;

import java.util.Arrays;

/**
 * A row-major matrix of float32 values: the only tensor shape the networks need (a batch of rows).
 *
 * <p>Layers own their output tensors and reuse them from step to step; a tensor is reallocated only
 * when the batch size changes, so the training loop does not allocate.
 */
public final class Tensor {
  public final int rows;
  public final int cols;
  public final float[] data;

  public Tensor(int rows, int cols) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("negative shape " + rows + "x" + cols);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = new float[Math.multiplyExact(rows, cols)];
  }

  public Tensor(int rows, int cols, float[] data) {
    if (data.length != rows * cols) {
      throw new IllegalArgumentException(
          "data length " + data.length + " does not match shape " + rows + "x" + cols);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data;
  }

  /** Returns {@code t} if it already has this shape, else a new zeroed tensor of the shape. */
  public static Tensor reuse(Tensor t, int rows, int cols) {
    return t != null && t.rows == rows && t.cols == cols ? t : new Tensor(rows, cols);
  }

  public float get(int r, int c) {
    return data[r * cols + c];
  }

  public void set(int r, int c, float v) {
    data[r * cols + c] = v;
  }

  public int size() {
    return data.length;
  }

  public void fill(float v) {
    Arrays.fill(data, v);
  }

  public Tensor copy() {
    return new Tensor(rows, cols, data.clone());
  }

  public void copyFrom(Tensor other) {
    if (other.rows != rows || other.cols != cols) {
      throw new IllegalArgumentException("shape " + other.rows + "x" + other.cols + " != " + rows + "x" + cols);
    }
    System.arraycopy(other.data, 0, data, 0, data.length);
  }

  @Override
  public String toString() {
    return "Tensor[" + rows + "x" + cols + "]";
  }
}
