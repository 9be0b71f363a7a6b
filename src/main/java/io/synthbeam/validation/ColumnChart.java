package io.synthbeam.validation;

import java.util.List;

/**
 * One column's real and synthetic distributions, ready to draw: histogram bins of a continuous
 * column (equal width between the real 1st and 99th percentiles, outliers in the end bins) or
 * the most frequent real categories of a categorical one (the rest pooled as "(other)").
 *
 * @param column the column's label
 * @param categorical whether the bars are categories
 * @param labels the bar labels
 * @param real share of real training rows per bar
 * @param synthetic share of synthetic rows per bar
 */
public record ColumnChart(String column, boolean categorical, List<String> labels, double[] real,
    double[] synthetic) {
  public ColumnChart {
    labels = List.copyOf(labels);
  }
}
