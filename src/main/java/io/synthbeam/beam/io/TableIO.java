package io.synthbeam.beam.io;

import io.synthbeam.io.AtomicFiles;
import io.synthbeam.io.CsvRows;
import io.synthbeam.io.FileFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * Reads and writes one table file in a Beam pipeline as Avro {@link GenericRecord}s, the format
 * chosen by the file name's extension: {@code .csv}, {@code .csv.gz}, {@code .avro},
 * {@code .parquet} (as {@code synthbeam}'s command line does).
 *
 * <pre>{@code
 * TableIO.Read claims = TableIO.read("data/claims.csv.gz");     // schema inferred now
 * pipeline.apply(claims)
 *     .apply(SynthesizeTable.create().withEpochs(50))
 *     .apply(TableIO.write("out/synthetic.parquet"));           // schema from the AvroCoder
 * }</pre>
 *
 * <p>Reading: Parquet through {@code ParquetIO}, Avro through {@code AvroIO}, with the schema the
 * file carries (read from its footer or header when the transform is created); CSV through
 * {@code FileIO}, each file parsed whole by SynthBeam's CSV reader, with a given schema or one
 * inferred from a local file when the transform is created (see
 * {@link io.synthbeam.io.TableFiles#read}). A missing file fails at creation, naming it. The
 * output has an {@code AvroCoder} of the schema ({@link Read#getSchema()}).
 *
 * <p>Writing: exactly one file at the given path: Parquet through {@code FileIO} and
 * {@code ParquetIO.sink} (Snappy), Avro through {@code AvroIO}, CSV through {@code TextIO} (a
 * header of the fields' CSV column names, so a table read from CSV keeps its column names;
 * gzip-compressed for {@code .csv.gz}). Beam's file sinks write to a temporary location and then
 * rename, so no half-written file is left behind; a local output folder is checked to be writable
 * when the transform is created. Row order in the file is not defined.
 */
public final class TableIO {
  private TableIO() {}

  /**
   * Reads the table file at {@code path}; Avro and Parquet files with their own schema, a CSV file
   * with the schema inferred from it (local files only).
   *
   * @throws IllegalArgumentException for an unknown extension (naming the file)
   * @throws UncheckedIOException naming the file when it is missing or unreadable
   */
  public static Read read(String path) {
    return new Read(path, null);
  }

  /**
   * Reads a CSV file at {@code path} with {@code csvSchema} (columns matched to fields by the
   * fields' CSV name property, name or sanitised header); for Avro and Parquet it must be null.
   */
  public static Read read(String path, Schema csvSchema) {
    return new Read(path, csvSchema);
  }

  /** Writes records to the table file at {@code path}, replacing it. */
  public static Write write(String path) {
    return new Write(path, null);
  }

  /** Reads one table file. */
  public static final class Read extends PTransform<PBegin, PCollection<GenericRecord>> {
    private final String path;
    private final FileFormat format;
    private final Schema schema;

    private Read(String path, Schema csvSchema) {
      this.path = notNull(path);
      this.format = FileFormat.of(Path.of(path));
      if (csvSchema != null && !format.isCsv()) {
        throw new IllegalArgumentException("a schema is for CSV input only; " + path
            + " carries its own schema");
      }
      try {
        ResourceId file = FileSchemas.existingFile(path);
        this.schema = csvSchema == null ? FileSchemas.of(file, format)
            : CsvHeaderNames.apply(file, format == FileFormat.CSV_GZ, csvSchema);
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
    }

    /** The schema of the records read. */
    public Schema getSchema() {
      return schema;
    }

    @Override
    public PCollection<GenericRecord> expand(PBegin begin) {
      PCollection<GenericRecord> records = switch (format) {
        case PARQUET -> begin.apply("ReadParquet",
            ParquetIO.read(schema).withAvroDataModel(GenericData.get()).from(path));
        case AVRO -> begin.apply("ReadAvro", AvroIO.readGenericRecords(schema).from(path));
        case CSV, CSV_GZ -> begin
            .apply("Match", FileIO.match().filepattern(path))
            .apply("Open", FileIO.readMatches().withCompression(Compression.UNCOMPRESSED))
            .apply("ParseCsv", ParDo.of(new ReadCsvFn(schema)));
      };
      return records.setCoder(AvroCoder.of(schema));
    }

    @Override
    public void populateDisplayData(DisplayData.Builder builder) {
      super.populateDisplayData(builder);
      builder.add(DisplayData.item("path", path).withLabel("Table file"))
          .add(DisplayData.item("format", format.name()).withLabel("Format"));
    }
  }

  /** Writes one table file. */
  public static final class Write extends PTransform<PCollection<GenericRecord>, PDone> {
    private final String path;
    private final FileFormat format;
    private final Schema schema;

    private Write(String path, Schema schema) {
      this.path = notNull(path);
      this.format = FileFormat.of(Path.of(path));
      this.schema = schema;
      ResourceId target = FileSystems.matchNewResource(path, false);
      Path local = FileSchemas.localPath(target);
      if (local != null) {
        try {
          AtomicFiles.checkCanWriteIn(local.toAbsolutePath().getParent());
        } catch (IOException e) {
          throw new UncheckedIOException(e.getMessage(), e);
        }
      }
      if (schema != null && format.isCsv()) {
        CsvRows.of(schema); // fails now, naming the field, if CSV cannot hold a type
      }
    }

    /** The records' schema, when their coder is not an AvroCoder. */
    public Write withSchema(Schema recordSchema) {
      return new Write(path, notNull(recordSchema));
    }

    @Override
    public PDone expand(PCollection<GenericRecord> records) {
      Schema s = schema != null ? schema
          : records.getCoder() instanceof AvroCoder<?> avro ? avro.getSchema() : null;
      if (s == null) {
        throw new IllegalArgumentException("TableIO.write(" + path + ") needs the records'"
            + " schema: give them an AvroCoder or call withSchema(schema)");
      }
      ResourceId target = FileSystems.matchNewResource(path, false);
      switch (format) {
        case PARQUET -> {
          // A temporary folder of its own, removed once the file is in place (FileIO would
          // leave its default .temp-beam folder behind).
          String temporary = target.getCurrentDirectory().resolve(".temp-beam-" + UUID.randomUUID(),
              StandardResolveOptions.RESOLVE_DIRECTORY).toString();
          records.apply("WriteParquet", FileIO.<GenericRecord>write()
                  .via(ParquetIO.sink(s))
                  .to(target.getCurrentDirectory().toString())
                  .withNaming(new FixedName(target.getFilename()))
                  .withTempDirectory(temporary)
                  .withNumShards(1))
              .getPerDestinationOutputFilenames()
              .apply("RemoveTemporaryFolder", ParDo.of(new RemoveEmptyFolderFn<>(temporary)));
        }
        case AVRO -> records.apply("WriteAvro", AvroIO.writeGenericRecords(s).to(path)
            .withoutSharding());
        case CSV, CSV_GZ -> {
          String header = CsvRows.of(s).header();
          // TextIO appends ".gz" to the name of a compressed file itself.
          TextIO.Write text = format == FileFormat.CSV_GZ
              ? TextIO.write().to(path.substring(0, path.length() - 3))
                  .withCompression(Compression.GZIP)
              : TextIO.write().to(path);
          records.apply("ToCsvLines", ParDo.of(new CsvLineFn(s)))
              .setCoder(StringUtf8Coder.of())
              .apply("WriteCsv", text.withoutSharding().withHeader(header));
        }
      }
      return PDone.in(records.getPipeline());
    }

    @Override
    public void populateDisplayData(DisplayData.Builder builder) {
      super.populateDisplayData(builder);
      builder.add(DisplayData.item("path", path).withLabel("Table file"))
          .add(DisplayData.item("format", format.name()).withLabel("Format"));
    }
  }

  /** Names the one output file of a FileIO write. */
  private record FixedName(String fileName) implements FileIO.Write.FileNaming {
    @Override
    public String getFilename(org.apache.beam.sdk.transforms.windowing.BoundedWindow window,
        org.apache.beam.sdk.transforms.windowing.PaneInfo pane, int numShards, int shardIndex,
        Compression compression) {
      return fileName;
    }
  }

  private static <T> T notNull(T value) {
    if (value == null) {
      throw new IllegalArgumentException("a path and schema must not be null");
    }
    return value;
  }
}
