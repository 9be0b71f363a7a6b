package io.synthbeam.validation;

import java.util.List;

/**
 * Machine-learning efficacy of the synthetic table: models trained on it and on the real training
 * rows, all tested on the real holdout rows.
 *
 * @param task classification or regression of the target column
 * @param target the target column's label
 * @param models per learner the TSTR and TRTR figures
 * @param tstr the tree ensemble's primary figure trained on synthetic rows (judge.py's
 *     {@code tstr}: macro F1 or R²)
 * @param trtr the same trained on real rows (judge.py's {@code trtr})
 * @param utility {@code tstr / trtr} (NaN when trtr is not positive)
 */
public record UtilityReport(Task task, String target, List<ModelUtility> models, double tstr,
    double trtr, double utility) {
  public UtilityReport {
    models = List.copyOf(models);
  }
}
