package io.synthbeam.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * How well a classifier tells synthetic rows from real ones: the cross-validated ROC AUC of
 * Tribuo's XGBoost on all columns (judge.py's {@code detect_auc}; 0.5 means indistinguishable,
 * 1.0 always told apart). Both sides are samples of {@code min(|train|, |synthetic|, 5000)} rows
 * drawn as judge.py draws them (pandas' {@code sample(n, random_state=1)}); the folds are
 * stratified and unshuffled, and the out-of-fold probabilities are pooled into one AUC.
 */
public final class DetectionMetric {
  private static final String REAL = "real";
  private static final String SYNTHETIC = "synthetic";

  private DetectionMetric() {}

  /** The detection AUC of {@code frames.synthetic()} against {@code frames.train()}. */
  public static double compute(FrameSet frames, ValidationOptions options) {
    int n = Math.min(Math.min(frames.train().rows(), frames.synthetic().rows()),
        options.detectionRows());
    if (n < options.folds()) {
      return Double.NaN;
    }
    Frame real = frames.train().select(RowSample.likePandas(frames.train().rows(), n,
        ValidationOptions.DETECTION_SAMPLE_SEED));
    Frame synthetic = frames.synthetic().select(RowSample.likePandas(frames.synthetic().rows(), n,
        ValidationOptions.DETECTION_SAMPLE_SEED));
    TribuoFeatures features = new TribuoFeatures(frames, -1);
    TribuoLearners learners = new TribuoLearners(options);

    int folds = options.folds();
    List<Callable<List<Map<String, Double>>>> jobs = new ArrayList<>();
    for (int fold = 0; fold < folds; fold++) {
      int from = (int) ((long) n * fold / folds);
      int to = (int) ((long) n * (fold + 1) / folds);
      jobs.add(() -> {
        List<Example<Label>> training = new ArrayList<>(2 * n);
        for (int i = 0; i < n; i++) {
          if (i < from || i >= to) {
            training.add(features.example(real, i, TribuoLearners.label(REAL), null));
            training.add(features.example(synthetic, i, TribuoLearners.label(SYNTHETIC), null));
          }
        }
        Model<Label> model = learners.treeClassifier().train(TribuoLearners.labelled(training));
        List<Example<Label>> held = new ArrayList<>(2 * (to - from));
        for (int i = from; i < to; i++) {
          held.add(features.example(real, i, TribuoLearners.label(REAL), null));
          held.add(features.example(synthetic, i, TribuoLearners.label(SYNTHETIC), null));
        }
        return TribuoLearners.predictClasses(model, held).probabilities();
      });
    }
    List<List<Map<String, Double>>> predicted = Parallel.all(jobs, options.threads());
    double[] scores = new double[2 * n];
    boolean[] isSynthetic = new boolean[2 * n];
    for (int fold = 0; fold < folds; fold++) {
      int from = (int) ((long) n * fold / folds);
      List<Map<String, Double>> probabilities = predicted.get(fold);
      for (int k = 0; k < probabilities.size(); k++) {
        int row = from + k / 2;
        int slot = k % 2 == 0 ? row : n + row;
        scores[slot] = probabilities.get(k).getOrDefault(SYNTHETIC, 0.0);
        isSynthetic[slot] = k % 2 == 1;
      }
    }
    return Auc.of(scores, isSynthetic);
  }
}
