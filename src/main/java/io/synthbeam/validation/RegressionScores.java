package io.synthbeam.validation;

/**
 * Coefficient of determination and root mean squared error of numeric predictions.
 *
 * @param r2 1 - SS_residual / SS_total (negative when worse than predicting the mean; see
 *     {@link #of} for a constant truth)
 * @param rmse root mean squared error
 */
public record RegressionScores(double r2, double rmse) {

  /**
   * Scores predictions; as scikit-learn's {@code r2_score}, a constant truth gives 1 when
   * predicted exactly and 0 otherwise.
   */
  public static RegressionScores of(double[] truth, double[] predicted) {
    int n = truth.length;
    double mean = 0;
    for (double t : truth) {
      mean += t;
    }
    mean /= Math.max(1, n);
    double residual = 0;
    double total = 0;
    for (int i = 0; i < n; i++) {
      residual += (truth[i] - predicted[i]) * (truth[i] - predicted[i]);
      total += (truth[i] - mean) * (truth[i] - mean);
    }
    double r2 = total > 0 ? 1 - residual / total : residual == 0 ? 1 : 0;
    return new RegressionScores(r2, Math.sqrt(residual / Math.max(1, n)));
  }
}
