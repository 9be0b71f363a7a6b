package io.synthbeam.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Accuracy, macro-averaged F1 and AUC of class predictions, defined as scikit-learn defines them:
 * macro F1 averages over every label among the true and the predicted ones (a label never
 * predicted scores 0); AUC is the positive class's for two classes (either class gives the same
 * value) and the mean one-vs-rest AUC over the true classes otherwise.
 *
 * @param accuracy share of rows predicted right
 * @param macroF1 unweighted mean of the per-label F1 scores
 * @param auc ROC AUC from the predicted class probabilities (NaN with a single true class)
 */
public record ClassificationScores(double accuracy, double macroF1, double auc) {

  /**
   * Scores predictions.
   *
   * @param truth the true label per row
   * @param predicted the predicted label per row
   * @param probabilities per row the predicted probability of each label (labels the model does
   *     not know count as 0)
   */
  public static ClassificationScores of(List<String> truth, List<String> predicted,
      List<Map<String, Double>> probabilities) {
    int n = truth.size();
    int correct = 0;
    for (int i = 0; i < n; i++) {
      correct += truth.get(i).equals(predicted.get(i)) ? 1 : 0;
    }
    TreeSet<String> labels = new TreeSet<>(truth);
    labels.addAll(predicted);
    double f1Sum = 0;
    for (String label : labels) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (int i = 0; i < n; i++) {
        boolean isTrue = truth.get(i).equals(label);
        boolean isPredicted = predicted.get(i).equals(label);
        tp += isTrue && isPredicted ? 1 : 0;
        fp += !isTrue && isPredicted ? 1 : 0;
        fn += isTrue && !isPredicted ? 1 : 0;
      }
      f1Sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
    double macroF1 = labels.isEmpty() ? 0 : f1Sum / labels.size();
    return new ClassificationScores(n == 0 ? 0 : (double) correct / n, macroF1,
        auc(truth, probabilities));
  }

  private static double auc(List<String> truth, List<Map<String, Double>> probabilities) {
    List<String> classes = new ArrayList<>(new TreeSet<>(truth));
    if (classes.size() < 2) {
      return Double.NaN;
    }
    List<String> scored = classes.size() == 2 ? classes.subList(1, 2) : classes;
    double sum = 0;
    for (String label : scored) {
      double[] scores = new double[truth.size()];
      boolean[] positive = new boolean[truth.size()];
      for (int i = 0; i < truth.size(); i++) {
        scores[i] = probabilities.get(i).getOrDefault(label, 0.0);
        positive[i] = truth.get(i).equals(label);
      }
      sum += Auc.of(scores, positive);
    }
    return sum / scored.size();
  }
}
