package io.synthbeam.validation.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthbeam.gan.ctgan.PrivacyAccount;
import io.synthbeam.validation.ColumnScore;
import io.synthbeam.validation.FidelityReport;
import io.synthbeam.validation.GateCheck;
import io.synthbeam.validation.GateResult;
import io.synthbeam.validation.ModelUtility;
import io.synthbeam.validation.PairScore;
import io.synthbeam.validation.UtilityReport;
import io.synthbeam.validation.ValidationReport;
import io.synthbeam.validation.privacy.PrivacyFilter;
import io.synthbeam.validation.privacy.PrivacyReport;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a report. Top-level keys with judge.py's names and meanings: {@code rows},
 * {@code shapes}, {@code pairs}, {@code quality}, {@code tstr}, {@code trtr}, {@code utility},
 * {@code detect_auc}, {@code dcr_share}, {@code dcr_baseline}, {@code exact_copy},
 * {@code holdout_copy}, {@code worst_columns}; then {@code membership_auc}, {@code dcr_excess},
 * row counts, {@code task}, {@code target}, {@code verdict}, {@code gates}, and the details:
 * {@code column_scores}, {@code pair_scores}, {@code models}, {@code privacy},
 * {@code timings_seconds}, optionally {@code privacy_filter}; {@code privacy_guarantee}, the
 * model's differential-privacy guarantee (null for a model without one or when no model was
 * given). Undefined figures are null.
 */
public final class ReportJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  /** The report as indented JSON text. */
  public static String toJson(ValidationReport report, GateResult gates) {
    return toJson(report, gates, null);
  }

  /** The report as indented JSON text, with the privacy filter's outcome when one ran. */
  public static String toJson(ValidationReport report, GateResult gates,
      PrivacyFilter.Result filter) {
    return toJson(report, gates, filter, null);
  }

  /**
   * The report as indented JSON text, with the model's differential-privacy guarantee
   * ({@code privacy_guarantee}; null when {@code guarantee} is).
   */
  public static String toJson(ValidationReport report, GateResult gates,
      PrivacyFilter.Result filter, PrivacyAccount guarantee) {
    try {
      return MAPPER.writeValueAsString(toTree(report, gates, filter, guarantee));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the report as JSON", e);
    }
  }

  /** The report as a JSON tree. */
  public static ObjectNode toTree(ValidationReport report, GateResult gates,
      PrivacyFilter.Result filter) {
    return toTree(report, gates, filter, null);
  }

  /** The report as a JSON tree, with {@code privacy_guarantee} (null when not private). */
  public static ObjectNode toTree(ValidationReport report, GateResult gates,
      PrivacyFilter.Result filter, PrivacyAccount guarantee) {
    FidelityReport fidelity = report.fidelity();
    UtilityReport utility = report.utility();
    PrivacyReport privacy = report.privacy();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("rows", report.syntheticRows());
    put(root, "shapes", fidelity.shapes());
    put(root, "pairs", fidelity.pairTrends());
    put(root, "quality", fidelity.quality());
    put(root, "tstr", utility.tstr());
    put(root, "trtr", utility.trtr());
    put(root, "utility", utility.utility());
    put(root, "detect_auc", report.detectAuc());
    put(root, "dcr_share", privacy.dcrShare());
    put(root, "dcr_baseline", privacy.dcrBaseline());
    put(root, "exact_copy", privacy.exactCopy());
    put(root, "holdout_copy", privacy.holdoutCopy());
    ArrayNode worst = root.putArray("worst_columns");
    fidelity.columns().stream().sorted(Comparator.comparingDouble(ColumnScore::score)).limit(3)
        .forEach(c -> {
          ArrayNode pair = worst.addArray();
          pair.add(round(c.score()));
          pair.add(c.column());
        });
    put(root, "membership_auc", privacy.membershipAuc());
    put(root, "dcr_excess", privacy.dcrExcess());
    root.put("train_rows", report.trainRows());
    root.put("holdout_rows", report.holdoutRows());
    root.put("synthetic_rows", report.syntheticRows());
    root.put("task", utility.task().name().toLowerCase());
    root.put("target", utility.target());
    root.put("verdict", gates.verdict());
    ObjectNode gateNode = root.putObject("gates");
    gateNode.put("passed", gates.passed());
    gateNode.put("gated", gates.gated());
    ArrayNode checks = gateNode.putArray("checks");
    for (GateCheck check : gates.checks()) {
      ObjectNode c = checks.addObject();
      c.put("figure", check.figure());
      put(c, "value", check.value());
      put(c, "bound", check.bound());
      c.put("passed", check.passed());
      c.put("message", check.message());
    }

    ObjectNode columns = root.putObject("column_scores");
    for (ColumnScore c : fidelity.columns()) {
      ObjectNode node = columns.putObject(c.column());
      node.put("metric", c.metric());
      put(node, "score", c.score());
    }
    ObjectNode pairs = root.putObject("pair_scores");
    for (PairScore p : fidelity.pairs()) {
      ObjectNode node = pairs.putObject(p.key());
      node.put("metric", p.metric());
      put(node, "score", p.score());
      put(node, "real_association", p.realAssociation());
      put(node, "synthetic_association", p.syntheticAssociation());
    }
    ObjectNode models = root.putObject("models");
    for (ModelUtility m : utility.models()) {
      ObjectNode node = models.putObject(m.model());
      node.put("primary_metric", m.primaryMetric());
      put(node, "ratio", m.ratio());
      figures(node.putObject("tstr"), m.tstr());
      figures(node.putObject("trtr"), m.trtr());
    }
    ObjectNode p = root.putObject("privacy");
    p.put("scored_synthetic_rows", privacy.scoredSyntheticRows());
    p.put("membership_rows", privacy.membershipRows());
    put(p, "median_synthetic_distance", privacy.medianSyntheticDistance());
    put(p, "median_holdout_distance", privacy.medianHoldoutDistance());
    ObjectNode histogram = p.putObject("distance_histogram");
    array(histogram.putArray("edges"), privacy.histogram().edges());
    array(histogram.putArray("synthetic"), privacy.histogram().synthetic());
    array(histogram.putArray("holdout"), privacy.histogram().holdout());
    if (filter != null) {
      ObjectNode f = root.putObject("privacy_filter");
      put(f, "quantile", filter.quantile());
      put(f, "threshold", filter.threshold());
      f.put("dropped", filter.dropped());
      f.put("kept", filter.keptRows().length);
    }
    GuaranteeSection.putJson(root, guarantee);
    ObjectNode timings = root.putObject("timings_seconds");
    report.timings().forEach((stage, seconds) -> put(timings, stage, seconds));
    return root;
  }

  private static void figures(ObjectNode node, Map<String, Double> figures) {
    List.of("accuracy", "macro_f1", "auc", "r2", "rmse").forEach(name -> {
      if (figures.containsKey(name)) {
        put(node, name, figures.get(name));
      }
    });
  }

  private static void array(ArrayNode node, double[] values) {
    for (double v : values) {
      node.add(round(v));
    }
  }

  private static void put(ObjectNode node, String key, double value) {
    if (Double.isFinite(value)) {
      node.put(key, round(value));
    } else {
      node.putNull(key);
    }
  }

  /** Six decimals: enough for any figure here, short enough to read. */
  private static double round(double x) {
    return Double.isFinite(x) ? Math.round(x * 1e6) / 1e6 : x;
  }
}
