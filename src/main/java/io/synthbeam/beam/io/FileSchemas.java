package io.synthbeam.beam.io;

import io.synthbeam.io.FileFormat;
import io.synthbeam.io.TableFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * The Avro schema of a table file, read when a pipeline is built: from an Avro file's header, a
 * Parquet file's footer, or by inference over a local CSV file. Files are opened through Beam's
 * {@link FileSystems}, so Avro and Parquet files may be on any registered file system.
 */
final class FileSchemas {
  private FileSchemas() {}

  /** The one file {@code path} names. @throws FileNotFoundException naming it when missing */
  static ResourceId existingFile(String path) throws IOException {
    MatchResult match = FileSystems.match(path);
    if (match.status() == MatchResult.Status.NOT_FOUND
        || match.status() == MatchResult.Status.OK && match.metadata().isEmpty()) {
      throw new FileNotFoundException("input file not found: " + path);
    }
    if (match.status() != MatchResult.Status.OK) {
      throw new IOException("cannot read " + path + " (" + match.status() + ")");
    }
    if (match.metadata().size() != 1) {
      throw new IOException(path + " matches " + match.metadata().size() + " files; name one"
          + " table file");
    }
    return match.metadata().get(0).resourceId();
  }

  static Schema of(ResourceId file, FileFormat format) throws IOException {
    return switch (format) {
      case AVRO -> avro(file);
      case PARQUET -> parquet(file);
      case CSV, CSV_GZ -> {
        Path local = localPath(file);
        if (local == null) {
          throw new IllegalArgumentException("the schema of a CSV file can only be inferred on the"
              + " local file system; give the schema of " + file + " explicitly");
        }
        yield TableFiles.schemaOf(local);
      }
    };
  }

  /** The local file a resource names, or null on another file system. */
  static Path localPath(ResourceId resource) {
    return "file".equals(resource.getScheme()) ? Path.of(resource.toString()) : null;
  }

  private static Schema avro(ResourceId file) throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(file));
        DataFileStream<GenericRecord> stream = new DataFileStream<>(in,
            new GenericDatumReader<>())) {
      return stream.getSchema();
    } catch (IOException | RuntimeException e) {
      throw new IOException(file + " is not a readable Avro file: " + e.getMessage(), e);
    }
  }

  private static Schema parquet(ResourceId file) throws IOException {
    long length = FileSystems.matchSingleFileSpec(file.toString()).sizeBytes();
    try (ParquetFileReader reader = ParquetFileReader.open(new ChannelInputFile(file, length))) {
      String avroSchema = reader.getFooter().getFileMetaData().getKeyValueMetaData()
          .get("parquet.avro.schema");
      return avroSchema != null ? new Schema.Parser().parse(avroSchema)
          : new AvroSchemaConverter().convert(reader.getFooter().getFileMetaData().getSchema());
    } catch (IOException | RuntimeException e) {
      throw new IOException(file + " is not a readable Parquet file (damaged or truncated?): "
          + e.getMessage(), e);
    }
  }

  /** A file opened through Beam's file systems as Parquet's {@link InputFile}. */
  private record ChannelInputFile(ResourceId file, long length) implements InputFile {
    @Override
    public long getLength() {
      return length;
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
      ReadableByteChannel opened = FileSystems.open(file);
      if (!(opened instanceof SeekableByteChannel channel)) {
        opened.close();
        throw new IOException(file + " is on a file system that cannot seek");
      }
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
  }
}
