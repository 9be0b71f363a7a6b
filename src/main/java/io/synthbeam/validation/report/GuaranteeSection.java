package io.synthbeam.validation.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthbeam.gan.ctgan.PrivacyAccount;
import io.synthbeam.privacy.DpSpend;
import io.synthbeam.table.dp.PreprocessingSpend;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The model's differential-privacy guarantee in the reports: the {@code privacy_guarantee} JSON
 * object and the HTML section. Unlike the privacy-risk figures, which are measured on this table,
 * the guarantee is what the training procedure proves for every table the model can make.
 */
final class GuaranteeSection {
  private GuaranteeSection() {}

  /**
   * Puts {@code privacy_guarantee}: null when the model is not private (or unknown); else the
   * total (epsilon, delta), DP-SGD's sigma, clip_norm, q and steps, and each part's share.
   */
  static void putJson(ObjectNode root, PrivacyAccount account) {
    if (account == null) {
      root.putNull("privacy_guarantee");
      return;
    }
    DpSpend t = account.training();
    PreprocessingSpend e = account.preprocessing();
    ObjectNode g = root.putObject("privacy_guarantee");
    g.put("epsilon", account.epsilon());
    g.put("delta", account.delta());
    g.put("sigma", t.noiseMultiplier());
    g.put("clip_norm", t.clipNorm());
    g.put("q", t.samplingRate());
    g.put("steps", t.steps());
    g.put("adjacency", "add or remove one row");
    ObjectNode training = g.putObject("training");
    training.put("epsilon", t.epsilon());
    training.put("delta", t.delta());
    training.put("accountant", t.accountant());
    ObjectNode encoder = g.putObject("encoder");
    encoder.put("epsilon", e.epsilon());
    encoder.put("delta", e.delta());
    encoder.put("gaussian_mechanisms", e.mechanisms());
    encoder.put("thresholded_releases", e.selections());
    ObjectNode columns = g.putObject("columns");
    new TreeMap<>(account.columns()).forEach(columns::put);
  }

  /** The HTML section; nothing for a model without the guarantee. */
  static void appendHtml(StringBuilder html, PrivacyAccount account) {
    if (account == null) {
      return;
    }
    DpSpend t = account.training();
    PreprocessingSpend e = account.preprocessing();
    html.append("<h2>Differential privacy of the model</h2>\n<p>The model was trained with "
        + "differential privacy: whatever table it generates is ")
        .append(String.format(Locale.ROOT, "(&epsilon; = %.3g, &delta; = %.3g)",
            account.epsilon(), account.delta()))
        .append("-differentially private with respect to adding or removing one real row. "
            + "This bounds what any synthetic table can reveal about one person, unlike the "
            + "closeness figures above, which are measured on this table only.</p>\n<table>")
        .append("<tr><th>part</th><th>&epsilon;</th><th>&delta;</th><th>how</th></tr>");
    row(html, "total (composed in Rényi DP)", account.epsilon(), account.delta(), "");
    row(html, "training (DP-SGD)", t.epsilon(), t.delta(), String.format(Locale.ROOT,
        "noise multiplier σ = %.4g, clip norm C = %.4g, sampling rate q = %.4g, %,d steps",
        t.noiseMultiplier(), t.clipNorm(), t.samplingRate(), t.steps()));
    row(html, "encoder statistics", e.epsilon(), e.delta(), String.format(Locale.ROOT,
        "%d Gaussian mechanisms, %d thresholded releases", e.mechanisms(), e.selections()));
    html.append("</table>\n<p class=\"note\">Each part's &epsilon; is stated at its own share of "
        + "&delta;. The total composes both in Rényi DP, which is tighter than adding them, so it "
        + "can be below a part's own &epsilon; at that part's smaller &delta;.</p>\n");
    if (!account.columns().isEmpty()) {
      html.append("<table><tr><th>column</th><th>encoder statistics</th></tr>");
      for (Map.Entry<String, String> c : new TreeMap<>(account.columns()).entrySet()) {
        html.append("<tr><td>").append(HtmlReport.esc(c.getKey())).append("</td><td>")
            .append(HtmlReport.esc(c.getValue())).append("</td></tr>");
      }
      html.append("</table>\n");
    }
  }

  private static void row(StringBuilder html, String part, double epsilon, double delta,
      String how) {
    html.append("<tr><td>").append(HtmlReport.esc(part)).append("</td><td>")
        .append(String.format(Locale.ROOT, "%.3g", epsilon)).append("</td><td>")
        .append(String.format(Locale.ROOT, "%.3g", delta)).append("</td><td>")
        .append(HtmlReport.esc(how)).append("</td></tr>");
  }
}
