package io.synthbeam.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * Train-on-synthetic / train-on-real utility: each learner is trained once on the synthetic rows
 * and once on the real training rows and tested on the real holdout rows. Rows whose numeric
 * target is missing are left out; a missing category is a class of its own.
 */
public final class UtilityMetrics {
  private UtilityMetrics() {}

  /**
   * The utility figures of {@code frames.synthetic()}. The four fits (two learners, two training
   * tables) run on up to {@link ValidationOptions#threads()} threads.
   */
  public static UtilityReport compute(FrameSet frames, ValidationOptions options) {
    TribuoLearners learners = new TribuoLearners(options);
    ValidationColumns columns = frames.columns();
    TribuoFeatures features = new TribuoFeatures(frames, columns.target());
    int target = columns.target();
    boolean classification = columns.task() == Task.CLASSIFICATION;
    List<String> names = classification
        ? List.of(TribuoLearners.LOGISTIC, TribuoLearners.TREES)
        : List.of(TribuoLearners.LINEAR, TribuoLearners.TREES);
    Frame test = classification ? frames.holdout() : present(frames.holdout(), target);
    Frame synthetic = classification ? frames.synthetic() : present(frames.synthetic(), target);
    Frame train = classification ? frames.train() : present(frames.train(), target);
    List<String> truth = new ArrayList<>(test.rows());
    if (classification) {
      CategoryDictionary classes = frames.dictionaries().get(target);
      for (int i = 0; i < test.rows(); i++) {
        truth.add(classes.category(test.codes(target)[i]));
      }
    }
    List<Callable<Map<String, Double>>> jobs = new ArrayList<>();
    for (String name : names) {
      boolean linear = !name.equals(TribuoLearners.TREES);
      for (Frame training : List.of(synthetic, train)) {
        jobs.add(classification
            ? () -> classify(linear ? learners.logisticRegression() : learners.treeClassifier(),
                linear, training, test, truth, features, frames.dictionaries().get(target),
                target)
            : () -> regress(linear ? learners.linearRegression() : learners.treeRegressor(),
                linear, training, test, features, target));
      }
    }
    List<Map<String, Double>> results = Parallel.all(jobs, options.threads());
    String primary = classification ? "macro_f1" : "r2";
    List<ModelUtility> models = new ArrayList<>();
    for (int m = 0; m < names.size(); m++) {
      Map<String, Double> tstr = results.get(2 * m);
      Map<String, Double> trtr = results.get(2 * m + 1);
      models.add(new ModelUtility(names.get(m), tstr, trtr, primary,
          ratio(tstr.get(primary), trtr.get(primary))));
    }
    ModelUtility trees = models.get(models.size() - 1);
    double tstr = trees.tstr().get(primary);
    double trtr = trees.trtr().get(primary);
    return new UtilityReport(columns.task(), columns.targetColumn().label(), models, tstr, trtr,
        trees.ratio());
  }

  private static Map<String, Double> classify(Trainer<Label> trainer, boolean standardise,
      Frame training, Frame test, List<String> truth, TribuoFeatures features,
      CategoryDictionary classes, int target) {
    Set<Integer> seen = new HashSet<>();
    for (int code : training.codes(target)) {
      seen.add(code);
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    if (seen.size() < 2) { // nothing to learn: judge.py scores such a table 0
      figures.put("accuracy", 0.0);
      figures.put("macro_f1", 0.0);
      figures.put("auc", 0.5);
      return figures;
    }
    TribuoFeatures.Standardiser scaling = standardise ? features.standardiser(training) : null;
    List<Example<Label>> trainExamples = new ArrayList<>(training.rows());
    for (int i = 0; i < training.rows(); i++) {
      trainExamples.add(features.example(training, i,
          TribuoLearners.label(classes.category(training.codes(target)[i])), scaling));
    }
    Model<Label> model = trainer.train(TribuoLearners.labelled(trainExamples));
    List<Example<Label>> testExamples = new ArrayList<>(test.rows());
    for (int i = 0; i < test.rows(); i++) {
      testExamples.add(features.example(test, i, TribuoLearners.label(truth.get(i)), scaling));
    }
    TribuoLearners.ClassPredictions predicted =
        TribuoLearners.predictClasses(model, testExamples);
    ClassificationScores scores =
        ClassificationScores.of(truth, predicted.labels(), predicted.probabilities());
    figures.put("accuracy", scores.accuracy());
    figures.put("macro_f1", scores.macroF1());
    figures.put("auc", scores.auc());
    return figures;
  }

  private static Map<String, Double> regress(Trainer<Regressor> trainer, boolean standardise,
      Frame training, Frame test, TribuoFeatures features, int target) {
    Map<String, Double> figures = new LinkedHashMap<>();
    double[] truth = test.numbers(target);
    if (training.rows() < 2) {
      figures.put("r2", 0.0);
      figures.put("rmse", Double.NaN);
      return figures;
    }
    TribuoFeatures.Standardiser scaling = standardise ? features.standardiser(training) : null;
    List<Example<Regressor>> trainExamples = new ArrayList<>(training.rows());
    for (int i = 0; i < training.rows(); i++) {
      trainExamples.add(features.example(training, i,
          TribuoLearners.number(training.numbers(target)[i]), scaling));
    }
    Model<Regressor> model = trainer.train(TribuoLearners.numeric(trainExamples));
    List<Example<Regressor>> testExamples = new ArrayList<>(test.rows());
    for (int i = 0; i < test.rows(); i++) {
      testExamples.add(features.example(test, i, TribuoLearners.number(truth[i]), scaling));
    }
    RegressionScores scores =
        RegressionScores.of(truth, TribuoLearners.predictNumbers(model, testExamples));
    figures.put("r2", scores.r2());
    figures.put("rmse", scores.rmse());
    return figures;
  }

  /** The rows whose (continuous) target is present. */
  private static Frame present(Frame frame, int target) {
    double[] y = frame.numbers(target);
    int[] keep = java.util.stream.IntStream.range(0, frame.rows())
        .filter(i -> !Double.isNaN(y[i])).toArray();
    return keep.length == frame.rows() ? frame : frame.select(keep);
  }

  static double ratio(double tstr, double trtr) {
    return trtr > 0 ? tstr / trtr : Double.NaN;
  }
}
