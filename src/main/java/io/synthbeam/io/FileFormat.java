package io.synthbeam.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The table file formats SynthBeam reads and writes, recognised by the file name's extension. */
public enum FileFormat {
  /** Comma-separated values with a header row, UTF-8. */
  CSV(".csv"),
  /** Gzip-compressed CSV. */
  CSV_GZ(".csv.gz"),
  /** Avro object container file. */
  AVRO(".avro"),
  /** Parquet file written through parquet-avro. */
  PARQUET(".parquet");

  private final String extension;

  FileFormat(String extension) {
    this.extension = extension;
  }

  /** The extension, with its dot ({@code .csv.gz}). */
  public String extension() {
    return extension;
  }

  /** Whether this is one of the CSV variants. */
  public boolean isCsv() {
    return this == CSV || this == CSV_GZ;
  }

  /**
   * The format of {@code path} by its extension (case-insensitive).
   *
   * @throws IllegalArgumentException naming the file and listing the supported extensions
   */
  public static FileFormat of(Path path) {
    Path fileName = path.getFileName();
    String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
    for (FileFormat format : values()) {
      if (name.endsWith(format.extension) && name.length() > format.extension.length()) {
        return format;
      }
    }
    throw new IllegalArgumentException("cannot tell the format of '" + path
        + "' from its name: use one of the extensions " + supportedExtensions());
  }

  /** The supported extensions, for messages: {@code .csv, .csv.gz, .avro, .parquet}. */
  public static String supportedExtensions() {
    return Arrays.stream(values()).map(FileFormat::extension).collect(Collectors.joining(", "));
  }
}
