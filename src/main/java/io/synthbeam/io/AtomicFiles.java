package io.synthbeam.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that a failure never leaves a half-written one: the content goes to a
 * temporary file in the target's folder, which is then moved over the target.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes the content to a given (not yet existing) path. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path temporaryFile) throws IOException;
  }

  /**
   * Creates the target's folder if needed, writes {@code content} to a temporary file next to the
   * target and moves it into place (atomically where the file system can).
   *
   * @throws IOException naming the folder when it cannot be created or written to, or the target
   *     when it is a folder; the temporary file is removed on any failure
   */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Path folder = absolute.getParent();
    prepareFolder(folder);
    if (Files.isDirectory(absolute)) {
      throw new IOException("cannot write " + target + ": it is a folder");
    }
    Path temporary = folder.resolve("." + absolute.getFileName() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    boolean moved = false;
    try {
      content.writeTo(temporary);
      try {
        Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  /**
   * Creates {@code folder} (and its parents) when missing and checks it can be written to.
   *
   * @throws IOException naming the folder when it cannot be created or is not writable
   */
  public static void prepareFolder(Path folder) throws IOException {
    try {
      Files.createDirectories(folder);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new IOException("cannot create the output folder " + folder + ": " + e.getFile()
          + " exists and is not a folder", e);
    } catch (IOException e) {
      throw new IOException("cannot create the output folder " + folder + ": " + e, e);
    }
    if (!Files.isWritable(folder)) {
      throw new IOException("the output folder " + folder + " is not writable");
    }
  }

  /**
   * Checks, without creating anything, that {@code folder} exists and is writable or could be
   * created: its nearest existing ancestor is a writable folder. Lets a long job fail early.
   *
   * @throws IOException naming the folder (or the ancestor in the way) otherwise
   */
  public static void checkCanWriteIn(Path folder) throws IOException {
    Path existing = folder.toAbsolutePath().normalize();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw new IOException("cannot create the output folder " + folder + ": no existing parent");
    }
    if (!Files.isDirectory(existing)) {
      throw new IOException("cannot create the output folder " + folder + ": " + existing
          + " exists and is not a folder");
    }
    if (!Files.isWritable(existing)) {
      throw new IOException(existing.equals(folder.toAbsolutePath().normalize())
          ? "the output folder " + folder + " is not writable"
          : "cannot create the output folder " + folder + ": " + existing + " is not writable");
    }
  }
}
