package io.synthbeam.bench;

import io.synthbeam.gan.ctgan.FoldedGenerator;
import io.synthbeam.nn.Parallelism;
import io.synthbeam.nn.Rng;
import io.synthbeam.onnx.ExecutionDevice;
import io.synthbeam.onnx.GeneratorOnnxExporter;
import io.synthbeam.onnx.OnnxGenerator;
import io.synthbeam.onnx.RandomGenerators;
import java.util.Locale;

/**
 * Rows per second of the generator's forward pass: the Java {@link FoldedGenerator} (our GEMM)
 * against {@link OnnxGenerator} on the CPU provider, for a generator of the Adult table's shape
 * (noise 128 + condition 104 = 232 in, residual blocks 256 and 256, 170 out). Prints a table.
 *
 * <p>Run: {@code mvn -B -o -Pbench -DskipTests test-compile exec:exec@main
 * -Dbench.main=io.synthbeam.bench.OnnxSamplingBenchmark -Dbench.args="[seconds] [threads]"}.
 * {@link SamplingBenchmark} measures a fitted bundle's whole sampling path.
 */
public final class OnnxSamplingBenchmark {
  private static final int INPUT = 232;
  private static final int[] BLOCKS = {256, 256};
  private static final int OUTPUT = 170;
  /** Multiply-adds per row, times two. */
  private static final double FLOP_PER_ROW =
      2.0 * (232 * 256 + 488 * 256 + 744 * 170);

  private OnnxSamplingBenchmark() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    FoldedGenerator generator = RandomGenerators.generator(42L, INPUT, BLOCKS, OUTPUT);
    byte[] onnx = GeneratorOnnxExporter.export(generator);
    Parallelism.setThreads(threads);
    System.out.printf(Locale.ROOT, "generator %d -> %d -> %d -> %d, %.3f MFLOP/row, ONNX model"
        + " %d bytes, %d threads, %.1f s per cell (best of 3 rounds)%n", INPUT, BLOCKS[0],
        BLOCKS[1], OUTPUT, FLOP_PER_ROW / 1e6, onnx.length, threads, seconds);
    System.out.printf(Locale.ROOT, "%-28s %7s %12s %9s%n", "backend", "batch", "rows/s",
        "GFLOP/s");
    try (OnnxGenerator ort = OnnxGenerator.open(onnx, ExecutionDevice.CPU, threads);
        OnnxGenerator ortOne = OnnxGenerator.open(onnx, ExecutionDevice.CPU, 1)) {
      for (int batch : new int[] {1024, 8192}) {
        float[] input = RandomGenerators.gaussian(batch, batch, INPUT);
        report("Java FoldedGenerator (GEMM)", batch,
            measure(() -> generator.forward(input, batch), batch, seconds));
        report("ONNX Runtime CPU", batch, measure(() -> ort.forward(input, batch), batch, seconds));
        if (threads != 1) {
          report("ONNX Runtime CPU, 1 thread", batch,
              measure(() -> ortOne.forward(input, batch), batch, seconds));
        }
      }
      compareDraws(generator, ort);
    }
  }

  /**
   * How far the backends' raw outputs differ, and how many Gumbel-max draws that changes when the
   * outputs are read as one-hot spans of 10 with the same Gumbel noise: the rows a seed gives are
   * the same on both backends except for such near-ties.
   */
  private static void compareDraws(FoldedGenerator generator, OnnxGenerator ort) {
    int rows = 8192;
    int span = 10;
    float[] input = RandomGenerators.gaussian(7L, rows, INPUT);
    float[] java = generator.forward(input, rows);
    float[] onnx = ort.forward(input, rows);
    double maxDiff = 0;
    for (int i = 0; i < java.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(java[i] - onnx[i]));
    }
    Rng rng = new Rng(11L);
    long draws = 0;
    long differ = 0;
    for (int r = 0; r < rows; r++) {
      for (int start = 0; start + span <= OUTPUT; start += span) {
        int bestJava = 0;
        int bestOnnx = 0;
        double maxJava = Double.NEGATIVE_INFINITY;
        double maxOnnx = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < span; j++) {
          double g = rng.nextGumbel();
          int i = r * OUTPUT + start + j;
          if (java[i] + g > maxJava) {
            maxJava = java[i] + g;
            bestJava = j;
          }
          if (onnx[i] + g > maxOnnx) {
            maxOnnx = onnx[i] + g;
            bestOnnx = j;
          }
        }
        draws++;
        differ += bestJava != bestOnnx ? 1 : 0;
      }
    }
    System.out.printf(Locale.ROOT, "raw outputs, Java vs ONNX Runtime: max |diff| %.2e; Gumbel-max"
        + " draws (spans of %d) that differ: %d of %d%n", maxDiff, span, differ, draws);
  }

  /**
   * Rows per second: the best of three rounds of a third of {@code seconds} each, after a warm-up
   * round, since other processes share the cores.
   */
  private static double measure(Runnable forward, int batch, double seconds) {
    run(forward, seconds / 3);
    double best = 0;
    for (int round = 0; round < 3; round++) {
      long start = System.nanoTime();
      long calls = run(forward, seconds / 3);
      best = Math.max(best, calls * (double) batch / ((System.nanoTime() - start) / 1e9));
    }
    return best;
  }

  private static long run(Runnable forward, double seconds) {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long calls = 0;
    do {
      forward.run();
      calls++;
    } while (System.nanoTime() < end);
    return calls;
  }

  private static void report(String backend, int batch, double rowsPerSecond) {
    System.out.printf(Locale.ROOT, "%-28s %7d %12.0f %9.2f%n", backend, batch, rowsPerSecond,
        rowsPerSecond * FLOP_PER_ROW / 1e9);
  }
}
