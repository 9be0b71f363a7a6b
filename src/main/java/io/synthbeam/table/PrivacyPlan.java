package io.synthbeam.table;

import io.synthbeam.privacy.accounting.RdpAccountant;
import io.synthbeam.table.dp.NoiseSource;
import io.synthbeam.table.dp.PreprocessingPrivacy;
import io.synthbeam.table.dp.PreprocessingSpend;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * How a private fit spends its budget: each column's mode, the noise of each statistic, and the
 * total spend. Fixed before any row is read, so it depends on the schema and the budget only.
 *
 * <p>The split is by weight in zCDP &rho; (Gaussian mechanisms compose by adding &rho; =
 * 1/(2&sigma;&sup2;) for sensitivity 1): the row count weighs {@value #ROWS_WEIGHT}, every
 * column that is not declared public {@value #COLUMN_WEIGHT}, split between its statistics: a
 * categorical column's counts take it all; a continuous column with a declared range gives it all
 * to its mode histogram; one without splits it equally between the coarse range histogram and the
 * mode histogram. A statistic of weight w out of W gets &sigma; = &sigma;<sub>G</sub>
 * &radic;(W/w), where &sigma;<sub>G</sub> is calibrated so that the whole fit meets the budget.
 *
 * <p>&delta;: when some histogram releases keys found in the data (undeclared categories, coarse
 * range bins), half of &delta; bounds the chance of releasing a key held by one row, split equally
 * among those histograms, and the other half converts the Gaussian part's Rényi DP to
 * (&epsilon;, &delta;); otherwise all of &delta; goes to the conversion.
 */
final class PrivacyPlan implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  static final double ROWS_WEIGHT = 1;
  static final double COLUMN_WEIGHT = 2;

  private final long seed;
  private final ColumnPrivacy.Mode[] modes;
  private final double rowsSigma;
  /** Per column: noise of the category counts (categorical) or of the mode histogram. */
  private final double[] mainSigma;
  /** Per column: noise of the coarse range histogram (undeclared continuous columns), else 0. */
  private final double[] rangeSigma;
  /** Per column: the one-row release chance of its thresholded histogram, else 0. */
  private final double[] selectionDelta;
  private final double[] share;
  private final PreprocessingSpend spend;

  private PrivacyPlan(long seed, ColumnPrivacy.Mode[] modes, double rowsSigma, double[] mainSigma,
      double[] rangeSigma, double[] selectionDelta, double[] share, PreprocessingSpend spend) {
    this.seed = seed;
    this.modes = modes;
    this.rowsSigma = rowsSigma;
    this.mainSigma = mainSigma;
    this.rangeSigma = rangeSigma;
    this.selectionDelta = selectionDelta;
    this.share = share;
    this.spend = spend;
  }

  static PrivacyPlan of(TableSpec spec, PreprocessingPrivacy budget) {
    List<ColumnSpec> columns = spec.columns();
    int n = columns.size();
    ColumnPrivacy.Mode[] modes = new ColumnPrivacy.Mode[n];
    double[] mainWeight = new double[n];
    double[] rangeWeight = new double[n];
    double total = ROWS_WEIGHT;
    int mechanisms = 1;
    int selections = 0;
    for (int j = 0; j < n; j++) {
      ColumnSpec c = columns.get(j);
      modes[j] = modeOf(c, spec.declaration(c.name()));
      if (modes[j] == ColumnPrivacy.Mode.PUBLIC) {
        continue;
      }
      boolean splitForRange = c.kind() == ColumnKind.CONTINUOUS
          && modes[j] == ColumnPrivacy.Mode.PRIVATE;
      rangeWeight[j] = splitForRange ? COLUMN_WEIGHT / 2 : 0;
      mainWeight[j] = COLUMN_WEIGHT - rangeWeight[j];
      total += COLUMN_WEIGHT;
      mechanisms += splitForRange ? 2 : 1;
      if (modes[j] == ColumnPrivacy.Mode.PRIVATE) {
        selections++;
      }
    }
    double selectionTotal = selections > 0 ? budget.delta() / 2 : 0;
    double conversionDelta = budget.delta() - selectionTotal;
    double gaussianEpsilon = budget.epsilon() + Math.log1p(-selectionTotal);
    double sigma;
    try {
      sigma = RdpAccountant.calibrateSigma(1.0, 1, gaussianEpsilon, conversionDelta);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the preprocessing budget (epsilon " + budget.epsilon()
          + ", delta " + budget.delta() + ") cannot be met: " + e.getMessage(), e);
    }
    double[] mainSigma = new double[n];
    double[] rangeSigma = new double[n];
    double[] selectionDelta = new double[n];
    double[] share = new double[n];
    for (int j = 0; j < n; j++) {
      mainSigma[j] = mainWeight[j] > 0 ? sigma * Math.sqrt(total / mainWeight[j]) : 0;
      rangeSigma[j] = rangeWeight[j] > 0 ? sigma * Math.sqrt(total / rangeWeight[j]) : 0;
      selectionDelta[j] = modes[j] == ColumnPrivacy.Mode.PRIVATE ? selectionTotal / selections : 0;
      share[j] = (mainWeight[j] + rangeWeight[j]) / total;
    }
    PreprocessingSpend spend = PreprocessingSpend.of(sigma, conversionDelta, selectionTotal,
        mechanisms, selections);
    return new PrivacyPlan(budget.noiseSeed(), modes, sigma * Math.sqrt(total / ROWS_WEIGHT),
        mainSigma, rangeSigma, selectionDelta, share, spend);
  }

  /**
   * Declared public if the schema says so; else private with a declared domain when the domain is
   * declared (by the type for enums and booleans, by a property otherwise); else private.
   */
  static ColumnPrivacy.Mode modeOf(ColumnSpec c, ColumnDeclaration d) {
    if (d.declaredPublic()) {
      return ColumnPrivacy.Mode.PUBLIC;
    }
    boolean declaredDomain = c.kind() == ColumnKind.CATEGORICAL
        ? c.type() == ValueType.ENUM || c.type() == ValueType.BOOLEAN || d.hasCategories()
        : d.hasRange();
    return declaredDomain ? ColumnPrivacy.Mode.DECLARED : ColumnPrivacy.Mode.PRIVATE;
  }

  ColumnPrivacy.Mode mode(int column) {
    return modes[column];
  }

  double rowsSigma() {
    return rowsSigma;
  }

  double mainSigma(int column) {
    return mainSigma[column];
  }

  double rangeSigma(int column) {
    return rangeSigma[column];
  }

  double selectionDelta(int column) {
    return selectionDelta[column];
  }

  double share(int column) {
    return share[column];
  }

  PreprocessingSpend spend() {
    return spend;
  }

  /** The noise stream of one statistic: independent of every other statistic's. */
  NoiseSource noise(String statistic, int column) {
    return new NoiseSource(seed, statistic + "/" + column);
  }
}
