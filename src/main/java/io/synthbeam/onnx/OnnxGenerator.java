package io.synthbeam.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.synthbeam.gan.ctgan.FoldedGenerator;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The generator's forward pass in ONNX Runtime: raw outputs (rows x outputWidth) for input rows
 * (noise then condition, rows x inputWidth), as {@link FoldedGenerator#forward} computes them.
 *
 * <p>Opening never fails because CUDA is missing: {@link ExecutionDevice#AUTO} and
 * {@link ExecutionDevice#CUDA} fall back to the CPU provider, and one log line says which
 * provider runs the model and why CUDA was not used. {@link #forward} is thread-safe and reuses
 * its native-memory buffers across calls; {@link #close} waits for running calls to finish.
 *
 * <pre>{@code
 * try (OnnxGenerator g = OnnxGenerator.open(GeneratorOnnxExporter.export(folded),
 *     ExecutionDevice.AUTO)) {
 *   float[] raw = g.forward(input, 1024);
 * }
 * }</pre>
 */
public final class OnnxGenerator implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(OnnxGenerator.class.getName());
  /** The GPU the CUDA provider uses. */
  private static final int CUDA_DEVICE_ID = 0;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final ExecutionDevice device;
  private final String fallbackReason;
  private final int intraOpThreads;
  private final int inputWidth;
  private final int outputWidth;
  private final ConcurrentLinkedQueue<Buffers> idleBuffers = new ConcurrentLinkedQueue<>();
  // Readers are forward calls; close takes the write lock so no run sees a freed session.
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private OnnxGenerator(OrtEnvironment environment, OpenedSession opened, int intraOpThreads) {
    this.environment = environment;
    this.session = opened.session();
    this.device = opened.device();
    this.fallbackReason = opened.fallbackReason();
    this.intraOpThreads = intraOpThreads;
    try {
      this.inputWidth = width(session.getInputInfo(), GeneratorOnnxExporter.INPUT_NAME, "input");
      this.outputWidth =
          width(session.getOutputInfo(), GeneratorOnnxExporter.OUTPUT_NAME, "output");
      checkFormat(session);
    } catch (OrtException | RuntimeException e) {
      closeQuietly(session);
      if (e instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalArgumentException("cannot read the ONNX model's inputs and outputs: "
          + e.getMessage(), e);
    }
  }

  /** Opens {@code onnxModel} on {@code device} with one intra-op thread per available core. */
  public static OnnxGenerator open(byte[] onnxModel, ExecutionDevice device) {
    return open(onnxModel, device, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Opens {@code onnxModel} (bytes from {@link GeneratorOnnxExporter#export}) on {@code device}.
   *
   * @param intraOpThreads threads ONNX Runtime uses inside one matrix product on the CPU
   * @throws IllegalArgumentException if the bytes are not a loadable ONNX model or not a SynthBeam
   *     generator (input {@code input}, output {@code raw}, both float [batch, width])
   */
  public static OnnxGenerator open(byte[] onnxModel, ExecutionDevice device, int intraOpThreads) {
    if (onnxModel == null || onnxModel.length == 0) {
      throw new IllegalArgumentException("the ONNX generator model is empty; export it with "
          + "GeneratorOnnxExporter.export");
    }
    java.util.Objects.requireNonNull(device, "device");
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException("intraOpThreads must be >= 1, got " + intraOpThreads);
    }
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    OpenedSession opened = openSession(environment, onnxModel, device, intraOpThreads);
    OnnxGenerator generator = new OnnxGenerator(environment, opened, intraOpThreads);
    generator.logProvider(device);
    return generator;
  }

  /** Exports {@code generator} and opens it on {@code device}. */
  public static OnnxGenerator of(FoldedGenerator generator, ExecutionDevice device) {
    return open(GeneratorOnnxExporter.export(generator), device);
  }

  /** The provider running the model: {@link ExecutionDevice#CPU} or {@code CUDA}. */
  public ExecutionDevice device() {
    return device;
  }

  /** Why CUDA was not used although AUTO or CUDA was asked for; empty otherwise. */
  public Optional<String> fallbackReason() {
    return Optional.ofNullable(fallbackReason);
  }

  public int intraOpThreads() {
    return intraOpThreads;
  }

  public int inputWidth() {
    return inputWidth;
  }

  public int outputWidth() {
    return outputWidth;
  }

  /** Raw outputs (rows x outputWidth) for {@code input} (at least rows x inputWidth). */
  public float[] forward(float[] input, int rows) {
    float[] out = new float[rows < 0 ? 0 : rows * outputWidth];
    forward(input, rows, out);
    return out;
  }

  /**
   * Writes the raw outputs for {@code input} into {@code out} (at least rows x outputWidth), for
   * callers that reuse their output array.
   *
   * @throws IllegalArgumentException if an array is too short for {@code rows}
   * @throws IllegalStateException if the generator is closed or ONNX Runtime fails
   */
  public void forward(float[] input, int rows, float[] out) {
    checkArguments(input, rows, out);
    if (rows == 0) {
      return;
    }
    lifecycle.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("the ONNX generator is closed");
      }
      Buffers buffers = idleBuffers.poll();
      if (buffers == null) {
        buffers = new Buffers();
      }
      run(buffers, input, rows, out);
      idleBuffers.offer(buffers);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private void run(Buffers buffers, float[] input, int rows, float[] out) {
    int inCount = rows * inputWidth;
    int outCount = rows * outputWidth;
    buffers.ensure(inCount, outCount);
    FloatBuffer in = buffers.input.clear();
    in.put(input, 0, inCount).flip();
    FloatBuffer raw = buffers.output.clear().limit(outCount);
    // The tensors wrap the direct buffers (no copy); ORT writes the result straight into raw.
    try (OnnxTensor inTensor = OnnxTensor.createTensor(environment, in,
            new long[] {rows, inputWidth});
        OnnxTensor outTensor = OnnxTensor.createTensor(environment, raw,
            new long[] {rows, outputWidth});
        OrtSession.Result ignored = session.run(
            Map.of(GeneratorOnnxExporter.INPUT_NAME, inTensor),
            Map.of(GeneratorOnnxExporter.OUTPUT_NAME, outTensor))) {
      raw.get(0, out, 0, outCount);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed to run the generator on " + rows
          + " rows (" + device + "): " + e.getMessage(), e);
    }
  }

  private void checkArguments(float[] input, int rows, float[] out) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, got " + rows);
    }
    if ((long) rows * inputWidth > input.length) {
      throw new IllegalArgumentException("input has " + input.length + " floats, fewer than "
          + rows + " rows x " + inputWidth + " (noise + condition) columns");
    }
    if ((long) rows * outputWidth > out.length) {
      throw new IllegalArgumentException("output has " + out.length + " floats, fewer than "
          + rows + " rows x " + outputWidth + " columns");
    }
  }

  /** Releases the native session; waits for running {@link #forward} calls. Idempotent. */
  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        idleBuffers.clear();
        closeQuietly(session);
      }
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  private record OpenedSession(OrtSession session, ExecutionDevice device, String fallbackReason) {}

  private static OpenedSession openSession(OrtEnvironment environment, byte[] model,
      ExecutionDevice device, int threads) {
    String fallbackReason = null;
    if (device != ExecutionDevice.CPU) {
      if (device == ExecutionDevice.AUTO && !nvidiaGpuVisible()) {
        // Trying CUDA costs ~12 s (ORT unpacks its CUDA libraries) only to fail: skip it when the
        // machine shows no NVIDIA driver at all. An explicit CUDA request still tries.
        fallbackReason = "no NVIDIA GPU visible (no /proc/driver/nvidia, /dev/nvidia0)";
      } else if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
        fallbackReason = "this ONNX Runtime build has no CUDA provider";
      } else {
        try (OrtSession.SessionOptions options = options(threads)) {
          options.addCUDA(CUDA_DEVICE_ID);
          return new OpenedSession(environment.createSession(model, options),
              ExecutionDevice.CUDA, null);
        } catch (OrtException e) {
          fallbackReason = String.valueOf(e.getMessage()).strip();
        }
      }
    }
    try (OrtSession.SessionOptions options = options(threads)) {
      return new OpenedSession(environment.createSession(model, options), ExecutionDevice.CPU,
          fallbackReason);
    } catch (OrtException e) {
      throw new IllegalArgumentException("the " + model.length + " bytes given as the ONNX "
          + "generator are not a loadable ONNX model (" + e.getMessage() + "); re-export it with "
          + "GeneratorOnnxExporter.export or check the bundle's generator.onnx", e);
    }
  }

  static boolean nvidiaGpuVisible() {
    return java.nio.file.Files.exists(java.nio.file.Path.of("/proc/driver/nvidia"))
        || java.nio.file.Files.exists(java.nio.file.Path.of("/dev/nvidia0"));
  }

  private static OrtSession.SessionOptions options(int threads) throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    try {
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      // Idle intra-op threads block instead of spinning: between forward calls the caller draws
      // noise and categories in Java, and spinning threads would take its cores (measured 2-10x
      // slower with spinning on a shared 2-core machine).
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      return options;
    } catch (OrtException e) {
      options.close();
      throw e;
    }
  }

  /** The fixed width of a [batch, width] float tensor called {@code name}. */
  private static int width(Map<String, NodeInfo> infos, String name, String role) {
    NodeInfo info = infos.get(name);
    if (info == null) {
      throw new IllegalArgumentException("not a SynthBeam ONNX generator: it has no " + role
          + " named '" + name + "' (" + role + "s: " + infos.keySet() + ")");
    }
    if (!(info.getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT
        || tensor.getShape().length != 2 || tensor.getShape()[1] <= 0) {
      throw new IllegalArgumentException("not a SynthBeam ONNX generator: its " + role + " '"
          + name + "' is " + info.getInfo() + ", expected a float [batch, width] tensor");
    }
    return Math.toIntExact(tensor.getShape()[1]);
  }

  private static void checkFormat(OrtSession session) throws OrtException {
    String format = session.getMetadata().getCustomMetadataValue(GeneratorOnnxExporter.FORMAT_KEY)
        .orElse("(none)");
    if (!GeneratorOnnxExporter.FORMAT.equals(format)) {
      throw new IllegalArgumentException("not a SynthBeam ONNX generator: metadata "
          + GeneratorOnnxExporter.FORMAT_KEY + " is " + format + ", expected "
          + GeneratorOnnxExporter.FORMAT + "; re-export it with GeneratorOnnxExporter.export");
    }
  }

  private void logProvider(ExecutionDevice requested) {
    String where = "ONNX generator (" + inputWidth + " -> " + outputWidth + ") runs on the "
        + (device == ExecutionDevice.CUDA
            ? "CUDA execution provider (GPU " + CUDA_DEVICE_ID + ")"
            : "CPU execution provider (intra-op threads: " + intraOpThreads + ")");
    if (fallbackReason == null) {
      LOG.info(where);
    } else if (requested == ExecutionDevice.CUDA) {
      LOG.warning(where + ": CUDA was requested but is unavailable: " + fallbackReason
          + " (ONNX Runtime 1.20 needs CUDA 12 and cuDNN 9 on the worker)");
    } else {
      LOG.info(where + ": CUDA is unavailable: " + fallbackReason);
    }
  }

  private static void closeQuietly(OrtSession session) {
    try {
      session.close();
    } catch (OrtException e) {
      LOG.log(Level.FINE, "closing the ONNX session failed", e);
    }
  }

  /** Native-memory input and output buffers, reused by one forward call at a time. */
  private static final class Buffers {
    FloatBuffer input = allocate(0);
    FloatBuffer output = allocate(0);

    void ensure(int inCount, int outCount) {
      if (input.capacity() < inCount) {
        input = allocate(inCount);
      }
      if (output.capacity() < outCount) {
        output = allocate(outCount);
      }
    }

    private static FloatBuffer allocate(int floats) {
      return ByteBuffer.allocateDirect(4 * floats).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
  }
}
