package io.synthbeam.validation;

import java.util.List;

/**
 * Column shapes and pair trends of the synthetic table against the real training table (the
 * SDMetrics quality-report recipe, as judge.py computes it).
 *
 * @param columns per-column similarities, in schema order
 * @param pairs per-pair similarities, every pair of columns once
 * @param shapes mean of the column similarities
 * @param pairTrends mean of the pair similarities (judge.py's {@code pairs})
 * @param quality mean of {@code shapes} and {@code pairTrends}
 */
public record FidelityReport(List<ColumnScore> columns, List<PairScore> pairs, double shapes,
    double pairTrends, double quality) {
  public FidelityReport {
    columns = List.copyOf(columns);
    pairs = List.copyOf(pairs);
  }
}
