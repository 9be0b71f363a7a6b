package io.synthbeam.beam;

import io.synthbeam.bundle.ModelBundle;
import io.synthbeam.bundle.ModelBundle.OnnxBackedModel;
import io.synthbeam.gan.ctgan.CtganModel;
import io.synthbeam.onnx.ExecutionDevice;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Loaded models shared by every sampling DoFn instance of a worker JVM, keyed by the bundle's
 * SHA-256 and the device: the bundle is parsed and its ONNX Runtime session opened once per JVM,
 * not per DoFn instance, bundle or element. Reference-counted: each DoFn instance acquires a model
 * once and releases it in its {@code @Teardown}; the session is closed when the last user releases
 * it. Beam does not promise to call {@code @Teardown}, so a model may also live until the JVM exits
 * (its native session is then freed with the process).
 */
final class ModelCache {
  private static final Map<Key, Entry> MODELS = new HashMap<>();

  private record Key(String sha256, ExecutionDevice device) {}

  private static final class Entry {
    final OnnxBackedModel model;
    int users;

    Entry(OnnxBackedModel model) {
      this.model = model;
    }
  }

  /** A model in use; release it once. */
  static final class Lease {
    private final Key key;
    private final CtganModel model;
    private boolean released;

    private Lease(Key key, CtganModel model) {
      this.key = key;
      this.model = model;
    }

    CtganModel model() {
      return model;
    }

    String sha256() {
      return key.sha256();
    }

    void release() {
      if (!released) {
        released = true;
        ModelCache.release(key);
      }
    }
  }

  private ModelCache() {}

  /**
   * The model in {@code bundle}, loading it on first use in this JVM.
   *
   * @param source names the bundle in error messages
   * @throws IOException when the bytes are not a readable bundle
   */
  static Lease acquire(byte[] bundle, String source, ExecutionDevice device) throws IOException {
    Key key = new Key(sha256(bundle), device);
    synchronized (MODELS) {
      Entry entry = MODELS.get(key);
      if (entry == null) {
        entry = new Entry(ModelBundle.fromBytesWithOnnx(bundle, source, device));
        MODELS.put(key, entry);
      }
      entry.users++;
      return new Lease(key, entry.model.model());
    }
  }

  private static void release(Key key) {
    synchronized (MODELS) {
      Entry entry = MODELS.get(key);
      if (entry != null && --entry.users == 0) {
        MODELS.remove(key);
        entry.model.close();
      }
    }
  }

  /** Models currently loaded in this JVM (for tests). */
  static int loadedModels() {
    synchronized (MODELS) {
      return MODELS.size();
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
