package io.synthbeam.bundle;

import io.synthbeam.gan.ctgan.CtganModel;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A fitted model in one zip file: Avro schema, encoder, generator, training metadata, checksum.
 *
 * <p>SKELETON: signatures agreed; the trainer work writes the bodies.
 */
public final class ModelBundle {
  private ModelBundle() {}

  /** Writes the bundle atomically (a temporary file in the same folder, then a move). */
  public static void save(CtganModel model, Path path) throws IOException {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Reads a bundle.
   *
   * @throws IOException naming the file when it is missing, not a bundle, corrupt (checksum), or
   *     of an incompatible format version
   */
  public static CtganModel load(Path path) throws IOException {
    throw new UnsupportedOperationException("TODO");
  }
}
