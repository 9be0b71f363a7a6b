package io.synthbeam.validation;

import io.synthbeam.table.ColumnKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.generic.GenericRecord;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Does a table with added rows teach a classifier more of a rare class? Trains the validation's
 * tree ensemble (XGBoost, see {@link TribuoLearners}) once on the real training rows alone and
 * once on the augmented table (e.g. the real rows plus RebalanceTable's synthetic ones), and
 * scores both on the same real held-out rows: recall and precision of the rare class.
 *
 * <pre>{@code
 * RareClassRecall.Result r = RareClassRecall.compute(real, rebalanced, holdout, "is_fraud", "1",
 *     ValidationOptions.defaults());
 * r.realOnly().recall();   // before
 * r.augmented().recall();  // after
 * }</pre>
 */
public final class RareClassRecall {
  private RareClassRecall() {}

  /** Recall and precision of the class on the held-out rows, and its count there. */
  public record Scores(double recall, double precision, int positives, int predicted) {}

  /** The scores of the model trained on the real rows and of the one on the augmented rows. */
  public record Result(String label, String positiveClass, int holdoutRows, Scores realOnly,
      Scores augmented) {}

  /**
   * @param label the class column (compared as categories, whatever its type)
   * @param positiveClass the rare class, as text ({@code "1"}, {@code "true"}, {@code "fraud"})
   * @throws IllegalArgumentException when the held-out rows have none of the class
   */
  public static Result compute(List<? extends GenericRecord> real,
      List<? extends GenericRecord> augmented, List<? extends GenericRecord> holdout,
      String label, String positiveClass, ValidationOptions options) {
    if (real.isEmpty() || augmented.isEmpty()) {
      throw new IllegalArgumentException("no training rows: the real and the augmented tables must both have rows");
    }
    ValidationColumns columns = ValidationColumns.fromSchema(augmented.get(0).getSchema(),
        Map.of(label, ColumnKind.CATEGORICAL), label);
    FrameSet frames = FrameSet.of(columns, real, holdout, augmented);
    int target = columns.target();
    CategoryDictionary classes = frames.dictionaries().get(target);
    List<String> truth = new ArrayList<>();
    for (int code : frames.holdout().codes(target)) {
      truth.add(classes.category(code));
    }
    String positive = matching(classes, positiveClass);
    if (positive == null || !truth.contains(positive)) {
      throw new IllegalArgumentException("the held-out rows have no row of class '"
          + positiveClass + "' in column '" + label + "'");
    }
    TribuoFeatures features = new TribuoFeatures(frames, target);
    TribuoLearners learners = new TribuoLearners(options);
    List<Callable<Scores>> fits = List.of(
        () -> scores(learners, features, frames.train(), frames.holdout(), truth, classes,
            target, positive),
        () -> scores(learners, features, frames.synthetic(), frames.holdout(), truth, classes,
            target, positive));
    List<Scores> both = Parallel.all(fits, Math.min(2, options.threads()));
    return new Result(columns.targetColumn().label(), positive, truth.size(), both.get(0),
        both.get(1));
  }

  /** The dictionary's spelling of the class: "1" matches 1 and 1.0, case kept. */
  private static String matching(CategoryDictionary classes, String wanted) {
    for (int code = 0; code < classes.size(); code++) {
      String category = classes.category(code);
      if (category.equals(wanted) || sameNumber(category, wanted)) {
        return category;
      }
    }
    return null;
  }

  private static boolean sameNumber(String a, String b) {
    try {
      return Double.parseDouble(a) == Double.parseDouble(b);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Scores scores(TribuoLearners learners, TribuoFeatures features, Frame training,
      Frame test, List<String> truth, CategoryDictionary classes, int target, String positive) {
    List<Example<Label>> train = new ArrayList<>(training.rows());
    for (int i = 0; i < training.rows(); i++) {
      train.add(features.example(training, i,
          TribuoLearners.label(classes.category(training.codes(target)[i])), null));
    }
    Model<Label> model = learners.treeClassifier().train(TribuoLearners.labelled(train));
    List<Example<Label>> examples = new ArrayList<>(test.rows());
    for (int i = 0; i < test.rows(); i++) {
      examples.add(features.example(test, i, TribuoLearners.label(truth.get(i)), null));
    }
    List<String> predicted = TribuoLearners.predictClasses(model, examples).labels();
    int truePositives = 0;
    int positives = 0;
    int predictedPositives = 0;
    for (int i = 0; i < truth.size(); i++) {
      boolean isPositive = truth.get(i).equals(positive);
      boolean saidPositive = predicted.get(i).equals(positive);
      positives += isPositive ? 1 : 0;
      predictedPositives += saidPositive ? 1 : 0;
      truePositives += isPositive && saidPositive ? 1 : 0;
    }
    return new Scores((double) truePositives / positives,
        predictedPositives == 0 ? 0 : (double) truePositives / predictedPositives, positives,
        predictedPositives);
  }
}
