package io.synthbeam.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Computes the {@link ColumnChart}s of the HTML report. */
final class ColumnCharts {
  static final int BINS = 20;
  static final int TOP_CATEGORIES = 12;

  private ColumnCharts() {}

  static List<ColumnChart> compute(FrameSet frames) {
    List<ColumnChart> charts = new ArrayList<>();
    for (int j = 0; j < frames.columns().size(); j++) {
      ValidationColumn c = frames.columns().get(j);
      charts.add(c.categorical()
          ? categories(c, frames.dictionaries().get(j), frames.train().codes(j),
              frames.synthetic().codes(j))
          : histogram(c, frames.train().numbers(j), frames.synthetic().numbers(j)));
    }
    return charts;
  }

  private static ColumnChart categories(ValidationColumn column, CategoryDictionary dictionary,
      int[] real, int[] synthetic) {
    double[] realShares = shares(real, dictionary.size());
    double[] synShares = shares(synthetic, dictionary.size());
    Integer[] order = new Integer[dictionary.size()];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    Arrays.sort(order, Comparator.<Integer>comparingDouble(k -> -realShares[k])
        .thenComparingDouble(k -> -synShares[k]));
    int shown = Math.min(order.length, TOP_CATEGORIES);
    boolean other = order.length > shown;
    List<String> labels = new ArrayList<>();
    double[] r = new double[shown + (other ? 1 : 0)];
    double[] s = new double[r.length];
    for (int b = 0; b < shown; b++) {
      labels.add(dictionary.category(order[b]));
      r[b] = realShares[order[b]];
      s[b] = synShares[order[b]];
    }
    if (other) {
      labels.add("(other)");
      for (int b = shown; b < order.length; b++) {
        r[shown] += realShares[order[b]];
        s[shown] += synShares[order[b]];
      }
    }
    return new ColumnChart(column.label(), true, labels, r, s);
  }

  private static ColumnChart histogram(ValidationColumn column, double[] real,
      double[] synthetic) {
    double[] sorted = Arrays.stream(real).filter(v -> !Double.isNaN(v)).sorted().toArray();
    double lo = sorted.length == 0 ? 0 : QuantileBins.quantile(sorted, 0.01);
    double hi = sorted.length == 0 ? 1 : QuantileBins.quantile(sorted, 0.99);
    if (hi <= lo) {
      lo = sorted.length == 0 ? 0 : sorted[0];
      hi = sorted.length == 0 ? 1 : sorted[sorted.length - 1];
    }
    if (hi <= lo) {
      hi = lo + 1;
    }
    boolean missing = Arrays.stream(real).anyMatch(Double::isNaN)
        || Arrays.stream(synthetic).anyMatch(Double::isNaN);
    List<String> labels = new ArrayList<>();
    for (int b = 0; b < BINS; b++) {
      labels.add(number(lo + (hi - lo) * b / BINS));
    }
    if (missing) {
      labels.add("(missing)");
    }
    return new ColumnChart(column.label(), false, labels,
        binShares(real, lo, hi, missing), binShares(synthetic, lo, hi, missing));
  }

  private static double[] binShares(double[] values, double lo, double hi, boolean missing) {
    double[] out = new double[BINS + (missing ? 1 : 0)];
    for (double v : values) {
      if (Double.isNaN(v)) {
        out[BINS]++;
      } else {
        int b = (int) Math.floor((v - lo) / (hi - lo) * BINS);
        out[Math.max(0, Math.min(BINS - 1, b))]++;
      }
    }
    for (int b = 0; b < out.length; b++) {
      out[b] /= Math.max(1, values.length);
    }
    return out;
  }

  private static double[] shares(int[] codes, int size) {
    double[] out = new double[size];
    for (int code : codes) {
      out[code]++;
    }
    for (int k = 0; k < size; k++) {
      out[k] /= Math.max(1, codes.length);
    }
    return out;
  }

  private static String number(double x) {
    double a = Math.abs(x);
    if (a != 0 && (a >= 1e6 || a < 1e-3)) {
      return String.format(Locale.ROOT, "%.2e", x);
    }
    return a >= 100 ? String.format(Locale.ROOT, "%.0f", x)
        : String.format(Locale.ROOT, "%.3g", x);
  }
}
