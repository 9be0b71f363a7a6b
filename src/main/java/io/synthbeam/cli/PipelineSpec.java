package io.synthbeam.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A pipeline spec as written in {@code pipelines/NAME.yaml}, bound by Jackson (unknown keys
 * refused). Absent keys are null; {@link SpecChecks} checks the values and {@link SpecDefaults}
 * fills in the defaults. The README's section "Pipeline specs" documents every key.
 */
record PipelineSpec(
    @JsonProperty("description") String description,
    @JsonProperty("input") Input input,
    @JsonProperty("columns") Columns columns,
    @JsonProperty("model") Model model,
    @JsonProperty("rows") Long rows,
    @JsonProperty("conditions") Map<String, String> conditions,
    @JsonProperty("rebalance") Rebalance rebalance,
    @JsonProperty("validation") Validation validation,
    @JsonProperty("evaluate") Evaluate evaluate,
    @JsonProperty("outputs") Outputs outputs,
    @JsonProperty("privacy") Privacy privacy) {

  /** The real table: its file, optional format check, CSV schema and row cap. */
  record Input(
      @JsonProperty("path") String path,
      @JsonProperty("format") String format,
      @JsonProperty("schema") String schema,
      @JsonProperty("max_rows") Integer maxRows) {}

  /** Which columns the model sees, and how. */
  record Columns(
      @JsonProperty("keep") List<String> keep,
      @JsonProperty("exclude") List<String> exclude,
      @JsonProperty("categorical") List<String> categorical) {}

  /** Training options (the CLI's MODEL OPTIONS). */
  record Model(
      @JsonProperty("epochs") Integer epochs,
      @JsonProperty("batch_size") Integer batchSize,
      @JsonProperty("seed") Long seed,
      @JsonProperty("threads") Integer threads,
      @JsonProperty("max_categories") Integer maxCategories,
      @JsonProperty("max_training_rows") Integer maxTrainingRows,
      @JsonProperty("device") String device) {}

  /** Rebalancing of a label column instead of a synthetic copy. */
  record Rebalance(
      @JsonProperty("label") String label,
      @JsonProperty("shares") Map<String, Double> shares,
      @JsonProperty("balanced") Boolean balanced) {}

  /** Validation of the synthetic table against a real holdout, with optional gates. */
  record Validation(
      @JsonProperty("holdout") String holdout,
      @JsonProperty("target") String target,
      @JsonProperty("min_utility") Double minUtility,
      @JsonProperty("max_dcr_excess") Double maxDcrExcess,
      @JsonProperty("quarantine") Boolean quarantine,
      @JsonProperty("categorical") List<String> categorical,
      @JsonProperty("max_rows") Integer maxRows) {}

  /** A rare-class recall check: a classifier trained on the output vs on the real rows. */
  record Evaluate(
      @JsonProperty("holdout") String holdout,
      @JsonProperty("label") String label,
      @JsonProperty("class") String positiveClass) {}

  /** What the run writes. */
  record Outputs(
      @JsonProperty("table") String table,
      @JsonProperty("model") String model,
      @JsonProperty("html_report") String htmlReport,
      @JsonProperty("json_report") String jsonReport,
      @JsonProperty("quarantine") String quarantine) {}

  /** A differential-privacy budget for the fit. */
  record Privacy(
      @JsonProperty("epsilon") Double epsilon,
      @JsonProperty("delta") Double delta) {}
}
