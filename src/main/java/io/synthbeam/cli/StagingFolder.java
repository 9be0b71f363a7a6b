package io.synthbeam.cli;

import io.synthbeam.io.AtomicFiles;
import io.synthbeam.io.FileFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A hidden folder next to an output where a pipeline writes everything first; the files that
 * should be kept are then moved into place, and closing removes the folder with whatever is left.
 * A failed or gated run so never leaves a partial or unwanted file at the output path.
 */
final class StagingFolder implements AutoCloseable {
  private final Path folder;

  private StagingFolder(Path folder) {
    this.folder = folder;
  }

  /** Creates {@code .NAME.staging-RANDOM} in the folder of {@code output}. */
  static StagingFolder nextTo(Path output) throws IOException {
    Path absolute = output.toAbsolutePath().normalize();
    AtomicFiles.prepareFolder(absolute.getParent());
    return new StagingFolder(Files.createDirectory(absolute.getParent().resolve(
        "." + absolute.getFileName() + ".staging-" + UUID.randomUUID())));
  }

  /** A path in the folder. */
  Path file(String name) {
    return folder.resolve(name);
  }

  /** A path in the folder with the extension of {@code like} (the writers go by it). */
  Path table(String stem, Path like) {
    return file(stem + FileFormat.of(like).extension());
  }

  /**
   * Moves a staged file over {@code target} (atomically where the file system can).
   *
   * @throws IOException naming the staged file when the pipeline did not write it
   */
  void moveTo(Path staged, Path target) throws IOException {
    if (!Files.exists(staged)) {
      throw new IOException("the pipeline did not write " + staged.getFileName()
          + " for " + target);
    }
    AtomicFiles.write(target, temporary -> Files.move(staged, temporary,
        StandardCopyOption.REPLACE_EXISTING));
  }

  /** {@code OUT.ext} becomes {@code OUT.quarantine.ext} (the table's extension kept last). */
  static Path quarantinePath(Path output) {
    String name = output.getFileName().toString();
    int stem = name.length() - FileFormat.of(output).extension().length();
    return output.resolveSibling(name.substring(0, stem) + ".quarantine" + name.substring(stem));
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
