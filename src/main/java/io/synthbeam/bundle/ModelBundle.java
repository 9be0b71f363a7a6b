package io.synthbeam.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthbeam.SynthBeamVersion;
import io.synthbeam.gan.ctgan.CtganModel;
import io.synthbeam.gan.ctgan.FoldedGenerator;
import io.synthbeam.gan.ctgan.TrainingSummary;
import io.synthbeam.onnx.ExecutionDevice;
import io.synthbeam.onnx.GeneratorOnnxExporter;
import io.synthbeam.onnx.OnnxGenerator;
import io.synthbeam.table.TableEncoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A fitted model in one zip file:
 * <ul>
 *   <li>{@code manifest.json}: bundle format version, library version, SHA-256 of every entry;</li>
 *   <li>{@code schema.avsc}: the Avro schema of the synthetic records;</li>
 *   <li>{@code encoder.json}: the fitted table encoder;</li>
 *   <li>{@code generator.bin}: the BatchNorm-folded generator weights;</li>
 *   <li>{@code generator.onnx}: the same generator as an ONNX graph (raw outputs from noise and
 *       condition), which sampling runs through ONNX Runtime;</li>
 *   <li>{@code training.json}: seed, epochs, losses and seconds per epoch, row counts, options.</li>
 * </ul>
 *
 * <pre>{@code
 * ModelBundle.save(model, Path.of("adult.zip"));
 * CtganModel again = ModelBundle.load(Path.of("adult.zip"));
 * }</pre>
 */
public final class ModelBundle {
  /** Bumped when an older reader could not read the bundle. */
  public static final int FORMAT_VERSION = 1;

  static final String MANIFEST = "manifest.json";
  static final String SCHEMA = "schema.avsc";
  static final String ENCODER = "encoder.json";
  static final String GENERATOR = "generator.bin";
  static final String TRAINING = "training.json";
  static final String GENERATOR_ONNX = "generator.onnx";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelBundle() {}

