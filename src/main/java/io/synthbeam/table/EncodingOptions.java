package io.synthbeam.table;

import java.io.Serializable;
import java.util.Set;

/**
 * Immutable options of the table encoding; set with {@code withX}, which returns a copy.
 *
 * <p>Defaults ({@link #defaults()}): no categorical or excluded columns, 10 modes, mode weight
 * 0.005, point-mass share 0.002, 10 point masses, 1000 categories, a reservoir of 100,000 values,
 * seed 1.
 *
 * @param categoricalColumns integer columns to model as categorical instead of continuous
 * @param excludedColumns columns left out of the model and of the synthetic table
 * @param maxModes most Gaussian components per continuous column (CTGAN: 10)
 * @param minModeWeight components lighter than this share of the column's Gaussian part are
 *     dropped (CTGAN: 0.005)
 * @param pointMassMinShare an exact value at least this frequent (and seen at least 10 times)
 *     gets its own mode (CTAB-GAN's mixed type), so spikes such as capital-gain = 0 keep their
 *     mass. 0.002 rather than 0.01 gives Adult's capital-gain spikes 7688, 7298 and 99999 (0.5 to
 *     0.9% of rows each, nearly all earning over 50K) modes of their own: one Gaussian had merged
 *     them with the gains near 5000, losing what they say about income
 * @param maxPointMasses most point-mass modes per continuous column (0 disables point masses),
 *     except that an integer-valued column with at most maxPointMasses + maxModes distinct values
 *     is all point masses (it is discrete: exact, and no wider than a mixture)
 * @param maxCategories a categorical column with more distinct values is rejected, naming the
 *     column and this option
 * @param reservoirSize values per continuous column kept (uniform reservoir) for the mixture fit;
 *     a column with at most min(reservoirSize, 4096) distinct values is counted exactly instead
 * @param seed seeds the reservoir and the mixture fit
 */
public record EncodingOptions(Set<String> categoricalColumns, Set<String> excludedColumns,
    int maxModes, double minModeWeight, double pointMassMinShare, int maxPointMasses,
    int maxCategories, int reservoirSize, long seed) implements Serializable {

  public static final int DEFAULT_MAX_CATEGORIES = 1000;

  public EncodingOptions {
    categoricalColumns = Set.copyOf(categoricalColumns);
    excludedColumns = Set.copyOf(excludedColumns);
    require(maxModes >= 1, "maxModes must be at least 1, got " + maxModes);
    require(minModeWeight >= 0 && minModeWeight < 1,
        "minModeWeight must be in [0, 1), got " + minModeWeight);
    require(pointMassMinShare > 0 && pointMassMinShare <= 1,
        "pointMassMinShare must be in (0, 1], got " + pointMassMinShare);
    require(maxPointMasses >= 0, "maxPointMasses must be >= 0, got " + maxPointMasses);
    require(maxCategories >= 1, "maxCategories must be at least 1, got " + maxCategories);
    require(reservoirSize >= 10, "reservoirSize must be at least 10, got " + reservoirSize);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  public static EncodingOptions defaults() {
    return new EncodingOptions(Set.of(), Set.of(), 10, 0.005, 0.002, 10,
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

  public EncodingOptions withMinModeWeight(double weight) {
    return new EncodingOptions(categoricalColumns, excludedColumns, maxModes, weight,
        pointMassMinShare, maxPointMasses, maxCategories, reservoirSize, seed);
  }

  public EncodingOptions withPointMassMinShare(double share) {
    return new EncodingOptions(categoricalColumns, excludedColumns, maxModes, minModeWeight,
        share, maxPointMasses, maxCategories, reservoirSize, seed);
  }

  public EncodingOptions withMaxPointMasses(int n) {
    return new EncodingOptions(categoricalColumns, excludedColumns, maxModes, minModeWeight,
        pointMassMinShare, n, maxCategories, reservoirSize, seed);
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
