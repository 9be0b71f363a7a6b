package io.synthbeam.validation;

/**
 * How alike one column is in the real and synthetic tables.
 *
 * @param column the column's label
 * @param metric {@code "KS"} (continuous: (1 - KS) times (1 - |difference of null rates|)) or
 *     {@code "TVD"} (categorical: 1 - total variation distance)
 * @param score the similarity, 1 for identical distributions
 */
public record ColumnScore(String column, String metric, double score) {}
