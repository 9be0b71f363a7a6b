package io.synthbeam.beam;

import io.synthbeam.io.AtomicFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Reads and writes model bundles through Beam's {@link FileSystems}, so local paths and any
 * file system registered with Beam work alike.
 */
final class BundleFiles {
  private BundleFiles() {}

  /**
   * The bytes of the file at {@code path}.
   *
   * @throws IOException naming the file when it does not exist or cannot be read
   */
  static byte[] read(String path) throws IOException {
    MatchResult match = FileSystems.match(path);
    if (match.status() == MatchResult.Status.NOT_FOUND || match.status() == MatchResult.Status.OK
        && match.metadata().isEmpty()) {
      throw new FileNotFoundException("model bundle " + path + " does not exist");
    }
    if (match.status() != MatchResult.Status.OK) {
      throw new IOException("cannot read the model bundle " + path + " (" + match.status() + ")");
    }
    ResourceId file = match.metadata().get(0).resourceId();
    try (ReadableByteChannel channel = FileSystems.open(file);
        InputStream in = Channels.newInputStream(channel)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IOException("cannot read the model bundle " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes the bytes to {@code path} atomically: to a temporary file in the same folder, then a
   * rename, so readers never see a half-written bundle.
   */
  static void write(String path, byte[] bytes) throws IOException {
    ResourceId target = FileSystems.matchNewResource(path, false);
    ResourceId temporary = target.getCurrentDirectory().resolve(
        "." + target.getFilename() + "." + UUID.randomUUID() + ".tmp",
        StandardResolveOptions.RESOLVE_FILE);
    try {
      try (WritableByteChannel channel = FileSystems.create(temporary, "application/zip");
          OutputStream out = Channels.newOutputStream(channel)) {
        out.write(bytes);
      }
      FileSystems.rename(List.of(temporary), List.of(target));
    } catch (IOException e) {
      FileSystems.delete(List.of(temporary),
          org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      throw new IOException("cannot write the model bundle " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * For a local path, checks that its folder exists and is writable or can be created, so a
   * pipeline fails before it trains; other file systems are checked when written.
   *
   * @throws IOException naming the folder
   */
  static void checkCanWrite(String path) throws IOException {
    Path local = localPath(path);
    if (local != null) {
      AtomicFiles.checkCanWriteIn(local.toAbsolutePath().getParent());
    }
  }

  /** The local file {@code path} names, or null when it is on another file system. */
  static Path localPath(String path) {
    ResourceId resource = FileSystems.matchNewResource(path, false);
    return "file".equals(resource.getScheme()) ? Path.of(resource.toString()) : null;
  }
}
