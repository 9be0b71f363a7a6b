package io.synthbeam.bench;

import io.synthbeam.nn.Gemm;
import io.synthbeam.nn.Parallelism;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;

/**
 * Throughput of {@link Gemm#gemm} on the products a CTGAN training step makes (batch 500, critic
 * pack 10, so 50 packed rows), on 1 and 2 threads. Besides calls per second JMH reports the
 * secondary result {@code gflops}: GFLOP/s, counting 2*m*n*k flops per call, and
 * {@code gflopsPerCpuSecond} (see {@link CpuEfficiency}). Five warm-up iterations, because the
 * first second or two of Vector API code runs interpreted.
 *
 * <p>Run with {@code mvn -B -Pbench -DskipTests test-compile exec:exec} (see the {@code bench}
 * profile in pom.xml), or through {@link #main} which also prints a GFLOP/s table at the end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class GemmBenchmark {
  /** A product shape: transposes and m, n, k. */
  private record Shape(boolean transA, boolean transB, int m, int n, int k) {}

  @Param({"gen1_500x232x256", "gen2_500x488x256", "gen3_500x744x170", "critic_50x2740x256",
      "criticWeightGrad_T2740x50x256", "criticInputGrad_50x256xT2740", "issue_500x488x256"})
  public String shape;

  @Param({"1", "2"})
  public int threads;

  private Shape s;
  private float[] a;
  private float[] b;
  private float[] c;
  private int lda;
  private int ldb;

  /** GFLOP done, reported by JMH per second, i.e. as GFLOP/s. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Flops {
    public double gflops;

    @Setup(Level.Iteration)
    public void reset() {
      gflops = 0;
    }
  }

  private static Shape parse(String name) {
    return switch (name) {
      // Generator residual blocks and output layer: batch x in times in x out.
      case "gen1_500x232x256" -> new Shape(false, false, 500, 256, 232);
      case "gen2_500x488x256", "issue_500x488x256" -> new Shape(false, false, 500, 256, 488);
      case "gen3_500x744x170" -> new Shape(false, false, 500, 170, 744);
      // Critic first layer on 50 packs of 10 rows: 50x2740 times 2740x256.
      case "critic_50x2740x256" -> new Shape(false, false, 50, 256, 2740);
      // Its weight gradient X^T dY: (50x2740)^T times 50x256.
      case "criticWeightGrad_T2740x50x256" -> new Shape(true, false, 2740, 256, 50);
      // Its input gradient dY W^T: 50x256 times (2740x256)^T.
      case "criticInputGrad_50x256xT2740" -> new Shape(false, true, 50, 2740, 256);
      default -> throw new IllegalArgumentException("unknown benchmark shape " + name);
    };
  }

  @Setup
  public void setUp() {
    s = parse(shape);
    Parallelism.setThreads(threads);
    Random random = new Random(7);
    lda = s.transA ? s.m : s.k;
    ldb = s.transB ? s.k : s.n;
    a = randomArray(random, s.m * s.k);
    b = randomArray(random, s.k * s.n);
    c = new float[s.m * s.n];
  }

  private static float[] randomArray(Random random, int size) {
    float[] x = new float[size];
    for (int i = 0; i < size; i++) {
      x[i] = random.nextFloat() - 0.5f;
    }
    return x;
  }

  /**
   * GFLOP per second of CPU time used by the whole process (all threads, spinning included) in
   * the iteration. Unlike wall-clock GFLOP/s it barely moves when other processes take turns on
   * the cores, so it shows the kernel's speed (1 thread) and the cost of splitting (2 threads) on
   * a busy machine.
   *
   * <p>JMH divides an OPERATIONS counter by the iteration's wall time, so the field holds
   * GFLOP * wall / cpu; what JMH prints is then GFLOP / cpu seconds (to within the few
   * microseconds by which our clock and JMH's start apart).
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class CpuEfficiency {
    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public double gflopsPerCpuSecond;
    private long cpuStart;
    private long wallStart;
    private double gflop;

    @Setup(Level.Iteration)
    public void start() {
      cpuStart = OS.getProcessCpuTime();
      wallStart = System.nanoTime();
      gflop = 0;
      gflopsPerCpuSecond = 0;
    }

    void add(double done) {
      gflop += done;
      long cpu = OS.getProcessCpuTime() - cpuStart;
      if (cpu > 0) {
        gflopsPerCpuSecond = gflop * (System.nanoTime() - wallStart) / cpu;
      }
    }
  }

  @Benchmark
  public float[] gemm(Flops flops, CpuEfficiency cpu) {
    Gemm.gemm(s.transA, s.transB, s.m, s.n, s.k, a, 0, lda, b, 0, ldb, 0f, c, 0, s.n);
    double done = 2e-9 * s.m * s.n * s.k;
    flops.gflops += done;
    cpu.add(done);
    return c;
  }

  /** Runs the benchmarks (JMH command-line options accepted) and prints GFLOP/s per shape. */
  public static void main(String[] args) throws RunnerException, Exception {
    Options options = new CommandLineOptions(args.length == 0
        ? new String[] {GemmBenchmark.class.getSimpleName()} : args);
    Collection<RunResult> results = new Runner(options).run();
    System.out.println();
    System.out.println("GFLOP/s per shape and thread count:");
    for (RunResult r : results) {
      var params = r.getParams();
      var gflops = r.getSecondaryResults().get("gflops");
      var perCpu = r.getSecondaryResults().get("gflopsPerCpuSecond");
      if (gflops != null && perCpu != null) {
        System.out.printf("  %-32s threads=%s  %7.1f GFLOP/s  %7.1f GFLOP per CPU-second%n",
            params.getParam("shape"), params.getParam("threads"), gflops.getScore(),
            perCpu.getScore());
      }
    }
  }
}
