package io.synthbeam.table;

import java.io.Serializable;
import java.util.Set;

/**
 * Immutable options of the table encoding; set with {@code withX}, which returns a copy.
 *
 * <p>SKELETON: fields and defaults agreed; the table-encoding work may add options (keep the
 * {@code withX} style and document each default).
 *
 * @param categoricalColumns integer columns to model as categorical instead of continuous
 * @param excludedColumns columns left out of the model and of the synthetic table
 * @param maxModes most Gaussian components per continuous column (CTGAN: 10)
 * @param minModeWeight components lighter than this are dropped (CTGAN: 0.005)
 * @param pointMassMinShare an exact value at least this frequent gets its own mode (CTAB-GAN's
 *     mixed type), so spikes such as capital-gain = 0 keep their mass
 * @param maxPointMasses most point-mass modes per continuous column
 * @param maxCategories a categorical column with more distinct values is rejected, naming the
 *     column and this option
 * @param reservoirSize values per continuous column kept (uniform reservoir) for the mixture fit
 * @param seed seeds the reservoir and the mixture fit
 */
public record EncodingOptions(Set<String> categoricalColumns, Set<String> excludedColumns,
    int maxModes, double minModeWeight, double pointMassMinShare, int maxPointMasses,
    int maxCategories, int reservoirSize, long seed) implements Serializable {

  public static final int DEFAULT_MAX_CATEGORIES = 1000;

  public EncodingOptions {
    categoricalColumns = Set.copyOf(categoricalColumns);
    excludedColumns = Set.copyOf(excludedColumns);
  }

  public static EncodingOptions defaults() {
    return new EncodingOptions(Set.of(), Set.of(), 10, 0.005, 0.01, 10,
        DEFAULT_MAX_CATEGORIES, 100_000, 1L);
  }

  public EncodingOptions withCategoricalColumns(Set<String> columns) {
    return new EncodingOptions(columns, excludedColumns, maxModes, minModeWeight,
        pointMassMinShare, maxPointMasses, maxCategories, reservoirSize, seed);
  }

  public EncodingOptions withExcludedColumns(Set<String> columns) {
    return new EncodingOptions(categoricalColumns, columns, maxModes, minModeWeight,
        pointMassMinShare, maxPointMasses, maxCategories, reservoirSize, seed);
  }

  public EncodingOptions withMaxModes(int n) {
    return new EncodingOptions(categoricalColumns, excludedColumns, n, minModeWeight,
        pointMassMinShare, maxPointMasses, maxCategories, reservoirSize, seed);
  }

  public EncodingOptions withPointMassMinShare(double share) {
    return new EncodingOptions(categoricalColumns, excludedColumns, maxModes, minModeWeight,
        share, maxPointMasses, maxCategories, reservoirSize, seed);
  }

  public EncodingOptions withMaxCategories(int n) {
    return new EncodingOptions(categoricalColumns, excludedColumns, maxModes, minModeWeight,
        pointMassMinShare, maxPointMasses, n, reservoirSize, seed);
  }

  public EncodingOptions withReservoirSize(int n) {
    return new EncodingOptions(categoricalColumns, excludedColumns, maxModes, minModeWeight,
        pointMassMinShare, maxPointMasses, maxCategories, n, seed);
  }

  public EncodingOptions withSeed(long s) {
    return new EncodingOptions(categoricalColumns, excludedColumns, maxModes, minModeWeight,
        pointMassMinShare, maxPointMasses, maxCategories, reservoirSize, s);
  }
}
