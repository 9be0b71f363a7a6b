package io.synthbeam.cli;

import io.synthbeam.gan.ctgan.CtganOptions;
import io.synthbeam.gan.ctgan.DifferentialPrivacy;
import io.synthbeam.table.EncodingOptions;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import picocli.CommandLine.Option;

/** The training options shared by fit, synthesize and rebalance. */
final class ModelOptions {
  private static final CtganOptions DEFAULTS = CtganOptions.defaults();
  /** The Beam transforms' default training-sample cap. */
  static final int DEFAULT_MAX_TRAINING_ROWS = 200_000;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Training epochs (passes over the table). Default: ${DEFAULT-VALUE}.")
  int epochs = DEFAULTS.epochs();

  @Option(names = "--batch-size", paramLabel = "N",
      description = "Rows per training step (a multiple of 10). Default: ${DEFAULT-VALUE}.")
  int batchSize = DEFAULTS.batchSize();

  @Option(names = "--seed", paramLabel = "S",
      description = "Random seed of encoding, training and sampling; the same seed, data and "
          + "options give the same result on any runner. Default: ${DEFAULT-VALUE}.")
  long seed = DEFAULTS.seed();

  @Option(names = "--threads", paramLabel = "N",
      description = "Training threads. Default: the number of cores (${DEFAULT-VALUE}).")
  int threads = DEFAULTS.threads();

  @Option(names = "--categorical", split = ",", paramLabel = "COL",
      description = "Integer columns to model as categories rather than numbers "
          + "(comma-separated or repeated). Strings, enums and booleans always are.")
  List<String> categorical = new ArrayList<>();

  @Option(names = "--exclude", split = ",", paramLabel = "COL",
      description = "Columns to leave out of the model (comma-separated or repeated).")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--max-categories", paramLabel = "N",
      description = "A categorical column with more distinct values is refused "
          + "(an ID column? exclude it). Default: ${DEFAULT-VALUE}.")
  int maxCategories = EncodingOptions.DEFAULT_MAX_CATEGORIES;

  @Option(names = "--max-training-rows", paramLabel = "N",
      description = "Most rows trained on; a larger table is sampled down to this many "
          + "(uniformly, by the seed). Default: ${DEFAULT-VALUE}.")
  int maxTrainingRows = DEFAULT_MAX_TRAINING_ROWS;

  @Option(names = "--epsilon", paramLabel = "E",
      description = "Train with differential privacy: the model, and every table sampled from "
          + "it, is (E, D)-differentially private with respect to adding or removing one row. "
          + "The encoder's statistics spend 10%% of E, DP-SGD training the rest; training stops "
          + "early if the budget runs out. Smaller E: more privacy, less fidelity (1 to 10 is "
          + "common). Off by default.")
  Double epsilon;

  @Option(names = "--delta", paramLabel = "D",
      description = "With --epsilon: the failure probability D of the guarantee, in (0, 1); "
          + "keep it well below 1/rows. Default: 1e-5 (below 1/n for up to 100,000 rows).")
  Double delta;

  void check(OptionChecks check) {
    check.atLeast("--epochs", epochs, 1);
    check.atLeast("--batch-size", batchSize, 1);
    check.atLeast("--threads", threads, 1);
    check.atLeast("--max-categories", maxCategories, 1);
    check.atLeast("--max-training-rows", maxTrainingRows, 1);
    if (epsilon != null) {
      check.positive("--epsilon", epsilon);
    }
    if (delta != null) {
      check.require(epsilon != null, "--delta needs --epsilon (differential privacy is off "
          + "without it)");
      check.require(delta > 0 && delta < 1, "--delta must be between 0 and 1 (exclusive), "
          + "not " + delta);
    }
  }

  /** The privacy asked for, or null. */
  DifferentialPrivacy privacy() {
    if (epsilon == null) {
      return null;
    }
    DifferentialPrivacy dp = DifferentialPrivacy.epsilon(epsilon);
    return delta == null ? dp : dp.withDelta(delta);
  }

  /** The options, with column names turned into the fields of {@code schema}. */
  Jobs.Model toModel(Schema schema) {
    CtganOptions ctgan = CtganOptions.defaults().withEpochs(epochs).withBatchSize(batchSize)
        .withSeed(seed).withThreads(threads).withDifferentialPrivacy(privacy());
    EncodingOptions encoding = EncodingOptions.defaults()
        .withCategoricalColumns(ColumnNames.toFieldNames(schema, categorical))
        .withExcludedColumns(ColumnNames.toFieldNames(schema, exclude))
        .withMaxCategories(maxCategories)
        .withSeed(seed);
    return new Jobs.Model(ctgan, encoding, maxTrainingRows);
  }
}
