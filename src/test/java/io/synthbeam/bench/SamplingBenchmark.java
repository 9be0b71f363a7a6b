package io.synthbeam.bench;

import io.synthbeam.beam.SampleTable;
import io.synthbeam.beam.io.TableIO;
import io.synthbeam.bundle.ModelBundle;
import io.synthbeam.gan.ctgan.CtganModel;
import io.synthbeam.gan.ctgan.FoldedGenerator;
import io.synthbeam.onnx.ExecutionDevice;
import io.synthbeam.onnx.GeneratorOnnxExporter;
import io.synthbeam.onnx.OnnxGenerator;
import io.synthbeam.table.TableEncoder;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Sampling speed from a fitted model bundle, on the CPU: rows per second of
 * <ol>
 *   <li>the ONNX generator's forward pass alone (batches of 1,024 rows, as sampling runs it);</li>
 *   <li>sampling to Avro {@link GenericRecord}s in this JVM, by what a SampleTable worker does
 *       per shard ({@link ModelBundle#fromBytesWithOnnx}, which the worker's model cache calls,
 *       then {@link CtganModel#sampleEncoded} and {@link TableEncoder#decode}), on 1 and 2
 *       threads sharing one ONNX session;</li>
 *   <li>{@link SampleTable} end to end on the DirectRunner, writing an Avro file with
 *       {@link TableIO#write} (what {@code synthbeam sample} runs).</li>
 * </ol>
 *
 * <p>Each line gives rows per wall-clock second (best of 3 rounds after a warm-up round), the
 * GFLOP/s of the generator's matrix products at that rate (2 x the multiply-adds of its layers per
 * row), and rows per CPU-second of this process in the same round: on a machine shared with other
 * work the wall-clock rate drops, while rows per CPU-second shows what the code costs (for a
 * 2-thread cell it is per core; times 2 gives what both cores would do if they were free).
 *
 * <p>Run (see the pom's {@code bench} profile):
 * <pre>
 * ./synthbeam fit -i examples/adult/train.csv.gz -m /tmp/adult.zip --epochs 30
 * mvn -B -o -Pbench -DskipTests test-compile exec:exec@main \
 *     -Dbench.main=io.synthbeam.bench.SamplingBenchmark -Dbench.args="/tmp/adult.zip 3"
 * </pre>
 * Arguments: bundle, seconds per round (default 3), rows of the end-to-end run (default 1,000,000;
 * 0 skips it).
 */
public final class SamplingBenchmark {
  /** Rows the forward pass is run on at a time: CtganModel's sampling batch. */
  private static final int BATCH = 1024;
  /** Rows per call of sampleEncoded: SampleTable's default rows per shard. */
  private static final int SHARD_ROWS = 10_000;
  /** Held here: a logger nobody references may be collected, and its level with it. */
  private static final List<Logger> QUIET = List.of(Logger.getLogger("io.synthbeam"),
      Logger.getLogger("org.apache"));

  private SamplingBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || !Files.isRegularFile(Path.of(args[0]))) {
      System.err.println("usage: SamplingBenchmark BUNDLE.zip [seconds per round] [end-to-end"
          + " rows]\n(fit one: ./synthbeam fit -i examples/adult/train.csv.gz -m /tmp/adult.zip"
          + " --epochs 30)");
      System.exit(2);
    }
    Path bundlePath = Path.of(args[0]);
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3.0;
    long endToEndRows = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000L;
    QUIET.forEach(logger -> logger.setLevel(Level.WARNING));

    byte[] bundle = Files.readAllBytes(bundlePath);
    CtganModel javaModel = ModelBundle.fromBytes(bundle, bundlePath.toString());
    FoldedGenerator generator = javaModel.generator();
    double flopPerRow = flopPerRow(generator);
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(Locale.ROOT, "bundle %s: generator %d -> %s -> %d, %.3f MFLOP/row; %d"
        + " cores, %.1f s per round, best of 3; load average %.2f at start%n", bundlePath,
        generator.inputWidth(), hiddenWidths(generator), generator.outputWidth(),
        flopPerRow / 1e6, cores, seconds,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.printf(Locale.ROOT, "%-64s %10s %8s %12s%n", "cell", "rows/s", "GFLOP/s",
        "rows/CPU-s");

    byte[] onnx = GeneratorOnnxExporter.export(generator);
    float[] input = uniform(BATCH * generator.inputWidth());
    for (int intraOp : new int[] {1, 2}) {
      try (OnnxGenerator session = OnnxGenerator.open(onnx, ExecutionDevice.CPU, intraOp)) {
        float[] out = new float[BATCH * generator.outputWidth()];
        report("ONNX forward, 1 caller, intra-op threads " + intraOp, flopPerRow,
            measure(1, seconds, thread -> {
              session.forward(input, BATCH, out);
              return BATCH;
            }));
        if (intraOp == 1) {
          float[][] outs = new float[2][BATCH * generator.outputWidth()];
          report("ONNX forward, 2 callers, intra-op threads 1", flopPerRow,
              measure(2, seconds, thread -> {
                session.forward(input, BATCH, outs[thread]);
                return BATCH;
              }));
        }
      }
    }

    // The worker's path: the model with its ONNX session, as the model cache loads it (intra-op
    // threads: one per core), then with a 1-thread session for comparison.
    AtomicLong seeds = new AtomicLong();
    try (ModelBundle.OnnxBackedModel loaded = ModelBundle.fromBytesWithOnnx(bundle,
        bundlePath.toString(), ExecutionDevice.CPU)) {
      recordCells(loaded.model(), loaded.session().intraOpThreads(), seeds, seconds, flopPerRow);
    }
    try (OnnxGenerator single = OnnxGenerator.open(onnx, ExecutionDevice.CPU, 1)) {
      recordCells(javaModel.withForward(single::forward), 1, seeds, seconds, flopPerRow);
    }
    // The Java GEMM instead of ONNX Runtime, for comparison.
    report("records, Java generator (no ONNX), 2 threads", flopPerRow,
        measure(2, seconds, thread -> sampleShard(javaModel, seeds.incrementAndGet())));

    if (endToEndRows > 0) {
      endToEnd(bundlePath, endToEndRows, flopPerRow);
    }
  }

  private static void recordCells(CtganModel model, int intraOpThreads, AtomicLong seeds,
      double seconds, double flopPerRow) throws Exception {
    for (int threads : new int[] {1, 2}) {
      report("records (sampleEncoded + decode), " + threads + " thread" + (threads > 1 ? "s" : "")
              + ", intra-op threads " + intraOpThreads, flopPerRow,
          measure(threads, seconds, thread -> sampleShard(model, seeds.incrementAndGet())));
    }
  }

  /** One shard, as SampleShards.GenerateFn draws it: sampleEncoded, each row decoded. */
  private static int sampleShard(CtganModel model, long seed) {
    TableEncoder encoder = model.encoder();
    GenericRecord[] last = new GenericRecord[1];
    model.sampleEncoded(SHARD_ROWS, seed, Map.of(),
        (rows, offset) -> last[0] = encoder.decode(rows, offset));
    if (last[0] == null) {
      throw new AssertionError("no rows");
    }
    return SHARD_ROWS;
  }

  /** SampleTable to an Avro file on the DirectRunner; rows per second of the whole run. */
  private static void endToEnd(Path bundle, long rows, double flopPerRow) throws Exception {
    Path dir = Files.createTempDirectory("synthbeam-sampling-bench");
    for (boolean checks : new boolean[] {true, false}) {
      Path out = dir.resolve("sample-" + checks + ".avro");
      List<String> options = new ArrayList<>(List.of("--runner=DirectRunner"));
      if (!checks) {
        // The DirectRunner encodes and compares every element to check coders and
        // immutability; production runners do not.
        options.addAll(List.of("--enforceEncodability=false", "--enforceImmutability=false"));
      }
      Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs(
          options.toArray(new String[0])).create());
      p.apply("SampleTable", SampleTable.from(bundle.toString()).withRows(rows).withSeed(1)
              .withDevice(ExecutionDevice.CPU))
          .apply("WriteTable", TableIO.write(out.toString()));
      long cpu0 = processCpuNanos();
      long t0 = System.nanoTime();
      PipelineResult.State state = p.run().waitUntilFinish();
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = (processCpuNanos() - cpu0) / 1e9;
      long written = countRecords(out);
      if (state != PipelineResult.State.DONE || written != rows) {
        throw new IllegalStateException("end-to-end run " + state + ", " + written + " rows");
      }
      report("SampleTable -> Avro file, DirectRunner, " + rows + " rows"
          + (checks ? "" : ", no enforce* checks"), flopPerRow,
          new Rate(rows / wall, rows / cpu));
      Files.delete(out);
    }
    Files.delete(dir);
  }

  private static long countRecords(Path avro) throws Exception {
    long n = 0;
    try (DataFileReader<GenericRecord> reader = new DataFileReader<>(avro.toFile(),
        new GenericDatumReader<>())) {
      while (reader.hasNext()) {
        reader.next();
        n++;
      }
    }
    return n;
  }

  /** Rows per wall-clock second and per CPU-second of the process. */
  record Rate(double perSecond, double perCpuSecond) {}

  /** Work that returns the rows it made; {@code thread} numbers the calling thread. */
  @FunctionalInterface
  interface Work {
    int run(int thread) throws Exception;
  }

  /**
   * Runs {@code work} on {@code threads} threads: a warm-up round, then 3 rounds of
   * {@code seconds}; the round with the most rows per second.
   */
  private static Rate measure(int threads, double seconds, Work work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      round(pool, threads, seconds / 2, work);
      Rate best = null;
      for (int r = 0; r < 3; r++) {
        Rate rate = round(pool, threads, seconds, work);
        if (best == null || rate.perSecond() > best.perSecond()) {
          best = rate;
        }
      }
      return best;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Rate round(ExecutorService pool, int threads, double seconds, Work work)
      throws Exception {
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    long end = t0 + (long) (seconds * 1e9);
    List<Future<Long>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        long rows = 0;
        do {
          rows += work.run(thread);
        } while (System.nanoTime() < end);
        return rows;
      }));
    }
    long rows = 0;
    for (Future<Long> f : futures) {
      rows += f.get();
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    return new Rate(rows / wall, rows / cpu);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void report(String cell, double flopPerRow, Rate rate) {
    System.out.printf(Locale.ROOT, "%-64s %10.0f %8.2f %12.0f%n", cell, rate.perSecond(),
        rate.perSecond() * flopPerRow / 1e9, rate.perCpuSecond());
  }

  /** 2 x the multiply-adds of the generator's affine layers, per row. */
  static double flopPerRow(FoldedGenerator generator) {
    double macs = 0;
    for (FoldedGenerator.Affine block : generator.blocks()) {
      macs += (double) block.in() * block.out();
    }
    macs += (double) generator.head().in() * generator.head().out();
    return 2 * macs;
  }

  private static String hiddenWidths(FoldedGenerator generator) {
    List<String> widths = new ArrayList<>();
    for (FoldedGenerator.Affine block : generator.blocks()) {
      widths.add(Integer.toString(block.out()));
    }
    return String.join(" -> ", widths);
  }

  /** Inputs uniform in [-1, 1): the forward pass costs the same for any values. */
  private static float[] uniform(int n) {
    SplittableRandom random = new SplittableRandom(3);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return out;
  }
}
