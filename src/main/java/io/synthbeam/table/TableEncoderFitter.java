package io.synthbeam.table;

import io.synthbeam.table.dp.PreprocessingPrivacy;
import io.synthbeam.table.dp.PreprocessingSpend;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
 *
 * <h2>Private fit</h2>
 *
 * <p>{@link #withPrivacy} makes every statistic the encoder releases (&epsilon;, &delta;)-DP with
 * respect to adding or removing one row: the row count, each categorical column's categories and
 * counts ({@link PrivateCategoricalFitter}), each continuous column's range, modes and mode
 * weights ({@link PrivateContinuousFitter}). Public knowledge declared in the schema is used
 * instead of data where given ({@link ColumnDeclaration}): enum symbols, booleans and declared
 * categories need only noisy counts; a declared range needs no range estimate; a column declared
 * public is fitted exactly and spends nothing. The budget is split as {@link PrivacyPlan}
 * describes and accounted as {@link io.synthbeam.table.dp.PreprocessingSpend} describes; the
 * encoder records the spend and, per column, how its statistics were obtained
 * ({@link TableEncoder#privacy()}). The accumulator is the same mergeable one (continuous columns
 * keep cell counts instead of a reservoir), and the noise is drawn only at {@link #extract} from
 * streams seeded by the budget's seed and named by statistic, so any sharding gives the same
 * encoder.
 *
 * <p>Errors of a private fit that depend on the data (an empty table, a value outside a declared
 * category list, a column with too many distinct values) are for the data holder and stop the
 * fit; nothing is released with them. Errors decided from noisy statistics (nothing clears the
 * release threshold) are themselves private.
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
  /** The private fit's plan; null for the non-private fit. */
  private final PrivacyPlan privacy;
  /** Per column, the declared categories a private fit checks values against, else null. */
  private final Set<Object>[] declaredCategories;

  /** Per-shard state; Serializable so Beam can code it with SerializableCoder. */
  public static final class Accumulator implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private long rows;
    /** Per column: the continuous statistics, or null for a categorical column. */
    private final ContinuousStats[] continuous;
    /** Per column: the category counts, or null for a continuous column. */
    private final CategoryCounts[] categorical;
    /**
     * Per column: a private fit's cell counts for a continuous column that is not declared public
     * (its {@code continuous} entry is then null); null otherwise.
     */
    private final PrivateContinuousStats[] privateContinuous;

    private Accumulator(TableSpec spec, EncodingOptions options, PrivacyPlan privacy) {
      List<ColumnSpec> columns = spec.columns();
      continuous = new ContinuousStats[columns.size()];
      categorical = new CategoryCounts[columns.size()];
      privateContinuous = new PrivateContinuousStats[columns.size()];
      for (int j = 0; j < columns.size(); j++) {
        ColumnSpec c = columns.get(j);
        if (c.kind() == ColumnKind.CATEGORICAL) {
          categorical[j] = new CategoryCounts(options.maxCategories());
        } else if (privacy == null || privacy.mode(j) == ColumnPrivacy.Mode.PUBLIC) {
          continuous[j] = new ContinuousStats(options.reservoirSize());
        } else {
          privateContinuous[j] = privateStats(c, spec.declaration(c.name()));
        }
      }
    }

    /**
     * Cells over the declared range, or log-scale cells without one; the point candidates are
     * public: 0 (if in range), the declared points and the declared range's ends.
     */
    private static PrivateContinuousStats privateStats(ColumnSpec c, ColumnDeclaration d) {
      boolean integers = c.type() != ValueType.FLOAT && c.type() != ValueType.DOUBLE;
      TreeSet<Double> candidates = new TreeSet<>();
      d.points().forEach(p -> candidates.add(p + 0.0));
      if (!d.hasRange()) {
        candidates.add(0.0);
        return new PrivateContinuousStats(new CellGrid.LogCells(),
            candidates.stream().mapToDouble(Double::doubleValue).toArray());
      }
      double min = d.range().min() + 0.0;
      double max = d.range().max() + 0.0;
      candidates.add(min);
      candidates.add(max);
      if (min <= 0 && 0 <= max) {
        candidates.add(0.0);
      }
      return new PrivateContinuousStats(CellGrid.UniformCells.over(min, max, integers),
          candidates.stream().mapToDouble(Double::doubleValue).toArray());
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
    this(spec, options, null);
  }

  @SuppressWarnings("unchecked")
  private TableEncoderFitter(TableSpec spec, EncodingOptions options, PrivacyPlan privacy) {
    this.spec = spec;
    this.privacy = privacy;
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
    this.declaredCategories = new Set[columns.size()];
    for (int j = 0; privacy != null && j < columns.size(); j++) {
      ColumnDeclaration d = spec.declaration(columns.get(j).name());
      if (privacy.mode(j) == ColumnPrivacy.Mode.DECLARED && d.hasCategories()) {
        declaredCategories[j] = Set.copyOf(d.categories());
      }
    }
  }

  /**
   * This fitter made differentially private: the encoder it extracts releases only statistics
   * that are ({@code budget.epsilon()}, {@code budget.delta()})-DP together, or declared public in
   * the schema. The budget is planned here, from the schema alone.
   *
   * @throws IllegalArgumentException if the budget cannot be met (epsilon too small for delta)
   */
  public TableEncoderFitter withPrivacy(PreprocessingPrivacy budget) {
    return new TableEncoderFitter(spec, options, PrivacyPlan.of(spec, budget));
  }

  /**
   * As {@link #withPrivacy(PreprocessingPrivacy)} with a noise seed drawn from SecureRandom.
   */
  public TableEncoderFitter withPrivacy(double epsilon, double delta) {
    return withPrivacy(PreprocessingPrivacy.withRandomSeed(epsilon, delta));
  }

  /** Whether this fitter is private ({@link #withPrivacy}). */
  public boolean isPrivate() {
    return privacy != null;
  }

  /**
   * What the encoders of this private fitter spend (planned from the schema and the budget, so
   * known before any row is read); empty for a non-private fitter.
   */
  public Optional<PreprocessingSpend> preprocessingSpend() {
    return privacy == null ? Optional.empty() : Optional.of(privacy.spend());
  }

  public Accumulator createAccumulator() {
    return new Accumulator(spec, options, privacy);
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
      if (declaredCategories[j] != null && !isNull[j] && !declaredCategories[j].contains(keys[j])) {
        throw PrivateCategoricalFitter.outsideDeclaration(spec.columns().get(j), keys[j]);
      }
    }
    for (int j = 0; j < n; j++) {
      if (acc.privateContinuous[j] != null) {
        if (isNull[j]) {
          acc.privateContinuous[j].addNull();
        } else {
          acc.privateContinuous[j].add(numbers[j]);
        }
      } else if (continuous[j]) {
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
        if (merged.privateContinuous[j] != null) {
          merged.privateContinuous[j].merge(acc.privateContinuous[j]);
        } else if (continuous[j]) {
          merged.continuous[j].merge(acc.continuous[j]);
        } else {
          merged.categorical[j].merge(acc.categorical[j]);
        }
      }
    }
    return merged;
  }

  /**
   * Fits the mixtures and fixes the category lists; for a private fitter, draws the noise and
   * releases only private (or declared public) statistics.
   *
   * @throws IllegalArgumentException for an empty table, or naming a categorical column with more
   *     than {@link EncodingOptions#maxCategories()} values (and the option that raises it); for a
   *     private fitter also naming a column none of whose values or ranges clear the release
   *     threshold, or a continuous column with too many distinct cells.
   */
  public TableEncoder extract(Accumulator acc) {
    if (acc.rows == 0) {
      throw new IllegalArgumentException("the table is empty: no rows to fit");
    }
    if (privacy != null) {
      return extractPrivate(acc);
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

  private TableEncoder extractPrivate(Accumulator acc) {
    double noisyRows = acc.rows + privacy.rowsSigma() * privacy.noise("rows", 0).gaussian();
    List<ColumnCodec> codecs = new ArrayList<>();
    Map<String, ColumnPrivacy> columnPrivacy = new LinkedHashMap<>();
    for (int j = 0; j < readers.length; j++) {
      ColumnSpec c = spec.columns().get(j);
      ColumnPrivacy.Mode mode = privacy.mode(j);
      ColumnDeclaration declared = spec.declaration(c.name());
      if (!continuous[j] && acc.categorical[j].overflowed) {
        throw tooManyCategories(c);
      }
      if (mode == ColumnPrivacy.Mode.PUBLIC) {
        codecs.add(continuous[j]
            ? new ContinuousColumnCodec(c, readers[j],
                ContinuousColumnFitter.fit(acc.continuous[j], c.type(), options))
            : CategoricalColumnCodec.fromCounts(c, readers[j], spec.valueSchema(c),
                acc.categorical[j]));
        columnPrivacy.put(c.name(), new ColumnPrivacy(mode, 0, "exact statistics, declared"
            + " public in the schema (\"" + ColumnDeclaration.PUBLIC + "\": true); no budget"));
      } else if (continuous[j]) {
        PrivateContinuousFitter.Result fitted = PrivateContinuousFitter.fit(
            acc.privateContinuous[j], c, declared, privacy, j, options);
        codecs.add(new ContinuousColumnCodec(c, readers[j], fitted.modes()));
        columnPrivacy.put(c.name(), new ColumnPrivacy(mode, privacy.share(j),
            fitted.mechanism()));
      } else {
        PrivateCategoricalFitter.Result fitted = PrivateCategoricalFitter.fit(acc.categorical[j],
            c, readers[j], spec.valueSchema(c), declared, privacy, j, noisyRows);
        codecs.add(fitted.codec());
        columnPrivacy.put(c.name(), new ColumnPrivacy(mode, privacy.share(j),
            fitted.mechanism()));
      }
    }
    return new TableEncoder(spec, options, Math.max(1, Math.round(noisyRows)), codecs,
        columnPrivacy, privacy.spend());
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
