package io.synthbeam.beam.io;

import io.synthbeam.io.Table;
import io.synthbeam.io.TableFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Parses a whole CSV file (plain or gzip) with SynthBeam's CSV reader into records of the given
 * schema. A file on another file system than the local one is copied to a local temporary file
 * first. Errors name the file, line and column.
 */
final class ReadCsvFn extends DoFn<FileIO.ReadableFile, GenericRecord> {
  private final Schema schema;

  ReadCsvFn(Schema schema) {
    this.schema = schema;
  }

  @ProcessElement
  public void process(@Element FileIO.ReadableFile file, OutputReceiver<GenericRecord> out)
      throws IOException {
    ResourceId resource = file.getMetadata().resourceId();
    Path local = FileSchemas.localPath(resource);
    Path copy = null;
    try {
      if (local == null) {
        String name = resource.getFilename() == null ? "table.csv" : resource.getFilename();
        copy = Files.createTempFile("synthbeam-", "-" + name);
        try (InputStream in = Channels.newInputStream(file.open())) {
          Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        local = copy;
      }
      Table table = TableFiles.read(local, Optional.of(schema));
      for (GenericRecord record : table.records()) {
        out.output(record);
      }
    } finally {
      if (copy != null) {
        Files.deleteIfExists(copy);
      }
    }
  }
}
