package io.synthbeam.validation.report;

import io.synthbeam.gan.ctgan.PrivacyAccount;
import io.synthbeam.validation.ColumnChart;
import io.synthbeam.validation.ColumnScore;
import io.synthbeam.validation.FidelityReport;
import io.synthbeam.validation.GateCheck;
import io.synthbeam.validation.GateResult;
import io.synthbeam.validation.ModelUtility;
import io.synthbeam.validation.PairScore;
import io.synthbeam.validation.Task;
import io.synthbeam.validation.UtilityReport;
import io.synthbeam.validation.ValidationReport;
import io.synthbeam.validation.privacy.PrivacyFilter;
import io.synthbeam.validation.privacy.PrivacyReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained HTML page: inline CSS and inline SVG charts, no scripts, no
 * fonts or images from the network. Top to bottom: the one-line verdict, headline figures,
 * utility bars (TSTR vs TRTR per learner), privacy figures (DCR share vs baseline, exact copies,
 * membership AUC, distance distributions), per-column similarity and real-vs-synthetic
 * histograms / bar charts, pairwise association heat maps (real, synthetic, similarity), and
 * the timings.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * Renders the page.
   *
   * @param sources what was compared, shown under the title (e.g. "real" to a file name); may be
   *     empty
   * @param filter the privacy filter's outcome, or null when none ran
   */
  public static String render(ValidationReport report, GateResult gates,
      Map<String, String> sources, PrivacyFilter.Result filter) {
    return render(report, gates, sources, filter, null);
  }

  /**
   * Renders the page with a section on the model's differential-privacy guarantee.
   *
   * @param guarantee the model's guarantee (from its bundle), or null when it has none
   */
  public static String render(ValidationReport report, GateResult gates,
      Map<String, String> sources, PrivacyFilter.Result filter, PrivacyAccount guarantee) {
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>SynthBeam validation report</title><style>").append(CSS)
        .append("</style></head><body>\n");
    html.append("<h1>Synthetic data validation</h1>\n<p class=\"sub\">");
    List<String> described = new ArrayList<>();
    sources.forEach((role, source) -> described.add(esc(role) + ": <code>" + esc(source)
        + "</code>"));
    described.add(String.format(Locale.ROOT, "rows: %,d real training, %,d holdout, %,d synthetic",
        report.trainRows(), report.holdoutRows(), report.syntheticRows()));
    described.add("target: <code>" + esc(report.utility().target()) + "</code> ("
        + report.utility().task().name().toLowerCase(Locale.ROOT) + ")");
    html.append(String.join(" &middot; ", described)).append("</p>\n");

    String state = !gates.gated() ? "none" : gates.passed() ? "pass" : "fail";
    html.append("<div id=\"verdict\" class=\"verdict ").append(state).append("\">")
        .append(esc(gates.verdict())).append("</div>\n");
    if (!gates.checks().isEmpty()) {
      html.append("<ul class=\"gates\">");
      for (GateCheck check : gates.checks()) {
        html.append("<li class=\"").append(check.passed() ? "ok" : "bad").append("\">")
            .append(check.passed() ? "&#10003; " : "&#10007; ").append(esc(check.message()))
            .append("</li>");
      }
      html.append("</ul>\n");
    }
    cards(html, report);
    utility(html, report.utility());
    privacy(html, report.privacy(), filter);
    GuaranteeSection.appendHtml(html, guarantee);
    columns(html, report);
    pairs(html, report.fidelity());
    timings(html, report);
    html.append("</body></html>\n");
    return html.toString();
  }

  private static void cards(StringBuilder html, ValidationReport report) {
    FidelityReport f = report.fidelity();
    UtilityReport u = report.utility();
    PrivacyReport p = report.privacy();
    String primary = u.task() == Task.CLASSIFICATION ? "macro F1" : "R²";
    html.append("<div class=\"cards\">");
    card(html, "Quality", Charts.fmt(f.quality()), "shapes " + Charts.fmt(f.shapes())
        + ", pairs " + Charts.fmt(f.pairTrends()) + " (1 = identical)");
    card(html, "Utility", Charts.fmt(u.utility()), "TSTR " + Charts.fmt(u.tstr()) + " / TRTR "
        + Charts.fmt(u.trtr()) + " (" + primary + ", XGBoost)");
    card(html, "Detection AUC", Charts.fmt(report.detectAuc()),
        "0.5: real and synthetic rows cannot be told apart; 1: always told apart");
    card(html, "DCR share", Charts.fmt(p.dcrShare()), "baseline " + Charts.fmt(p.dcrBaseline())
        + String.format(Locale.ROOT, " (excess %+.3f)", p.dcrExcess()));
    card(html, "Exact copies", Charts.pct(p.exactCopy()), "of synthetic rows; holdout rows: "
        + Charts.pct(p.holdoutCopy()));
    card(html, "Membership AUC", Charts.fmt(p.membershipAuc()),
        "0.5: synthetic rows give no hint of who was in training");
    html.append("</div>\n");
  }

  private static void card(StringBuilder html, String title, String value, String note) {
    html.append("<div class=\"card\"><div class=\"card-title\">").append(esc(title))
        .append("</div><div class=\"card-value\">").append(esc(value))
        .append("</div><div class=\"card-note\">").append(esc(note)).append("</div></div>");
  }

  private static void utility(StringBuilder html, UtilityReport u) {
    html.append("<h2>Utility: train on synthetic, test on real</h2>\n<p>Each learner is trained "
        + "on the real training rows (TRTR) and on the synthetic rows (TSTR) and tested on the "
        + "real holdout rows. Utility is TSTR / TRTR of the XGBoost ")
        .append(u.task() == Task.CLASSIFICATION ? "macro F1" : "R²").append(".</p>\n");
    List<Charts.Group> groups = new ArrayList<>();
    List<String> figures = u.task() == Task.CLASSIFICATION ? List.of("macro_f1", "accuracy", "auc")
        : List.of("r2");
    for (ModelUtility m : u.models()) {
      for (String figure : figures) {
        groups.add(new Charts.Group(shortModel(m.model()) + " " + shortFigure(figure),
            m.trtr().getOrDefault(figure, Double.NaN), m.tstr().getOrDefault(figure, Double.NaN)));
      }
    }
    html.append("<div class=\"row\">").append(Charts.pairedBars("utility", groups,
        "TRTR (trained on real)", "TSTR (trained on synthetic)", 1, Double.NaN, ""));
    html.append("<table><tr><th>learner</th><th>figure</th><th>TRTR</th><th>TSTR</th>"
        + "<th>TSTR / TRTR</th></tr>");
    for (ModelUtility m : u.models()) {
      for (String figure : m.tstr().keySet().stream().sorted().toList()) {
        double tstr = m.tstr().get(figure);
        double trtr = m.trtr().getOrDefault(figure, Double.NaN);
        html.append("<tr><td>").append(esc(m.model())).append("</td><td>").append(esc(figure))
            .append("</td><td>").append(Charts.fmt(trtr)).append("</td><td>")
            .append(Charts.fmt(tstr)).append("</td><td>")
            .append(figure.equals("rmse") || !(trtr > 0) ? "" : Charts.fmt(tstr / trtr))
            .append("</td></tr>");
      }
    }
    html.append("</table></div>\n");
  }

  private static void privacy(StringBuilder html, PrivacyReport p, PrivacyFilter.Result filter) {
    html.append("<h2>Privacy: closeness to the training rows</h2>\n<p>For ")
        .append(String.format(Locale.ROOT, "%,d", p.scoredSyntheticRows()))
        .append(" synthetic rows, the distance (Gower-like L1) to the closest real training row "
            + "is compared with the distance to the closest holdout row. Fresh draws from the "
            + "population are closer to a training row in the baseline share of cases; a larger "
            + "share means synthetic rows hug the training rows.</p>\n<div class=\"row\">");
    List<Charts.Group> groups = List.of(
        new Charts.Group("closer to training", p.dcrBaseline(), p.dcrShare()),
        new Charts.Group("exact copies", p.holdoutCopy(), p.exactCopy()),
        new Charts.Group("membership AUC", 0.5, p.membershipAuc()));
    html.append(Charts.pairedBars("privacy", groups, "reference (baseline, holdout, 0.5)",
        "synthetic", 1, Double.NaN, ""));
    html.append(Charts.twoHistograms("distances", p.histogram().edges(), p.histogram().holdout(),
        p.histogram().synthetic(), "holdout rows", "synthetic rows"));
    html.append("</div>\n<p class=\"note\">Median distance to the closest training row: ")
        .append(String.format(Locale.ROOT, "synthetic %.4f, holdout %.4f.",
            p.medianSyntheticDistance(), p.medianHoldoutDistance()));
    if (filter != null) {
      html.append(String.format(Locale.ROOT, " Privacy filter: dropped %,d synthetic rows closer "
          + "to a training row than %.4f (the %.3g quantile of holdout distances); %,d kept.",
          filter.dropped(), filter.threshold(), filter.quantile(), filter.keptRows().length));
    }
    html.append("</p>\n");
  }

  private static void columns(StringBuilder html, ValidationReport report) {
    FidelityReport f = report.fidelity();
    html.append("<h2>Column shapes</h2>\n<p>Per column: 1 &minus; Kolmogorov&ndash;Smirnov "
        + "(continuous, times 1 &minus; the gap in missing rates) or 1 &minus; total variation "
        + "distance (categorical) between the real training rows and the synthetic rows.</p>\n");
    List<String> labels = f.columns().stream().map(ColumnScore::column).toList();
    double[] scores = f.columns().stream().mapToDouble(ColumnScore::score).toArray();
    html.append(Charts.scoreBars("column-scores", labels, scores));
    Map<String, Double> byColumn = new HashMap<>();
    f.columns().forEach(c -> byColumn.put(c.column(), c.score()));
    html.append("<div class=\"grid\">");
    for (ColumnChart chart : report.charts()) {
      html.append("<div>").append(Charts.column(chart,
          byColumn.getOrDefault(chart.column(), Double.NaN))).append("</div>");
    }
    html.append("</div>\n");
  }

  private static void pairs(StringBuilder html, FidelityReport f) {
    html.append("<h2>Pairwise association</h2>\n<p>Strength of association of each pair of "
        + "columns: |Pearson r| for two continuous columns, Cramér's V otherwise (continuous "
        + "columns in 10 real-quantile bins). The third map is the pair similarity judge.py "
        + "averages: 1 &minus; |&Delta;r| / 2 or 1 &minus; TVD of the 2-D table (dark = "
        + "different).</p>\n");
    List<String> labels = f.columns().stream().map(ColumnScore::column).toList();
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      index.put(labels.get(i), i);
    }
    int n = labels.size();
    double[][] real = new double[n][n];
    double[][] synthetic = new double[n][n];
    double[][] score = new double[n][n];
    for (int i = 0; i < n; i++) {
      real[i][i] = 1;
      synthetic[i][i] = 1;
      score[i][i] = 1;
    }
    for (PairScore p : f.pairs()) {
      int a = index.get(p.first());
      int b = index.get(p.second());
      real[a][b] = real[b][a] = p.realAssociation();
      synthetic[a][b] = synthetic[b][a] = p.syntheticAssociation();
      score[a][b] = score[b][a] = p.score();
    }
    html.append("<div class=\"row\">")
        .append(Charts.heatMap("heatmap-real", "Real", labels, real, false))
        .append(Charts.heatMap("heatmap-synthetic", "Synthetic", labels, synthetic, false))
        .append(Charts.heatMap("heatmap-similarity", "Pair similarity (dark = different)", labels,
            score, true))
        .append("</div>\n");
  }

  private static void timings(StringBuilder html, ValidationReport report) {
    html.append("<h2>Timings</h2>\n<table><tr><th>stage</th><th>seconds</th></tr>");
    report.timings().forEach((stage, seconds) -> html.append("<tr><td>").append(esc(stage))
        .append("</td><td>").append(String.format(Locale.ROOT, "%.2f", seconds))
        .append("</td></tr>"));
    html.append("</table>\n<p class=\"note\">Definitions: see the SynthBeam README, section "
        + "&ldquo;How quality and privacy are measured&rdquo;.</p>\n");
  }

  private static String shortModel(String model) {
    return switch (model) {
      case "xgboost" -> "XGB";
      case "logistic_regression" -> "LogReg";
      case "linear_regression" -> "LinReg";
      default -> model;
    };
  }

  private static String shortFigure(String figure) {
    return switch (figure) {
      case "macro_f1" -> "F1";
      case "accuracy" -> "acc";
      case "auc" -> "AUC";
      case "r2" -> "R²";
      default -> figure;
    };
  }

  static String esc(String text) {
    return Svg.escape(text);
  }

  private static final String CSS = """
      body{font-family:-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
      margin:24px auto;max-width:1320px;padding:0 16px;color:#222;background:#fff}
      h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 6px;
      border-bottom:1px solid #ddd;padding-bottom:4px}
      p{margin:6px 0;line-height:1.4}.sub{color:#555;font-size:13px}
      code{background:#f3f3f3;padding:1px 4px;border-radius:3px}
      .verdict{font-size:17px;font-weight:600;padding:12px 16px;border-radius:6px;margin:14px 0}
      .verdict.pass{background:#e5f5e0;border:1px solid #74c476;color:#1b5e20}
      .verdict.fail{background:#fde0dd;border:1px solid #e34a33;color:#8b1a10}
      .verdict.none{background:#f0f0f0;border:1px solid #bbb;color:#333}
      .gates{margin:0 0 10px;padding-left:18px;font-size:14px}.gates .ok{color:#1b5e20}
      .gates .bad{color:#8b1a10}
      .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:10px}
      .card{border:1px solid #ddd;border-radius:6px;padding:10px 12px}
      .card-title{font-size:12px;text-transform:uppercase;color:#666;letter-spacing:.04em}
      .card-value{font-size:26px;font-weight:600;margin:2px 0}.card-note{font-size:12px;color:#555}
      .row{display:flex;flex-wrap:wrap;gap:20px;align-items:flex-start}
      .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(390px,1fr));gap:8px}
      table{border-collapse:collapse;font-size:13px;margin:6px 0}
      td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}
      th{background:#f6f6f6}td:first-child,th:first-child{text-align:left}
      svg.chart{font-family:inherit;fill:#333;overflow:visible}.note{font-size:13px;color:#555}
      """;
}
