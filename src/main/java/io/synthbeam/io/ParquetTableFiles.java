package io.synthbeam.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Reads and writes Parquet files through parquet-avro (Snappy-compressed when written). The Avro
 * schema is stored in the file, so enums, logical types and field properties come back as
 * written.
 */
final class ParquetTableFiles {
  private ParquetTableFiles() {}

  /**
   * Reads every record with the file's Avro schema.
   *
   * @throws IOException naming the file when it is not a Parquet file or is damaged/truncated
   */
  static Table read(Path path) throws IOException {
    List<GenericRecord> records = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader = AvroParquetReader
        .<GenericRecord>builder(new LocalParquetFile(path))
        .withDataModel(GenericData.get())
        .withConf(configuration())
        .build()) {
      for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
        records.add(record);
      }
    } catch (LinkageError e) {
      throw brokenClasspath(e);
    } catch (IOException | RuntimeException e) {
      throw new IOException(path + " is not a readable Parquet file (damaged or truncated?): "
          + e.getMessage(), e);
    }
    if (records.isEmpty()) {
      // An empty file has no record to take the schema from; read it from the footer instead.
      return new Table(schemaOf(path), records);
    }
    return new Table(records.get(0).getSchema(), records);
  }

  /** Writes to {@code file}, which must not exist yet. */
  static void write(Path file, Schema schema, Iterable<? extends GenericRecord> rows)
      throws IOException {
    try (ParquetWriter<GenericRecord> writer = AvroParquetWriter
        .<GenericRecord>builder(new LocalParquetFile(file))
        .withSchema(schema)
        .withDataModel(GenericData.get())
        .withConf(configuration())
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .build()) {
      long row = 0;
      for (GenericRecord record : rows) {
        row++;
        try {
          writer.write(record);
        } catch (RuntimeException e) { // parquet-avro reports a bad value as a bare exception
          throw new IllegalArgumentException("row " + row + " does not match the schema: "
              + e.getMessage(), e);
        }
      }
    } catch (LinkageError e) {
      throw brokenClasspath(e);
    }
  }

  private static Schema schemaOf(Path path) throws IOException {
    try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(
        new LocalParquetFile(path))) {
      String avroSchema = reader.getFooter().getFileMetaData().getKeyValueMetaData()
          .get("parquet.avro.schema");
      if (avroSchema != null) {
        return new Schema.Parser().parse(avroSchema);
      }
      return new org.apache.parquet.avro.AvroSchemaConverter()
          .convert(reader.getFooter().getFileMetaData().getSchema());
    } catch (LinkageError e) {
      throw brokenClasspath(e);
    } catch (IOException | RuntimeException e) {
      throw new IOException(path + " is not a readable Parquet file (damaged or truncated?): "
          + e.getMessage(), e);
    }
  }

  private static Configuration configuration() {
    return new Configuration(false); // no *-site.xml lookups: local files only
  }

  private static IllegalStateException brokenClasspath(LinkageError e) {
    return new IllegalStateException("Parquet support is broken on this classpath (" + e
        + "); parquet-avro and parquet-hadoop/-column/-common must be the same version", e);
  }
}
