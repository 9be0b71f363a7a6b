package io.synthbeam.io;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Walks the rows of a CSV file (plain or gzip, UTF-8, RFC 4180 quoting, blank lines skipped) after
 * its header row, with the line number each row starts on, turning every read problem into an
 * error that names the file and line.
 */
final class CsvCursor implements Closeable {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  private final Path path;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> header;
  private List<String> cells;
  private long line;
  private long lineBefore;

  private CsvCursor(Path path, CSVParser parser) throws IOException {
    this.path = path;
    this.parser = parser;
    this.records = parser.iterator();
    if (!advance()) {
      throw new IllegalArgumentException(path + " is empty: a CSV file needs a header row");
    }
    List<String> names = new ArrayList<>(cells);
    if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
      names.set(0, names.get(0).substring(1)); // byte order mark written by some editors
    }
    checkHeader(names);
    this.header = List.copyOf(names);
  }

  /**
   * Opens the file and reads its header row.
   *
   * @param gzip whether the file is gzip-compressed
   * @throws IOException naming the file when it is missing, not gzip (when {@code gzip}), not
   *     UTF-8 text, or its header row is missing, has an empty or a repeated column name
   */
  static CsvCursor open(Path path, boolean gzip) throws IOException {
    InputStream in = Files.newInputStream(path);
    try {
      InputStream data = gzip ? new GZIPInputStream(in, 1 << 16) : in;
      BufferedReader reader = new BufferedReader(new InputStreamReader(data,
          StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
      return new CsvCursor(path, FORMAT.parse(reader));
    } catch (ZipException | EOFException e) {
      in.close();
      throw new IOException(path + " is not a gzip file (a .csv.gz file must be gzip-compressed)"
          + ": " + e, e);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** The column names of the header row, as written (a leading byte order mark removed). */
  List<String> header() {
    return header;
  }

  /** Moves to the next data row; false at the end of the file. */
  boolean next() throws IOException {
    if (!advance()) {
      return false;
    }
    if (cells.size() != header.size()) {
      throw new IllegalArgumentException(where() + ": " + cells.size() + " cells, but the header"
          + " has " + header.size() + " columns (a quote not closed, or a missing/extra comma?)");
    }
    return true;
  }

  /** The cells of the current row, one per header column. */
  List<String> cells() {
    return cells;
  }

  /** "file line N": where the current row starts, for messages. */
  String where() {
    return path + " line " + line;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  private boolean advance() throws IOException {
    lineBefore = parser.getCurrentLineNumber();
    try {
      if (!records.hasNext()) {
        return false;
      }
      CSVRecord record = records.next();
      line = lineBefore + 1;
      cells = record.toList();
    } catch (UncheckedIOException e) {
      throw readError(e.getCause());
    } catch (IllegalStateException e) {
      throw readError(new IOException(e.getMessage(), e));
    }
    for (String cell : cells) {
      if (cell.indexOf('\0') >= 0) {
        throw new IOException(path + " line " + line + " holds NUL bytes: this is not a text CSV"
            + " file (is it a binary file with a .csv name?)");
      }
    }
    return true;
  }

  private IOException readError(IOException cause) {
    long at = lineBefore + 1;
    if (cause instanceof CharacterCodingException) {
      return new IOException(path + " near line " + at + " is not UTF-8 text (is it a binary"
          + " file with a .csv name, or a CSV in another encoding?)", cause);
    }
    if (cause instanceof ZipException || cause instanceof EOFException) {
      return new IOException(path + " is a damaged or truncated gzip file (near line " + at
          + "): " + cause.getMessage(), cause);
    }
    return new IOException(path + " near line " + at + " is not valid CSV: "
        + cause.getMessage(), cause);
  }

  private void checkHeader(List<String> names) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.isBlank()) {
        throw new IllegalArgumentException(path + " line 1: column " + (i + 1) + " of the header"
            + " row has no name; every column needs a name");
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException(path + " line 1: the header row names column '" + name
            + "' twice; column names must be unique");
      }
    }
  }
}
