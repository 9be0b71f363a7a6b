package io.synthbeam.table;

import java.io.Serializable;
import org.apache.avro.generic.GenericRecord;

/**
 * Fits a {@link TableEncoder} from records through mergeable accumulators, so a Beam
 * {@code Combine} can fit it on shards and merge, and a local caller can simply add every row.
 *
 * <p>Memory is bounded: categorical columns keep a count per distinct value and give up (the
 * column is rejected at {@link #extract}) past {@link EncodingOptions#maxCategories()}; continuous
 * columns keep a uniform reservoir of {@link EncodingOptions#reservoirSize()} values. The reservoir
 * is deterministic whatever the sharding: each row's priority is a hash of the seed and the row's
 * values (strings hashed by their text, so Utf8 and String agree).
 *
 * <p>SKELETON: signatures agreed, bodies to be written by the table-encoding work.
 */
public final class TableEncoderFitter implements Serializable {

  /** Per-shard state; Serializable so Beam can code it with SerializableCoder. */
  public static final class Accumulator implements Serializable {}

  public TableEncoderFitter(TableSpec spec, EncodingOptions options) {
    throw new UnsupportedOperationException("TODO");
  }

  public Accumulator createAccumulator() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Adds one record (read by field name from {@code record}, which must carry the input schema's
   * fields). Returns the same accumulator.
   *
   * @throws IllegalArgumentException naming the column for NaN or +/-Infinity in a continuous
   *     column, a null in a non-nullable field, or a value of the wrong type.
   */
  public Accumulator add(Accumulator acc, GenericRecord record) {
    throw new UnsupportedOperationException("TODO");
  }

  public Accumulator merge(Iterable<Accumulator> accumulators) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Fits the mixtures and fixes the category lists.
   *
   * @throws IllegalArgumentException for an empty table, or naming a categorical column with more
   *     than {@link EncodingOptions#maxCategories()} values (and the option that raises it).
   */
  public TableEncoder extract(Accumulator acc) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Convenience for local use: one accumulator over all records, then {@link #extract}. */
  public TableEncoder fit(Iterable<? extends GenericRecord> records) {
    Accumulator acc = createAccumulator();
    for (GenericRecord r : records) {
      add(acc, r);
    }
    return extract(acc);
  }
}
