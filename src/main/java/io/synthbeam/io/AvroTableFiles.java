package io.synthbeam.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.file.SeekableFileInput;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/** Reads and writes Avro object container files (deflate-compressed when written). */
final class AvroTableFiles {
  private AvroTableFiles() {}

  /**
   * Reads every record with the file's own schema.
   *
   * @throws IOException naming the file when it is not an Avro data file or is damaged/truncated
   */
  static Table read(Path path) throws IOException {
    try (DataFileReader<GenericRecord> reader = new DataFileReader<>(
        new SeekableFileInput(path.toFile()), new GenericDatumReader<>())) {
      Schema schema = reader.getSchema();
      if (schema.getType() != Schema.Type.RECORD) {
        throw new IllegalArgumentException(path + " holds " + schema.getType() + " values; a"
            + " table file must hold Avro records");
      }
      List<GenericRecord> records = new ArrayList<>();
      while (reader.hasNext()) {
        records.add(reader.next());
      }
      return new Table(schema, records);
    } catch (IOException | AvroRuntimeException e) {
      throw new IOException(path + " is not a readable Avro data file (damaged or truncated?): "
          + e.getMessage(), e);
    }
  }

  /** Writes to {@code file}, which must not exist yet. */
  static void write(Path file, Schema schema, Iterable<? extends GenericRecord> rows)
      throws IOException {
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
        DataFileWriter<GenericRecord> writer =
            new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
      writer.setCodec(CodecFactory.deflateCodec(6));
      writer.create(schema, out);
      long row = 0;
      for (GenericRecord record : rows) {
        row++;
        try {
          writer.append(record);
        } catch (DataFileWriter.AppendWriteException e) {
          throw new IllegalArgumentException("row " + row + " does not match the schema: "
              + e.getMessage(), e);
        }
      }
    }
  }
}
