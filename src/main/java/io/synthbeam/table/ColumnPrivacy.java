package io.synthbeam.table;

import java.util.Locale;

/**
 * How a column's encoder statistics (its categories and their counts, or its range, modes and
 * mode weights) were obtained, for the report.
 *
 * @param mode which of the four ways
 * @param budgetShare the column's share of the preprocessing budget, as a fraction of its zCDP
 *     &rho; (Gaussian mechanisms compose by adding &rho;, so shares add up; the remainder is the
 *     row count's); 0 for non-private and declared-public columns
 * @param mechanism the mechanisms and their parameters, in words
 */
public record ColumnPrivacy(Mode mode, double budgetShare, String mechanism) {

  /** The ways a column's statistics can be obtained. */
  public enum Mode {
    /** Fitted exactly by the default (non-private) fit. */
    NON_PRIVATE("non-private"),
    /** Declared public by the user ({@code synthbeam.public}): fitted exactly, no budget spent. */
    PUBLIC("declared public"),
    /**
     * Private with a declared domain: the category list or range comes from the schema (enum
     * symbols, booleans, {@code synthbeam.categories}, {@code synthbeam.range}); the counts and
     * mode weights are noisy.
     */
    DECLARED("private, declared domain"),
    /** Private: categories, range and modes all come from noisy statistics. */
    PRIVATE("private");

    private final String label;

    Mode(String label) {
      this.label = label;
    }

    /** A short phrase for the report. */
    public String label() {
      return label;
    }
  }

  static final ColumnPrivacy NON_PRIVATE =
      new ColumnPrivacy(Mode.NON_PRIVATE, 0, "exact statistics (non-private fit)");

  /** One line for the report, e.g. "private (25.0% of the budget): ...". */
  public String describe() {
    return mode == Mode.NON_PRIVATE || mode == Mode.PUBLIC ? mode.label + ": " + mechanism
        : String.format(Locale.ROOT, "%s (%.1f%% of the preprocessing budget): %s", mode.label,
            100 * budgetShare, mechanism);
  }
}
