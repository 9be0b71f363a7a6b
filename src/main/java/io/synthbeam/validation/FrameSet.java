package io.synthbeam.validation;

import io.synthbeam.io.CsvColumnNames;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * The real training, holdout and synthetic tables as {@link Frame}s over the same columns, with
 * the category dictionaries they share.
 *
 * @param columns the compared columns and the target
 * @param dictionaries per column its categories (null for continuous columns)
 * @param train the rows the synthesizer was fitted on
 * @param holdout real rows it never saw
 * @param synthetic the rows to judge
 */
public record FrameSet(ValidationColumns columns, List<CategoryDictionary> dictionaries,
    Frame train, Frame holdout, Frame synthetic) {

  /**
   * Reads three tables' records. Each table may have its own schema (say, the synthetic CSV read
   * with an inferred one); a column is found in it by field name or CSV header.
   *
   * @throws IllegalArgumentException naming the table and the column when a table lacks one
   */
  public static FrameSet of(ValidationColumns columns, List<? extends GenericRecord> train,
      List<? extends GenericRecord> holdout, List<? extends GenericRecord> synthetic) {
    List<CategoryDictionary> dictionaries = new ArrayList<>();
    for (ValidationColumn c : columns.columns()) {
      dictionaries.add(c.categorical() ? new CategoryDictionary() : null);
    }
    return new FrameSet(columns, dictionaries,
        read("real training", columns, dictionaries, train),
        read("holdout", columns, dictionaries, holdout),
        read("synthetic", columns, dictionaries, synthetic));
  }

  /** The same tables with the synthetic one replaced (for example by a filtered subset). */
  public FrameSet withSynthetic(Frame replacement) {
    return new FrameSet(columns, dictionaries, train, holdout, replacement);
  }

  private static Frame read(String table, ValidationColumns columns,
      List<CategoryDictionary> dictionaries, List<? extends GenericRecord> records) {
    int n = records.size();
    int width = columns.size();
    double[][] numbers = new double[width][];
    int[][] codes = new int[width][];
    for (int j = 0; j < width; j++) {
      if (columns.get(j).categorical()) {
        codes[j] = new int[n];
      } else {
        numbers[j] = new double[n];
      }
    }
    Map<Schema, Layout> layouts = new IdentityHashMap<>();
    for (int i = 0; i < n; i++) {
      GenericRecord record = records.get(i);
      Layout layout = layouts.computeIfAbsent(record.getSchema(),
          schema -> Layout.of(table, columns, schema));
      for (int j = 0; j < width; j++) {
        Object raw = record.get(layout.positions[j]);
        if (codes[j] != null) {
          codes[j][i] = dictionaries.get(j).code(Values.category(raw));
        } else {
          numbers[j][i] = Values.number(raw, layout.secondsPerUnit[j]);
        }
      }
    }
    return new Frame(n, numbers, codes);
  }

  /** Where each column sits in one schema, and how its numbers scale to seconds. */
  private record Layout(int[] positions, double[] secondsPerUnit) {
    static Layout of(String table, ValidationColumns columns, Schema schema) {
      int[] positions = new int[columns.size()];
      double[] scale = new double[columns.size()];
      for (int j = 0; j < columns.size(); j++) {
        Schema.Field field = find(schema, columns.get(j));
        if (field == null) {
          throw new IllegalArgumentException("the " + table + " table has no column '"
              + columns.get(j).label() + "'; every table needs the real table's columns");
        }
        positions[j] = field.pos();
        scale[j] = Values.secondsPerUnit(field.schema());
      }
      return new Layout(positions, scale);
    }

    private static Schema.Field find(Schema schema, ValidationColumn column) {
      Schema.Field field = schema.getField(column.name());
      if (field != null) {
        return field;
      }
      for (Schema.Field f : schema.getFields()) {
        if (CsvColumnNames.csvName(f).equals(column.label())) {
          return f;
        }
      }
      return null;
    }
  }
}
