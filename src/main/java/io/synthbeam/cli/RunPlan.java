package io.synthbeam.cli;

import io.synthbeam.gan.ctgan.DifferentialPrivacy;
import io.synthbeam.io.FileFormat;
import io.synthbeam.onnx.ExecutionDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A checked pipeline spec with its defaults filled in and its paths resolved against the working
 * folder. Building one does every check that needs no reading of the tables: required keys,
 * ranges, combinations, file extensions and that the input files exist. Each failure is a
 * {@link SpecException} naming the file, line and key.
 */
final class RunPlan {
  /** Validation's default cap on the rows of each table it compares. */
  static final int DEFAULT_VALIDATION_ROWS = 200_000;

  private final PipelineSpec spec;
  private final SpecLocations where;
  private final Path base;

  private RunPlan(PipelineSpec spec, SpecLocations where, Path base) {
    this.spec = spec;
    this.where = where;
    this.base = base;
  }

  /**
   * @param base the folder relative paths are resolved against (the working folder)
   * @throws SpecException for the first problem found
   */
  static RunPlan of(SpecLoader.Loaded loaded, Path base) {
    RunPlan plan = new RunPlan(loaded.spec(), loaded.locations(), base);
    plan.check();
    return plan;
  }

  // ---- what to run ----

  PipelineSpec spec() {
    return spec;
  }

  boolean rebalancing() {
    return spec.rebalance() != null;
  }

  boolean validating() {
    return spec.validation() != null;
  }

  boolean evaluating() {
    return spec.evaluate() != null;
  }

  Path input() {
    return path(spec.input().path());
  }

  Path schema() {
    return spec.input().schema() == null ? null : path(spec.input().schema());
  }

  /** Most input rows read (null: all). */
  Integer maxInputRows() {
    return spec.input().maxRows();
  }

  List<String> keep() {
    return spec.columns() == null || spec.columns().keep() == null ? List.of()
        : spec.columns().keep();
  }

  List<String> exclude() {
    return spec.columns() == null || spec.columns().exclude() == null ? List.of()
        : spec.columns().exclude();
  }

  List<String> categorical() {
    return spec.columns() == null || spec.columns().categorical() == null ? List.of()
        : spec.columns().categorical();
  }

  /** The training options as the CLI's model options, defaults where the spec is silent. */
  ModelOptions modelOptions() {
    ModelOptions options = new ModelOptions();
    PipelineSpec.Model m = spec.model();
    if (m != null) {
      options.epochs = m.epochs() == null ? options.epochs : m.epochs();
      options.batchSize = m.batchSize() == null ? options.batchSize : m.batchSize();
      options.seed = m.seed() == null ? options.seed : m.seed();
      options.threads = m.threads() == null ? options.threads : m.threads();
      options.maxCategories = m.maxCategories() == null ? options.maxCategories
          : m.maxCategories();
      options.maxTrainingRows = m.maxTrainingRows() == null ? options.maxTrainingRows
          : m.maxTrainingRows();
    }
    options.categorical = categorical();
    options.exclude = exclude();
    return options;
  }

  ExecutionDevice device() {
    return spec.model() == null || spec.model().device() == null ? ExecutionDevice.AUTO
        : ExecutionDevice.valueOf(spec.model().device().strip().toUpperCase(Locale.ROOT));
  }

  /** Synthetic rows to write (null: as many as the input). */
  Long rows() {
    return spec.rows();
  }

  Map<String, String> conditions() {
    return spec.conditions() == null ? Map.of() : spec.conditions();
  }

  Map<String, Double> shares() {
    return spec.rebalance().shares() == null ? Map.of() : spec.rebalance().shares();
  }

  boolean balanced() {
    return Boolean.TRUE.equals(spec.rebalance().balanced());
  }

  Path holdout() {
    return path(spec.validation().holdout());
  }

  boolean quarantine() {
    return validating() && Boolean.TRUE.equals(spec.validation().quarantine());
  }

  int validationRows() {
    return spec.validation().maxRows() == null ? DEFAULT_VALIDATION_ROWS
        : spec.validation().maxRows();
  }

  Path evaluationHoldout() {
    return path(spec.evaluate().holdout());
  }

  Path table() {
    return path(spec.outputs().table());
  }

  Path model() {
    return optionalPath(spec.outputs().model());
  }

  Path htmlReport() {
    return optionalPath(spec.outputs().htmlReport());
  }

  Path jsonReport() {
    return optionalPath(spec.outputs().jsonReport());
  }

  Path quarantineTable() {
    return optionalPath(spec.outputs().quarantine());
  }

