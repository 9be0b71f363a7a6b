package io.synthbeam.table;

import io.synthbeam.table.dp.PreprocessingSpend;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.OutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The fitted, reversible encoding of a table's rows into float vectors (CTGAN section 4.2, with
 * point-mass modes from CTAB-GAN's mixed type).
 *
 * <p>Layout of an encoded row, column by column in {@link TableSpec#columns()} order:
 * <ul>
 *   <li>continuous: a TANH span of length 1, the scalar (x - mu_k) / (4 sigma_k) clipped to
 *       [-0.99, 0.99] (0 for point-mass and null modes), then a SOFTMAX span, the one-hot of the
 *       mode k: the point-mass modes, then the Gaussian modes, then a null mode if the column had
 *       nulls. The Gaussian mode of a value is sampled from its posterior.</li>
 *   <li>categorical: a SOFTMAX span, the one-hot of the category (null is a category).</li>
 * </ul>
 *
 * <p>Decoding is the exact inverse on one-hots and reads soft vectors by argmax: integers rounded,
 * values clipped to the training range, categories only from training, nulls where the null mode
 * or category wins. Immutable and thread-safe. Java-serialises as its JSON form.
 *
 * <p>An encoder from a private fit ({@link TableEncoderFitter#withPrivacy}) records what the fit
 * spent ({@link #preprocessingSpend()}) and, per column, whether its statistics are private,
 * private over a declared domain, or declared public ({@link #privacy()}); its {@link #rowCount()}
 * and category counts are noisy, and a categorical column whose values were not all declared has
 * an "other" category for values that were not released.
 */
public final class TableEncoder implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  private final TableSpec spec;
  private final EncodingOptions options;
  private final long rowCount;
  private final ColumnCodec[] codecs;
  private final int[] offsets;
  private final int[] fieldIndexes;
  private final int width;
  private final List<OutputSpan> spans;
  private final List<DiscreteColumn> discreteColumns;
  private final int conditionWidth;
  private final RecordReader reader;
  private final Map<String, ColumnPrivacy> privacy;
  private final PreprocessingSpend spend;

  TableEncoder(TableSpec spec, EncodingOptions options, long rowCount, List<ColumnCodec> codecs) {
    this(spec, options, rowCount, codecs, null, null);
  }

  /**
   * @param privacy per column name, how its statistics were obtained (null for a non-private fit)
   * @param spend what the private fit spent (null for a non-private fit)
   */
  TableEncoder(TableSpec spec, EncodingOptions options, long rowCount, List<ColumnCodec> codecs,
      Map<String, ColumnPrivacy> privacy, PreprocessingSpend spend) {
    if ((privacy == null) != (spend == null)) {
      throw new IllegalArgumentException("a private encoder needs both its column privacy and its"
          + " spend");
    }
    Map<String, ColumnPrivacy> modes = new LinkedHashMap<>();
    for (ColumnSpec c : spec.columns()) {
      ColumnPrivacy p = privacy == null ? ColumnPrivacy.NON_PRIVATE : privacy.get(c.name());
      if (p == null) {
        throw new IllegalArgumentException("the privacy of column '" + c.name() + "' is missing");
      }
      modes.put(c.name(), p);
    }
    this.privacy = Collections.unmodifiableMap(modes);
    this.spend = spend;
    this.spec = spec;
    this.options = options;
    this.rowCount = rowCount;
    this.codecs = codecs.toArray(new ColumnCodec[0]);
    this.offsets = new int[codecs.size()];
    this.fieldIndexes = new int[codecs.size()];
    List<OutputSpan> spanList = new ArrayList<>();
    List<DiscreteColumn> discrete = new ArrayList<>();
    int offset = 0;
    int condition = 0;
    for (int j = 0; j < this.codecs.length; j++) {
      ColumnCodec codec = this.codecs[j];
      offsets[j] = offset;
      fieldIndexes[j] = codec.column().fieldIndex();
      spanList.addAll(codec.spans(offset, j));
      if (codec instanceof CategoricalColumnCodec categorical) {
        discrete.add(new DiscreteColumn(j, codec.column().name(), offset, condition,
            categorical.counts()));
        condition += codec.width();
      }
      offset += codec.width();
    }
    this.width = offset;
    this.spans = List.copyOf(spanList);
    this.discreteColumns = List.copyOf(discrete);
    this.conditionWidth = condition;
    this.reader = new RecordReader(
        spec.columns().stream().map(ColumnSpec::name).toList(), true);
  }

  public TableSpec spec() {
    return spec;
  }

  /** The options the encoder was fitted with. */
  public EncodingOptions options() {
    return options;
  }

  /** Training rows seen by the fitter (a noisy count, at least 1, after a private fit). */
  public long rowCount() {
    return rowCount;
  }

  /**
   * Per column name, in column order, how the column's statistics were obtained: all
   * {@link ColumnPrivacy.Mode#NON_PRIVATE} unless the encoder comes from a private fit.
   */
  public Map<String, ColumnPrivacy> privacy() {
    return privacy;
  }

  /** What the private fit spent; empty for a non-private fit. */
  public Optional<PreprocessingSpend> preprocessingSpend() {
    return Optional.ofNullable(spend);
  }

  /** Floats per encoded row. */
  public int width() {
    return width;
  }

  /** The generator heads, in row order, covering [0, width) without gaps. */
  public List<OutputSpan> outputSpans() {
    return spans;
  }

  /** The categorical columns, in column order, with their conditional-vector offsets. */
  public List<DiscreteColumn> discreteColumns() {
    return discreteColumns;
  }

  /** Width of the conditional vector: the total of the discrete columns' categories. */
  public int conditionWidth() {
    return conditionWidth;
  }

  /**
   * Index of a category of a categorical column, parsing {@code valueText} by the column's type
   * (the empty string or "null" is the null category where the column has one, unless the
   * column has that literal text as a value).
   *
   * @throws IllegalArgumentException naming the column (and listing known columns) when it is
   *     unknown or not categorical, or naming the value (and some known ones) when it was never
   *     seen in training.
   */
  public int categoryIndex(String column, String valueText) {
    ColumnSpec c = spec.column(column);
    if (!(codecs[spec.columns().indexOf(c)] instanceof CategoricalColumnCodec categorical)) {
      throw new IllegalArgumentException("column '" + column + "' is continuous; only categorical"
          + " columns have categories: " + String.join(", ",
              discreteColumns.stream().map(DiscreteColumn::name).toList()));
    }
    return categorical.categoryIndex(valueText);
  }

  /**
   * Writes {@link #width()} floats for the record at {@code out[offset..]}; {@code rng} draws the
   * modes of values that have more than one possible mode.
   *
   * @throws IllegalArgumentException naming the column for a value the encoder cannot represent:
   *     a wrong Java type, NaN or infinity, a category or a null not seen in training.
   */
  public void encode(GenericRecord record, float[] out, int offset, SplittableRandom rng) {
    int[] positions = reader.positions(record.getSchema());
    Arrays.fill(out, offset, offset + width, 0f);
    for (int j = 0; j < codecs.length; j++) {
      codecs[j].encode(record.get(positions[j]), out, offset + offsets[j], rng);
    }
  }

  /** Encodes all records; {@code seed} drives the posterior mode sampling. */
  public EncodedTable encodeAll(List<? extends GenericRecord> records, long seed) {
    long size = (long) records.size() * width;
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(records.size() + " rows of width " + width
          + " do not fit in one float array; encode fewer rows");
    }
    float[] data = new float[(int) size];
    SplittableRandom rng = new SplittableRandom(seed);
    int offset = 0;
    for (GenericRecord r : records) {
      encode(r, data, offset, rng);
      offset += width;
    }
    return new EncodedTable(records.size(), width, data);
  }

  /** Decodes {@link #width()} floats at {@code row[offset..]} into a record of the output schema. */
  public GenericRecord decode(float[] row, int offset) {
    GenericData.Record record = new GenericData.Record(spec.outputSchema());
    for (int j = 0; j < codecs.length; j++) {
      record.put(fieldIndexes[j], codecs[j].decode(row, offset + offsets[j]));
    }
    return record;
  }

  /** Writes the fitted state as JSON (the bundle's encoder.json). */
  public void writeJson(OutputStream out) throws IOException {
    EncoderJson.write(this, out);
  }

  /** Reads what {@link #writeJson} wrote. */
  public static TableEncoder readJson(InputStream in) throws IOException {
    return EncoderJson.read(in);
  }

  /** The column codecs, in column order. */
  List<ColumnCodec> codecs() {
    return List.of(codecs);
  }

  @Serial
  private Object writeReplace() {
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    try {
      writeJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SerializedForm(json.toByteArray());
  }

  @Serial
  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("TableEncoder is serialized through its SerializedForm");
  }

  /** The Java-serialized form: the JSON. */
  private record SerializedForm(byte[] json) implements Serializable {
    @Serial
    private Object readResolve() throws IOException {
      return readJson(new ByteArrayInputStream(json));
    }
  }
}
