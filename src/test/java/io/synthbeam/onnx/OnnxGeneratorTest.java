package io.synthbeam.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.onnx.proto.OnnxMl;
import io.synthbeam.gan.ctgan.FoldedGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnnxGeneratorTest {
  private static final FoldedGenerator GENERATOR =
      RandomGenerators.generator(7L, 232, new int[] {256, 256}, 170);
  private static byte[] model;
  private static OnnxGenerator cpu;

  @BeforeAll
  static void openOnCpu() {
    model = GeneratorOnnxExporter.export(GENERATOR);
    cpu = OnnxGenerator.open(model, ExecutionDevice.CPU, 2);
  }

  @AfterAll
  static void closeCpu() {
    cpu.close();
  }

  @Test
  void matchesJavaForwardForEveryBatchSize() {
    assertEquals(232, cpu.inputWidth());
    assertEquals(170, cpu.outputWidth());
    for (int rows : new int[] {1, 7, 1024}) {
      float[] input = RandomGenerators.gaussian(rows, rows, 232);
      assertClose(GENERATOR.forward(input, rows), cpu.forward(input, rows), "batch " + rows);
    }
  }

  @Test
  void cpuRequestUsesCpuWithoutFallback() {
    assertEquals(ExecutionDevice.CPU, cpu.device());
    assertTrue(cpu.fallbackReason().isEmpty());
    assertEquals(2, cpu.intraOpThreads());
  }

  @Test
  void cudaRequestWithoutGpuWarnsAndComputesOnCpu() {
    List<LogRecord> records = new ArrayList<>();
    try (CapturedLog log = new CapturedLog(records);
        OnnxGenerator g = OnnxGenerator.open(model, ExecutionDevice.CUDA, 1)) {
      float[] input = RandomGenerators.gaussian(3L, 16, 232);
      assertClose(GENERATOR.forward(input, 16), g.forward(input, 16), "CUDA request");
      assertEquals(1, records.size(), "one line about the provider: " + messages(records));
      String message = records.get(0).getMessage();
      if (g.device() == ExecutionDevice.CUDA) {
        return; // a machine with a working GPU: nothing fell back
      }
      assertEquals(Level.WARNING, records.get(0).getLevel());
      String reason = g.fallbackReason().orElseThrow();
      assertFalse(reason.isBlank());
      assertTrue(message.contains("CPU execution provider"), message);
      assertTrue(message.contains("CUDA was requested but is unavailable"), message);
      assertTrue(message.contains(reason), message);
    }
  }

  @Test
  void autoWithoutGpuFallsBackAtInfoLevel() {
    List<LogRecord> records = new ArrayList<>();
    try (CapturedLog log = new CapturedLog(records);
        OnnxGenerator g = OnnxGenerator.open(model, ExecutionDevice.AUTO, 1)) {
      assertEquals(1, records.size(), messages(records));
      assertEquals(Level.INFO, records.get(0).getLevel());
      if (g.device() == ExecutionDevice.CPU) {
        assertTrue(records.get(0).getMessage().contains("CUDA is unavailable"),
            records.get(0).getMessage());
        assertTrue(g.fallbackReason().isPresent());
      }
    }
  }

  @Test
  void corruptBytesGiveAClearError() {
    byte[] corrupt = model.clone();
    for (int i = 0; i < 64; i++) {
      corrupt[i] = (byte) 0xff;
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OnnxGenerator.open(corrupt, ExecutionDevice.CPU, 1));
    assertTrue(e.getMessage().contains("not a loadable ONNX model"), e.getMessage());
    assertTrue(e.getMessage().contains("GeneratorOnnxExporter"), e.getMessage());

    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> OnnxGenerator.open(new byte[0], ExecutionDevice.AUTO, 1));
    assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
  }

  @Test
  void validOnnxThatIsNotAGeneratorIsRejected() {
    OnnxMl.ModelProto exported = GeneratorOnnxExporter.exportModel(GENERATOR);
    OnnxMl.ModelProto.Builder renamed = exported.toBuilder();
    renamed.getGraphBuilder().getInputBuilder(0).setName("noise");
    for (OnnxMl.NodeProto.Builder node : renamed.getGraphBuilder().getNodeBuilderList()) {
      for (int i = 0; i < node.getInputCount(); i++) {
        if (node.getInput(i).equals("input")) {
          node.setInput(i, "noise");
        }
      }
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OnnxGenerator.open(renamed.build().toByteArray(), ExecutionDevice.CPU, 1));
    assertTrue(e.getMessage().contains("no input named 'input'"), e.getMessage());

    OnnxMl.ModelProto unlabelled = exported.toBuilder().clearMetadataProps().build();
    IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
        () -> OnnxGenerator.open(unlabelled.toByteArray(), ExecutionDevice.CPU, 1));
    assertTrue(f.getMessage().contains("synthbeam.format"), f.getMessage());
  }

  @Test
  void concurrentCallsGetTheirOwnResults() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        int rows = 50 + 13 * t;
        long seed = 100 + t;
        futures.add(pool.submit(() -> {
          for (int repeat = 0; repeat < 5; repeat++) {
            float[] input = RandomGenerators.gaussian(seed + repeat, rows, 232);
            assertClose(GENERATOR.forward(input, rows), cpu.forward(input, rows),
                "thread task " + seed);
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void reusesCallerOutputArrayAndChecksLengths() {
    float[] input = RandomGenerators.gaussian(5L, 4, 232);
    float[] out = new float[4 * 170 + 3];
    out[out.length - 1] = 42f;
    cpu.forward(input, 4, out);
    float[] expected = GENERATOR.forward(input, 4);
    assertClose(expected, java.util.Arrays.copyOf(out, expected.length), "reused output");
    assertEquals(42f, out[out.length - 1], "writes only rows x outputWidth");

    assertThrows(IllegalArgumentException.class, () -> cpu.forward(input, 5));
    assertThrows(IllegalArgumentException.class, () -> cpu.forward(input, 4, new float[10]));
    assertEquals(0, cpu.forward(input, 0).length);
  }

  @Test
  void forwardAfterCloseFails() {
    OnnxGenerator g = OnnxGenerator.open(model, ExecutionDevice.CPU, 1);
    g.close();
    g.close();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> g.forward(new float[232], 1));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  @Test
  void headOnlyGeneratorRuns() {
    FoldedGenerator headOnly = RandomGenerators.generator(9L, 10, new int[0], 3);
    try (OnnxGenerator g = OnnxGenerator.open(GeneratorOnnxExporter.export(headOnly),
        ExecutionDevice.CPU, 1)) {
      float[] input = RandomGenerators.gaussian(1L, 5, 10);
      assertClose(headOnly.forward(input, 5), g.forward(input, 5), "head only");
    }
  }

  /** Within 1e-4, relative for values beyond 1 in magnitude. */
  static void assertClose(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      double tolerance = 1e-4 * Math.max(1.0, Math.abs(expected[i]));
      if (!(Math.abs(expected[i] - actual[i]) <= tolerance)) {
        fail(what + ": element " + i + " is " + actual[i] + ", expected " + expected[i]);
      }
    }
  }

  private static String messages(List<LogRecord> records) {
    return records.stream().map(LogRecord::getMessage).toList().toString();
  }

  /** Collects what OnnxGenerator logs while open. */
  private static final class CapturedLog extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger(OnnxGenerator.class.getName());
    private final List<LogRecord> records;

    CapturedLog(List<LogRecord> records) {
      this.records = records;
      setLevel(Level.ALL);
      logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
    }
  }
}