  /** The privacy budget, or null for an ordinary fit. */
  DifferentialPrivacy privacy() {
    PipelineSpec.Privacy p = spec.privacy();
    if (p == null) {
      return null;
    }
    DifferentialPrivacy dp = DifferentialPrivacy.epsilon(p.epsilon());
    return p.delta() == null ? dp : dp.withDelta(p.delta());
  }

  /** "FILE line N: KEY: problem" for a key of the spec, as a dotted path. */
  SpecException error(String key, String problem) {
    String pointer = "/" + key.replace('.', '/');
    return SpecException.at(where.of(pointer), key, problem);
  }

  private Path path(String text) {
    return base.resolve(text).normalize();
  }

  private Path optionalPath(String text) {
    return text == null ? null : path(text);
  }

  // ---- checks ----

  private void check() {
    checkInput();
    checkColumns();
    checkModel();
    checkTargets();
    checkValidation();
    checkEvaluation();
    checkOutputs();
    checkPrivacy();
  }

  private void checkInput() {
    PipelineSpec.Input in = spec.input();
    if (in == null || in.path() == null) {
      throw error(in == null ? "input" : "input.path", "required: the real table to read, e.g. "
          + "input: {path: examples/adult/train.csv.gz}");
    }
    FileFormat format = format("input.path", in.path());
    if (in.format() != null) {
      String given = in.format().strip().toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
      List<String> allowed = List.of("csv", "csv.gz", "avro", "parquet");
      if (!allowed.contains(given)) {
        throw error("input.format", "unknown format '" + in.format() + "'; allowed: "
            + String.join(", ", allowed));
      }
      if (!format.extension().equals("." + given)) {
        throw error("input.format", "'" + in.format() + "' does not match the file name "
            + in.path() + " (" + format.extension() + "); the format is read from the extension");
      }
    }
    existing("input.path", in.path());
    if (in.schema() != null) {
      if (!format.isCsv()) {
        throw error("input.schema", "a schema is for CSV input only; " + in.path()
            + " carries its own schema");
      }
      existing("input.schema", in.schema());
    }
    atLeast("input.max_rows", in.maxRows(), 1);
  }

  private void checkColumns() {
    if (!keep().isEmpty() && !exclude().isEmpty()) {
      throw error("columns.exclude", "give either keep (the columns to model) or exclude "
          + "(the columns to leave out), not both");
    }
  }

  private void checkModel() {
    PipelineSpec.Model m = spec.model();
    if (m == null) {
      return;
    }
    atLeast("model.epochs", m.epochs(), 1);
    atLeast("model.batch_size", m.batchSize(), 1);
    atLeast("model.threads", m.threads(), 1);
    atLeast("model.max_categories", m.maxCategories(), 1);
    atLeast("model.max_training_rows", m.maxTrainingRows(), 1);
    if (m.batchSize() != null && m.batchSize() % 10 != 0) {
      throw error("model.batch_size", "must be a multiple of 10 (the critic packs 10 rows), "
          + "not " + m.batchSize());
    }
    if (m.device() != null && !List.of("auto", "cpu", "cuda").contains(
        m.device().strip().toLowerCase(Locale.ROOT))) {
      throw error("model.device", "unknown device '" + m.device() + "'; allowed: auto, cpu, "
          + "cuda");
    }
  }

  private void checkTargets() {
    atLeast("rows", spec.rows(), 1);
    PipelineSpec.Rebalance r = spec.rebalance();
    if (r == null) {
      return;
    }
    if (spec.rows() != null) {
      throw error("rows", "not with rebalance: the shares decide how many rows are added");
    }
    if (spec.conditions() != null) {
      throw error("conditions", "not with rebalance: the added rows are conditioned on "
          + "their class");
    }
    if (r.label() == null) {
      throw error("rebalance", "label is required: the categorical column to rebalance");
    }
    boolean balanced = Boolean.TRUE.equals(r.balanced());
    if (balanced == (r.shares() != null && !r.shares().isEmpty())) {
      throw error("rebalance", balanced ? "give either shares or balanced: true, not both"
          : "give the target shares (shares: {CLASS: SHARE}) or balanced: true");
    }
    double sum = 0;
    for (Map.Entry<String, Double> share : shares().entrySet()) {
      Double value = share.getValue();
      if (value == null || !(value > 0 && value < 1)) {
        throw error("rebalance.shares." + share.getKey(), "a share must be between 0 and 1 "
            + "(exclusive), not " + value);
      }
      sum += value;
    }
    if (sum >= 1) {
      throw error("rebalance.shares", String.format(Locale.ROOT, "the shares sum to %.3f; they"
          + " must sum to less than 1, leaving room for the other classes", sum));
    }
  }

