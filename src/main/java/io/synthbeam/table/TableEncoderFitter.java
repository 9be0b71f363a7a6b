package io.synthbeam.table;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Fits a {@link TableEncoder} from records through mergeable accumulators, so a Beam
 * {@code Combine} can fit it on shards and merge, and a local caller can simply add every row.
 *
 * <p>Memory is bounded: categorical columns keep a count per distinct value and give up (the
 * column is rejected at {@link #extract}) past {@link EncodingOptions#maxCategories()}; continuous
 * columns keep a uniform reservoir of {@link EncodingOptions#reservoirSize()} values. The reservoir
 * is deterministic whatever the sharding: each row's priority is a hash of the seed and all the
 * record's field values, excluded ones included (strings hashed by their text, so Utf8 and String
 * agree), and identical rows pool into one entry with their count. A continuous column with at most
 * min(reservoirSize, 4096) distinct values is counted exactly instead. So any sharding and merge
 * order gives the same encoder.
 *
 * <p>Limitation: beyond that many distinct values, the reservoir is a uniform sample of distinct rows
 * (with exact counts), so in a table whose rows repeat heavily (no excluded id to tell them apart)
 * a column's frequent values are estimated with more noise than a sample of rows would give.
 */
public final class TableEncoderFitter implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  private final TableSpec spec;
  private final EncodingOptions options;
  private final ColumnReader[] readers;
  private final boolean[] continuous;
  private final RecordReader recordReader;
  /** The input fields that are not modelled: they only feed the row hash. */
  private final RecordReader otherFields;

  /** Per-shard state; Serializable so Beam can code it with SerializableCoder. */
  public static final class Accumulator implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private long rows;
    /** Per column: the continuous statistics, or null for a categorical column. */
    private final ContinuousStats[] continuous;
    /** Per column: the category counts, or null for a continuous column. */
    private final CategoryCounts[] categorical;

    private Accumulator(List<ColumnSpec> columns, EncodingOptions options) {
      continuous = new ContinuousStats[columns.size()];
      categorical = new CategoryCounts[columns.size()];
      for (int j = 0; j < columns.size(); j++) {
        if (columns.get(j).kind() == ColumnKind.CONTINUOUS) {
          continuous[j] = new ContinuousStats(options.reservoirSize());
        } else {
          categorical[j] = new CategoryCounts(options.maxCategories());
        }
      }
    }

    /** Rows added so far. */
    public long rows() {
      return rows;
    }

    /** The statistics of a continuous column (null for a categorical one). */
    ContinuousStats continuous(int column) {
      return continuous[column];
    }
  }

  public TableEncoderFitter(TableSpec spec, EncodingOptions options) {
    this.spec = spec;
    this.options = options;
    List<ColumnSpec> columns = spec.columns();
    this.readers = new ColumnReader[columns.size()];
    this.continuous = new boolean[columns.size()];
    for (int j = 0; j < columns.size(); j++) {
      ColumnSpec c = columns.get(j);
      readers[j] = new ColumnReader(c, spec.valueSchema(c));
      continuous[j] = c.kind() == ColumnKind.CONTINUOUS;
    }
    this.recordReader = new RecordReader(columns.stream().map(ColumnSpec::name).toList(), true);
    this.otherFields = new RecordReader(spec.inputSchema().getFields().stream()
        .map(Schema.Field::name).filter(name -> !spec.outputSchema().getFields().stream()
            .anyMatch(f -> f.name().equals(name))).toList(), false);
  }

  public Accumulator createAccumulator() {
    return new Accumulator(spec.columns(), options);
  }

  /**
   * Adds one record (read by field name from {@code record}, which must carry the input schema's
   * fields). Returns the same accumulator, unchanged when the record is rejected.
   *
   * @throws IllegalArgumentException naming the column for NaN or +/-Infinity in a continuous
   *     column, a null in a non-nullable field, or a value of the wrong type.
   */
  public Accumulator add(Accumulator acc, GenericRecord record) {
    int[] positions = recordReader.positions(record.getSchema());
    int n = readers.length;
    double[] numbers = new double[n];
    Object[] keys = new Object[n];
    boolean[] isNull = new boolean[n];
    // Check and convert every value first, so a bad record leaves the accumulator untouched.
    long rowHash = RowHash.START;
    for (int j = 0; j < n; j++) {
      Object raw = record.get(positions[j]);
      if (raw == null) {
        readers[j].checkNullAllowed();
        isNull[j] = true;
        rowHash = RowHash.withNull(rowHash);
      } else if (continuous[j]) {
        numbers[j] = readers[j].number(raw);
        rowHash = RowHash.withNumber(rowHash, numbers[j]);
      } else {
        keys[j] = readers[j].key(raw);
        rowHash = RowHash.withKey(rowHash, keys[j]);
      }
    }
    // Excluded fields (ids, timestamps, ...) tell apart rows that look alike in the model.
    for (int position : otherFields.positions(record.getSchema())) {
      rowHash = RowHash.withDatum(rowHash, position < 0 ? null : record.get(position));
    }
    for (int j = 0; j < n; j++) {
      if (continuous[j]) {
        if (isNull[j]) {
          acc.continuous[j].addNull();
        } else {
          acc.continuous[j].add(numbers[j], RowHash.priority(options.seed(), j, rowHash));
        }
      } else if (isNull[j]) {
        acc.categorical[j].addNull();
      } else {
        acc.categorical[j].add(keys[j]);
      }
    }
    acc.rows++;
    return acc;
  }

  public Accumulator merge(Iterable<Accumulator> accumulators) {
    Accumulator merged = createAccumulator();
    for (Accumulator acc : accumulators) {
      merged.rows += acc.rows;
      for (int j = 0; j < readers.length; j++) {
        if (continuous[j]) {
          merged.continuous[j].merge(acc.continuous[j]);
        } else {
          merged.categorical[j].merge(acc.categorical[j]);
        }
      }
    }
    return merged;
  }

  /**
   * Fits the mixtures and fixes the category lists.
   *
   * @throws IllegalArgumentException for an empty table, or naming a categorical column with more
   *     than {@link EncodingOptions#maxCategories()} values (and the option that raises it).
   */
  public TableEncoder extract(Accumulator acc) {
    if (acc.rows == 0) {
      throw new IllegalArgumentException("the table is empty: no rows to fit");
    }
    List<ColumnCodec> codecs = new ArrayList<>();
    for (int j = 0; j < readers.length; j++) {
      ColumnSpec c = spec.columns().get(j);
      if (continuous[j]) {
        codecs.add(new ContinuousColumnCodec(c, readers[j],
            ContinuousColumnFitter.fit(acc.continuous[j], c.type(), options)));
      } else {
        CategoryCounts counted = acc.categorical[j];
        if (counted.overflowed) {
          throw tooManyCategories(c);
        }
        codecs.add(CategoricalColumnCodec.fromCounts(c, readers[j], spec.valueSchema(c), counted));
      }
    }
    return new TableEncoder(spec, options, acc.rows, codecs);
  }

  private IllegalArgumentException tooManyCategories(ColumnSpec c) {
    String hint = c.type() == ValueType.INT || c.type() == ValueType.LONG
        ? " or modelled as continuous (leave it out of --categorical)" : "";
    return new IllegalArgumentException("column '" + c.name() + "' has more than "
        + options.maxCategories() + " distinct values (the limit, set with --max-categories /"
        + " EncodingOptions.withMaxCategories); an identifier-like column should be excluded"
        + " (--exclude " + c.name() + ")" + hint);
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