  /** The bundle as zip bytes (what {@link #save} writes), e.g. to pass between Beam steps. */
  public static byte[] toBytes(CtganModel model) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(SCHEMA, model.encoder().spec().outputSchema().toString(true)
        .getBytes(StandardCharsets.UTF_8));
    entries.put(ENCODER, bytes(model.encoder()::writeJson));
    entries.put(GENERATOR, bytes(out -> {
      DataOutputStream data = new DataOutputStream(out);
      data.writeInt(model.noiseWidth());
      model.generator().write(data);
      data.flush();
    }));
    entries.put(TRAINING, JSON.writeValueAsBytes(model.summary()));
    entries.put(GENERATOR_ONNX, GeneratorOnnxExporter.export(model.generator()));

    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("format", FORMAT_VERSION);
    manifest.put("library", SynthBeamVersion.VERSION);
    manifest.put("model", "ctgan");
    ObjectNode sums = manifest.putObject("sha256");
    entries.forEach((name, content) -> sums.put(name, sha256(content)));

    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(buf)) {
      put(zip, MANIFEST, JSON.writeValueAsBytes(manifest));
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        put(zip, e.getKey(), e.getValue());
      }
    }
    return buf.toByteArray();
  }

  /** Writes the bundle atomically (a temporary file in the same folder, then a move). */
  public static void save(CtganModel model, Path path) throws IOException {
    byte[] bundle = toBytes(model);
    Path dir = path.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = Files.createTempFile(dir, ".synthbeam-bundle", ".tmp");
    try {
      Files.write(tmp, bundle);
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Reads a bundle.
   *
   * @throws IOException naming the file when it is missing, not a bundle, corrupt (checksum), or
   *     of an incompatible format version
   */
  public static CtganModel load(Path path) throws IOException {
    return fromBytes(readFile(path), path.toString());
  }

  /**
   * Reads a bundle from its bytes; {@code source} names it in error messages.
   *
   * @throws IOException when the bytes are not a bundle, corrupt (checksum), or of an
   *     incompatible format version
   */
  public static CtganModel fromBytes(byte[] bundle, String source) throws IOException {
    Map<String, byte[]> entries = readVerified(bundle, source);
    try {
      TableEncoder encoder = TableEncoder.readJson(new ByteArrayInputStream(entries.get(ENCODER)));
      DataInputStream gen = new DataInputStream(new ByteArrayInputStream(entries.get(GENERATOR)));
      int noiseWidth = gen.readInt();
      FoldedGenerator generator = FoldedGenerator.read(gen);
      TrainingSummary summary = JSON.readValue(entries.get(TRAINING), TrainingSummary.class);
      return new CtganModel(encoder, generator, noiseWidth, summary);
    } catch (IOException | RuntimeException e) {
      throw new IOException(source + " could not be read as a SynthBeam model: " + e.getMessage(),
          e);
    }
  }

  /**
   * Loads the bundle with sampling running through ONNX Runtime on {@code device} (CUDA when asked
   * for and present, else the CPU, logged). Close the returned handle when done sampling.
   */
  public static OnnxBackedModel loadWithOnnx(Path path, ExecutionDevice device)
      throws IOException {
    return fromBytesWithOnnx(readFile(path), path.toString(), device);
  }

  /** {@link #loadWithOnnx} from the bundle's bytes. */
  public static OnnxBackedModel fromBytesWithOnnx(byte[] bundle, String source,
      ExecutionDevice device) throws IOException {
    CtganModel model = fromBytes(bundle, source);
    OnnxGenerator onnx = OnnxGenerator.open(readVerified(bundle, source).get(GENERATOR_ONNX),
        device);
    return new OnnxBackedModel(model.withForward(onnx::forward), onnx);
  }

  /** A model whose generator runs in an ONNX Runtime session, and that session. */
  public record OnnxBackedModel(CtganModel model, OnnxGenerator session) implements AutoCloseable {
    @Override
    public void close() {
      session.close();
    }
  }

  private static byte[] readFile(Path path) throws IOException {
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new IOException("model bundle " + path + " does not exist", e);
    }
  }

  /** Reads every entry and checks the format version and each entry's checksum. */
  private static Map<String, byte[]> readVerified(byte[] bundle, String source)
      throws IOException {
    Map<String, byte[]> entries = readEntries(bundle, source);
    byte[] manifestBytes = entries.get(MANIFEST);
    if (manifestBytes == null) {
      throw new IOException(source + " is not a SynthBeam model bundle (no " + MANIFEST + ")");
    }
    JsonNode manifest = JSON.readTree(manifestBytes);
    int format = manifest.path("format").asInt(-1);
    if (format != FORMAT_VERSION) {
      throw new IOException(source + " has bundle format " + format + " (written by SynthBeam "
          + manifest.path("library").asText("?") + "); this is SynthBeam "
          + SynthBeamVersion.VERSION + ", which reads format " + FORMAT_VERSION
          + ": refit the model with this version");
    }
    JsonNode sums = manifest.path("sha256");
    for (String name : new String[] {SCHEMA, ENCODER, GENERATOR, TRAINING, GENERATOR_ONNX}) {
      byte[] content = entries.get(name);
      if (content == null) {
        throw new IOException(source + " is incomplete: it lacks " + name);
      }
      if (!sha256(content).equals(sums.path(name).asText())) {
        throw new IOException(source + " is corrupt: the checksum of " + name + " does not match");
      }
    }
    return entries;
  }

  private static Map<String, byte[]> readEntries(byte[] bundle, String source)
      throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        entries.put(e.getName(), zip.readAllBytes());
      }
    } catch (ZipException | java.io.EOFException e) {
      throw new IOException(source + " is not a readable SynthBeam model bundle ("
          + e.getMessage() + ")", e);
    }
    return entries;
  }

  private interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private static byte[] bytes(Writer writer) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    writer.write(buf);
    return buf.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
