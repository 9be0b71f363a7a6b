package io.synthbeam.gan.ctgan;

import io.synthbeam.nn.BatchNorm1d;
import io.synthbeam.nn.Gemm;
import io.synthbeam.nn.Linear;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The trained generator for inference: each block's BatchNorm (with its running statistics) folded
 * into the Linear before it, so a block is {@code [ReLU(x W + b), x]}; then the head Linear.
 * Stateless and thread-safe; the ONNX export writes exactly these weights.
 */
public final class FoldedGenerator {
  private static final int MAGIC = 0x53424731; // "SBG1"

  /** One folded affine map, {@code y = x W + b} with W stored in x out. */
  public record Affine(int in, int out, float[] weight, float[] bias) {}

  private final List<Affine> blocks;
  private final Affine head;

  public FoldedGenerator(List<Affine> blocks, Affine head) {
    this.blocks = List.copyOf(blocks);
    this.head = head;
  }

  static FoldedGenerator fold(Generator g) {
    List<Affine> folded = new ArrayList<>();
    for (ResidualBlock b : g.blocks) {
      folded.add(fold(b.linear, b.norm));
    }
    Linear h = g.head;
    return new FoldedGenerator(folded, new Affine(h.weight().value.rows, h.weight().value.cols,
        h.weight().value.data.clone(), h.bias().value.data.clone()));
  }

  private static Affine fold(Linear linear, BatchNorm1d norm) {
    int in = linear.weight().value.rows;
    int out = linear.weight().value.cols;
    float[] w = linear.weight().value.data.clone();
    float[] b = new float[out];
    float[] gamma = norm.gamma().value.data;
    float[] beta = norm.beta().value.data;
    float[] mean = norm.runningMean();
    float[] var = norm.runningVar();
    for (int j = 0; j < out; j++) {
      double a = gamma[j] / Math.sqrt(var[j] + norm.eps());
      b[j] = (float) ((linear.bias().value.data[j] - mean[j]) * a + beta[j]);
      for (int i = 0; i < in; i++) {
        w[i * out + j] = (float) (w[i * out + j] * a);
      }
    }
    return new Affine(in, out, w, b);
  }

  public List<Affine> blocks() {
    return blocks;
  }

  public Affine head() {
    return head;
  }

  public int inputWidth() {
    return blocks.isEmpty() ? head.in() : blocks.get(0).in();
  }

  public int outputWidth() {
    return head.out();
  }

  /** Raw outputs (rows x outputWidth) for {@code input} (rows x inputWidth). */
  public float[] forward(float[] input, int rows) {
    float[] x = input;
    int width = inputWidth();
    for (Affine a : blocks) {
      int outWidth = a.out() + width;
      float[] next = new float[rows * outWidth];
      for (int r = 0; r < rows; r++) {
        System.arraycopy(a.bias(), 0, next, r * outWidth, a.out());
        System.arraycopy(x, r * width, next, r * outWidth + a.out(), width);
      }
      Gemm.gemm(false, false, rows, a.out(), width, x, 0, width, a.weight(), 0, a.out(),
          1f, next, 0, outWidth);
      for (int r = 0; r < rows; r++) {
        int base = r * outWidth;
        for (int j = 0; j < a.out(); j++) {
          if (next[base + j] < 0f) {
            next[base + j] = 0f;
          }
        }
      }
      x = next;
      width = outWidth;
    }
    float[] out = new float[rows * head.out()];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(head.bias(), 0, out, r * head.out(), head.out());
    }
    Gemm.gemm(false, false, rows, head.out(), width, x, 0, width, head.weight(), 0, head.out(),
        1f, out, 0, head.out());
    return out;
  }

  /** Writes the weights (the bundle's generator.bin). */
  public void write(DataOutputStream out) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(blocks.size());
    for (Affine a : blocks) {
      writeAffine(out, a);
    }
    writeAffine(out, head);
  }

  /** Reads what {@link #write} wrote. */
  public static FoldedGenerator read(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException("not a SynthBeam generator (bad magic number)");
    }
    int n = in.readInt();
    if (n < 0 || n > 64) {
      throw new IOException("corrupt generator: " + n + " blocks");
    }
    List<Affine> blocks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      blocks.add(readAffine(in));
    }
    return new FoldedGenerator(blocks, readAffine(in));
  }

  private static void writeAffine(DataOutputStream out, Affine a) throws IOException {
    out.writeInt(a.in());
    out.writeInt(a.out());
    for (float v : a.weight()) {
      out.writeFloat(v);
    }
    for (float v : a.bias()) {
      out.writeFloat(v);
    }
  }

  private static Affine readAffine(DataInputStream in) throws IOException {
    int rows = in.readInt();
    int cols = in.readInt();
    if (rows <= 0 || cols <= 0 || (long) rows * cols > 1L << 28) {
      throw new IOException("corrupt generator: layer shape " + rows + "x" + cols);
    }
    float[] w = new float[rows * cols];
    for (int i = 0; i < w.length; i++) {
      w[i] = in.readFloat();
    }
    float[] b = new float[cols];
    for (int i = 0; i < b.length; i++) {
      b[i] = in.readFloat();
    }
    return new Affine(rows, cols, w, b);
  }
}
