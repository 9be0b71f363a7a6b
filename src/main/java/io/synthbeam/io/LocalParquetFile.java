package io.synthbeam.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.DelegatingPositionOutputStream;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A local file as Parquet's {@link InputFile}/{@link OutputFile}, through java.nio rather than
 * Hadoop's local file system (which would leave {@code .crc} side files next to the output).
 */
final class LocalParquetFile implements InputFile, OutputFile {
  private final Path path;

  LocalParquetFile(Path path) {
    this.path = path;
  }

  @Override
  public long getLength() throws IOException {
    return Files.size(path);
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
    // The channel's position is the stream's position, so seeking moves the channel.
    return new DelegatingSeekableInputStream(Channels.newInputStream(channel)) {
      @Override
      public long getPos() throws IOException {
        return channel.position();
      }

      @Override
      public void seek(long newPos) throws IOException {
        channel.position(newPos);
      }
    };
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) throws IOException {
    return open(StandardOpenOption.CREATE_NEW);
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
    return open(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }

  @Override
  public String getPath() {
    return path.toString();
  }

  private PositionOutputStream open(StandardOpenOption... options) throws IOException {
    OutputStream out = new BufferedOutputStream(
        Files.newOutputStream(path, withWrite(options)), 1 << 16);
    return new DelegatingPositionOutputStream(out) {
      private long position;

      @Override
      public long getPos() {
        return position;
      }

      @Override
      public void write(int b) throws IOException {
        super.write(b);
        position++;
      }

      @Override
      public void write(byte[] b) throws IOException {
        write(b, 0, b.length);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        super.write(b, off, len);
        position += len;
      }
    };
  }

  private static StandardOpenOption[] withWrite(StandardOpenOption[] options) {
    StandardOpenOption[] all = java.util.Arrays.copyOf(options, options.length + 1);
    all[options.length] = StandardOpenOption.WRITE;
    return all;
  }
}
