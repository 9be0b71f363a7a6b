package io.synthbeam.validation;

import java.util.Map;

/**
 * One learner's scores on the real holdout rows when trained on the synthetic rows (TSTR) and on
 * the real training rows (TRTR).
 *
 * @param model the learner: {@code "xgboost"} (gradient-boosted trees, Tribuo's XGBoost),
 *     {@code "logistic_regression"} (Tribuo's linear SGD with log loss) or
 *     {@code "linear_regression"} (XGBoost's linear booster)
 * @param tstr figures by name: {@code accuracy}, {@code macro_f1}, {@code auc} for
 *     classification; {@code r2}, {@code rmse} for regression
 * @param trtr the same figures for the model trained on real rows
 * @param primaryMetric the figure the ratio is taken of: {@code macro_f1} or {@code r2}
 * @param ratio TSTR / TRTR of the primary figure (NaN when TRTR is not positive)
 */
public record ModelUtility(String model, Map<String, Double> tstr, Map<String, Double> trtr,
    String primaryMetric, double ratio) {
  public ModelUtility {
    tstr = Map.copyOf(tstr);
    trtr = Map.copyOf(trtr);
  }
}
