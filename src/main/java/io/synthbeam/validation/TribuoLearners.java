package io.synthbeam.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer.BoosterType;
import org.tribuo.common.xgboost.XGBoostTrainer.LoggingVerbosity;
import org.tribuo.common.xgboost.XGBoostTrainer.TreeMethod;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer.RegressionType;

/**
 * The Tribuo learners the validation trains, and the plumbing to train them on frame rows and
 * read their predictions.
 */
final class TribuoLearners {
  /** Name of the tree ensemble, whose figures are judge.py's tstr/trtr/utility. */
  static final String TREES = "xgboost";
  static final String LOGISTIC = "logistic_regression";
  static final String LINEAR = "linear_regression";

  private static final LabelFactory LABELS = new LabelFactory();
  private static final RegressionFactory NUMBERS = new RegressionFactory();
  private static final String DIMENSION = "target";

  private final ValidationOptions options;

  TribuoLearners(ValidationOptions options) {
    this.options = options;
  }

  /**
   * Gradient-boosted trees with the usual defaults (histogram method, 0.1 learning rate, depth
   * 6) and as many trees as {@link ValidationOptions#trees()}, on one thread (see
   * {@link Parallel}). A new trainer per fit: Tribuo's trainers train one dataset at a time.
   */
  Trainer<Label> treeClassifier() {
    return new XGBoostClassificationTrainer(BoosterType.GBTREE, TreeMethod.HIST, options.trees(),
        0.1, 0, 6, 1, 1, 1, 1, 0, 1, LoggingVerbosity.SILENT, options.seed());
  }

  /** Logistic regression fitted by AdaGrad SGD (Tribuo's defaults: 5 epochs, batches of 1). */
  Trainer<Label> logisticRegression() {
    return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), 5, Integer.MAX_VALUE,
        1, options.seed());
  }

  Trainer<Regressor> treeRegressor() {
    return new XGBoostRegressionTrainer(BoosterType.GBTREE, TreeMethod.HIST, RegressionType.LINEAR,
        options.trees(), 0.1, 0, 6, 1, 1, 1, 1, 0, 1, LoggingVerbosity.SILENT,
        options.seed());
  }

  /** Least squares by XGBoost's linear booster (coordinate descent, no penalty). */
  Trainer<Regressor> linearRegression() {
    return new XGBoostRegressionTrainer(BoosterType.LINEAR, TreeMethod.AUTO, RegressionType.LINEAR,
        options.trees(), 0.5, 0, 6, 1, 1, 1, 0, 0, 1, LoggingVerbosity.SILENT,
        options.seed());
  }

  static Label label(String text) {
    return new Label(text);
  }

  static Regressor number(double value) {
    return new Regressor(DIMENSION, value);
  }

  static MutableDataset<Label> labelled(List<? extends Example<Label>> examples) {
    MutableDataset<Label> data = new MutableDataset<>(
        new SimpleDataSourceProvenance("synthbeam validation rows", LABELS), LABELS);
    examples.forEach(data::add);
    return data;
  }

  static MutableDataset<Regressor> numeric(List<? extends Example<Regressor>> examples) {
    MutableDataset<Regressor> data = new MutableDataset<>(
        new SimpleDataSourceProvenance("synthbeam validation rows", NUMBERS), NUMBERS);
    examples.forEach(data::add);
    return data;
  }

  /** Predicted labels and per-label probabilities of a classifier. */
  record ClassPredictions(List<String> labels, List<Map<String, Double>> probabilities) {}

  static ClassPredictions predictClasses(Model<Label> model, List<Example<Label>> examples) {
    List<Prediction<Label>> predictions = model.predict(examples);
    List<String> labels = new ArrayList<>(predictions.size());
    List<Map<String, Double>> probabilities = new ArrayList<>(predictions.size());
    for (Prediction<Label> p : predictions) {
      labels.add(p.getOutput().getLabel());
      Map<String, Double> scores = new HashMap<>();
      p.getOutputScores().forEach((name, label) -> scores.put(name, label.getScore()));
      probabilities.add(scores);
    }
    return new ClassPredictions(labels, probabilities);
  }

  static double[] predictNumbers(Model<Regressor> model, List<Example<Regressor>> examples) {
    List<Prediction<Regressor>> predictions = model.predict(examples);
    double[] out = new double[predictions.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = predictions.get(i).getOutput().getValues()[0];
    }
    return out;
  }
}