  private void checkValidation() {
    PipelineSpec.Validation v = spec.validation();
    if (v == null) {
      return;
    }
    if (v.holdout() == null) {
      throw error("validation", "holdout is required: real rows the model never saw");
    }
    format("validation.holdout", v.holdout());
    existing("validation.holdout", v.holdout());
    if (v.target() == null) {
      throw error("validation", "target is required: the column the utility models predict");
    }
    if (v.minUtility() != null && !Double.isFinite(v.minUtility())) {
      throw error("validation.min_utility", "must be a finite number, e.g. 0.8");
    }
    if (v.maxDcrExcess() != null && !Double.isFinite(v.maxDcrExcess())) {
      throw error("validation.max_dcr_excess", "must be a finite number, e.g. 0.05");
    }
    atLeast("validation.max_rows", v.maxRows(), 10);
    if (quarantine() && v.minUtility() == null && v.maxDcrExcess() == null) {
      throw error("validation.quarantine", "quarantine needs a gate to decide: set min_utility "
          + "or max_dcr_excess");
    }
  }

  private void checkEvaluation() {
    PipelineSpec.Evaluate e = spec.evaluate();
    if (e == null) {
      return;
    }
    for (String key : List.of("holdout", "label", "class")) {
      String value = switch (key) {
        case "holdout" -> e.holdout();
        case "label" -> e.label();
        default -> e.positiveClass();
      };
      if (value == null) {
        throw error("evaluate", key + " is required (evaluate: {holdout: TABLE, label: COL, "
            + "class: VALUE})");
      }
    }
    format("evaluate.holdout", e.holdout());
    existing("evaluate.holdout", e.holdout());
  }

  private void checkOutputs() {
    PipelineSpec.Outputs out = spec.outputs();
    if (out == null || out.table() == null) {
      throw error(out == null ? "outputs" : "outputs.table", "required: the table to write, "
          + "e.g. outputs: {table: out/synthetic.csv}");
    }
    format("outputs.table", out.table());
    if (out.model() != null && !out.model().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      throw error("outputs.model", "a model bundle's name ends in .zip, not '" + out.model()
          + "'");
    }
    if (out.htmlReport() != null
        && !out.htmlReport().toLowerCase(Locale.ROOT).endsWith(".html")) {
      throw error("outputs.html_report", "the HTML report's name ends in .html");
    }
    if (out.jsonReport() != null
        && !out.jsonReport().toLowerCase(Locale.ROOT).endsWith(".json")) {
      throw error("outputs.json_report", "the JSON report's name ends in .json");
    }
    for (String key : List.of("html_report", "json_report")) {
      String value = key.equals("html_report") ? out.htmlReport() : out.jsonReport();
      if (value != null && !validating()) {
        throw error("outputs." + key, "a report needs a validation: section (holdout, target)");
      }
    }
    if (validating() && quarantine() && out.quarantine() == null) {
      throw error("outputs", "quarantine is required with validation.quarantine: true (the "
          + "table the synthetic rows go to when a gate fails)");
    }
    if (out.quarantine() != null) {
      if (!validating() || !quarantine()) {
        throw error("outputs.quarantine", "only with validation: {quarantine: true, ...}");
      }
      format("outputs.quarantine", out.quarantine());
    }
  }

  private void checkPrivacy() {
    PipelineSpec.Privacy p = spec.privacy();
    if (p == null) {
      return;
    }
    if (p.epsilon() == null || !(p.epsilon() > 0) || p.epsilon().isInfinite()) {
      throw error(p.epsilon() == null ? "privacy" : "privacy.epsilon", "epsilon is required: "
          + "a finite budget above 0, e.g. privacy: {epsilon: 3, delta: 1e-5}");
    }
    if (p.delta() != null && !(p.delta() > 0 && p.delta() < 1)) {
      throw error("privacy.delta", "must be between 0 and 1 (exclusive; below 1/rows), not "
          + p.delta());
    }
  }

  private FileFormat format(String key, String file) {
    try {
      return FileFormat.of(Path.of(file));
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage());
    }
  }

  private void existing(String key, String file) {
    Path path = path(file);
    if (!Files.isRegularFile(path)) {
      throw error(key, Files.isDirectory(path) ? path + " is a folder, not a file"
          : "file not found: " + path + (Path.of(file).isAbsolute() ? ""
              : " (relative paths are resolved against the working folder, " + base + ")"));
    }
  }

  private void atLeast(String key, Number value, long min) {
    if (value != null && value.longValue() < min) {
      throw error(key, "must be at least " + min + ", not " + value);
    }
  }
}
