package io.synthbeam.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.avro.generic.GenericRecord;

/**
 * The fitted, reversible encoding of a table's rows into float vectors (CTGAN section 4.2, with
 * point-mass modes from CTAB-GAN's mixed type).
 *
 * <p>Layout of an encoded row, column by column in {@link TableSpec#columns()} order:
 * <ul>
 *   <li>continuous: a TANH span of length 1, the scalar (x - mu_k) / (4 sigma_k) clipped to
 *       [-1, 1] (0 for point-mass and null modes), then a SOFTMAX span, the one-hot of the mode k:
 *       the point-mass modes, then the Gaussian modes, then a null mode if the column had nulls.
 *       The Gaussian mode of a value is sampled from its posterior.</li>
 *   <li>categorical: a SOFTMAX span, the one-hot of the category (null is a category).</li>
 * </ul>
 *
 * <p>Decoding is the exact inverse on one-hots and reads soft vectors by argmax: integers rounded,
 * values clipped to the training range, categories only from training, nulls where the null mode
 * or category wins. Immutable and thread-safe.
 *
 * <p>SKELETON: signatures agreed, bodies to be written by the table-encoding work.
 */
public final class TableEncoder implements Serializable {

  public TableSpec spec() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Training rows seen by the fitter. */
  public long rowCount() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Floats per encoded row. */
  public int width() {
    throw new UnsupportedOperationException("TODO");
  }

  /** The generator heads, in row order, covering [0, width) without gaps. */
  public List<OutputSpan> outputSpans() {
    throw new UnsupportedOperationException("TODO");
  }

  /** The categorical columns, in column order, with their conditional-vector offsets. */
  public List<DiscreteColumn> discreteColumns() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Width of the conditional vector: the total of the discrete columns' categories. */
  public int conditionWidth() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Index of a category of a categorical column, parsing {@code valueText} by the column's type
   * (the empty string or "null" is the null category where the column has one).
   *
   * @throws IllegalArgumentException naming the column (and listing known columns) when it is
   *     unknown or not categorical, or naming the value (and some known ones) when it was never
   *     seen in training.
   */
  public int categoryIndex(String column, String valueText) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Writes {@link #width()} floats for the record at {@code out[offset..]}. */
  public void encode(GenericRecord record, float[] out, int offset, SplittableRandom rng) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Encodes all records; {@code seed} drives the posterior mode sampling. */
  public EncodedTable encodeAll(List<? extends GenericRecord> records, long seed) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Decodes {@link #width()} floats at {@code row[offset..]} into a record of the output schema. */
  public GenericRecord decode(float[] row, int offset) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Writes the fitted state as JSON (the bundle's encoder.json). */
  public void writeJson(OutputStream out) throws IOException {
    throw new UnsupportedOperationException("TODO");
  }

  /** Reads what {@link #writeJson} wrote. */
  public static TableEncoder readJson(InputStream in) throws IOException {
    throw new UnsupportedOperationException("TODO");
  }
}
