package io.synthbeam.table;

import io.synthbeam.table.dp.GaussianTail;
import io.synthbeam.table.dp.NoiseSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * The categories of a categorical column and their counts from noisy counts, for a private fit.
 *
 * <p><b>Declared domain</b> (enum symbols, booleans, {@code synthbeam.categories}): every declared
 * value, and null for a nullable column, gets a category whose count is its true count plus
 * N(0, &sigma;&sup2;) noise, rounded and floored at 0. The list is public, so nothing else is
 * needed.
 *
 * <p><b>Undeclared</b> (strings, ints or longs without a declaration): a stability-based
 * histogram. Each value found in the data gets N(0, &sigma;&sup2;) noise on its count and is
 * released only if the noisy count clears 1 + &sigma; Q<sup>-1</sup>(&delta;<sub>j</sub>), so a value
 * held by one row is released with probability at most &delta;<sub>j</sub>. Null (for a nullable
 * column) is declared by the schema and always kept with its noisy count. Rows whose value was not
 * released encode to an "other" category, whose count is the noisy row count less the released
 * noisy counts (floored at 0); it decodes to null if the column is nullable, else to the released
 * value with the largest noisy count (see {@link CategoricalColumnCodec}).
 *
 * <p>Values are visited in key order when drawing noise, so the result does not depend on how the
 * counts were accumulated.
 */
final class PrivateCategoricalFitter {
  /** The codec and a description of how its categories were found. */
  record Result(CategoricalColumnCodec codec, String mechanism) {}

  private PrivateCategoricalFitter() {}

  static Result fit(CategoryCounts counted, ColumnSpec column, ColumnReader reader,
      Schema valueSchema, ColumnDeclaration declared, PrivacyPlan plan, int j, double noisyRows) {
    double sigma = plan.mainSigma(j);
    NoiseSource noise = plan.noise("counts", j);
    List<Object> domain = declaredDomain(column, valueSchema, declared);
    Map<Object, long[]> counts = counted.counts();
    List<Object> keys = new ArrayList<>();
    List<Double> noisy = new ArrayList<>();
    String mechanism;
    if (domain != null) {
      Set<Object> known = new HashSet<>(domain);
      for (Object key : counts.keySet()) {
        if (!known.contains(key)) {
          throw outsideDeclaration(column, key);
        }
      }
      for (Object key : domain) {
        long[] c = counts.get(key);
        keys.add(key);
        noisy.add((c == null ? 0 : c[0]) + sigma * noise.gaussian());
      }
      mechanism = String.format(Locale.ROOT, "%s; noisy counts (σ = %.3g)",
          column.type() == ValueType.ENUM ? "categories are the enum's symbols"
              : column.type() == ValueType.BOOLEAN ? "categories are false and true"
              : "declared categories", sigma);
    } else {
      double threshold = GaussianTail.selectionThreshold(sigma, plan.selectionDelta(j));
      List<Object> observed = new ArrayList<>(counts.keySet());
      observed.sort(CategoricalColumnCodec::compareKeys);
      double released = 0;
      for (Object key : observed) {
        double c = counts.get(key)[0] + sigma * noise.gaussian();
        if (c >= threshold) {
          keys.add(key);
          noisy.add(c);
          released += c;
        }
      }
      double nulls = column.nullable() ? counted.nulls + sigma * noise.gaussian() : 0;
      if (keys.isEmpty() && !column.nullable()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "column '%s': no value is"
            + " frequent enough to be released privately (the noise threshold is %.0f rows at"
            + " this budget share); declare its categories in the schema (\"%s\": [...]), raise"
            + " the preprocessing epsilon, or exclude the column (--exclude %s)", column.name(),
            threshold, ColumnDeclaration.CATEGORIES, column.name()));
      }
      mechanism = String.format(Locale.ROOT, "categories released by a thresholded noisy"
          + " histogram (σ = %.3g, release threshold %.1f rows, δ %.2g); %d released, the rest"
          + " encoded as 'other', decoded as %s", sigma, threshold, plan.selectionDelta(j),
          keys.size(), column.nullable() ? "null" : "the most frequent released value");
      return new Result(codec(column, reader, valueSchema, keys, noisy, nulls,
          Math.max(0, noisyRows - released - Math.max(0, nulls)), true), mechanism);
    }
    double nulls = column.nullable() ? counted.nulls + sigma * noise.gaussian() : 0;
    return new Result(codec(column, reader, valueSchema, keys, noisy, nulls, 0, false),
        mechanism);
  }

  /**
   * The declared values in declared order (enum symbols, false and true, or the schema's list),
   * or null when the column's values are not declared.
   */
  static List<Object> declaredDomain(ColumnSpec column, Schema valueSchema,
      ColumnDeclaration declared) {
    return switch (column.type()) {
      case ENUM -> List.copyOf(valueSchema.getEnumSymbols());
      case BOOLEAN -> List.of(Boolean.FALSE, Boolean.TRUE);
      default -> declared.hasCategories() ? declared.categories() : null;
    };
  }

  static IllegalArgumentException outsideDeclaration(ColumnSpec column, Object key) {
    return new IllegalArgumentException("column '" + column.name() + "' has the value '" + key
        + "', which is not among its declared categories (\"" + ColumnDeclaration.CATEGORIES
        + "\" in the schema); add it to the declaration or remove the declaration");
  }

  /** Categories by descending rounded noisy count (ties by key), then null, then other. */
  private static CategoricalColumnCodec codec(ColumnSpec column, ColumnReader reader,
      Schema valueSchema, List<Object> keys, List<Double> noisy, double nulls, double other,
      boolean withOther) {
    List<Integer> order = new ArrayList<>();
    long[] rounded = new long[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      order.add(i);
      rounded[i] = Math.max(0, Math.round(noisy.get(i)));
    }
    order.sort(Comparator.<Integer>comparingLong(i -> -rounded[i])
        .thenComparing(i -> keys.get(i), CategoricalColumnCodec::compareKeys));
    int n = keys.size() + (column.nullable() ? 1 : 0) + (withOther ? 1 : 0);
    Object[] k = new Object[n];
    long[] c = new long[n];
    for (int i = 0; i < order.size(); i++) {
      k[i] = keys.get(order.get(i));
      c[i] = rounded[order.get(i)];
    }
    int next = order.size();
    if (column.nullable()) {
      c[next++] = Math.max(0, Math.round(nulls));
    }
    if (withOther) {
      k[next] = CategoricalColumnCodec.OTHER;
      c[next] = Math.round(other);
    }
    return new CategoricalColumnCodec(column, reader, valueSchema, k, c);
  }
}
