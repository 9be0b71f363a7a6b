package io.synthbeam.beam.io;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Once a write has finished (any element arrives), removes its local temporary folder and the empty
 * folders in it (never a file); object stores have no folders to remove.
 */
final class RemoveEmptyFolderFn<T> extends DoFn<T, Void> {
  private final String folder;

  RemoveEmptyFolderFn(String folder) {
    this.folder = folder;
  }

  @ProcessElement
  public void process() throws IOException {
    Path local = FileSchemas.localPath(FileSystems.matchNewResource(folder, true));
    if (local == null || !Files.isDirectory(local)) {
      return;
    }
    List<Path> folders;
    try (Stream<Path> tree = Files.walk(local)) {
      folders = tree.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
    }
    for (Path f : folders) {
      try {
        Files.deleteIfExists(f);
      } catch (DirectoryNotEmptyException e) {
        // files left by a failed attempt: leave them
      }
    }
  }
}
