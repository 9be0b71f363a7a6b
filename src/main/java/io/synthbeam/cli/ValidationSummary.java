package io.synthbeam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Locale;

/** The few lines of a validation report a run prints: rows, fidelity, utility, privacy, verdict. */
final class ValidationSummary {
  private ValidationSummary() {}

  /** From the JSON report (judge.py's keys, see ReportJson). */
  static void print(PrintWriter out, JsonNode r) {
    out.printf(Locale.ROOT, "validation rows: %,d real training, %,d holdout, %,d synthetic%n",
        r.path("train_rows").asLong(), r.path("holdout_rows").asLong(),
        r.path("synthetic_rows").asLong());
    out.printf(Locale.ROOT, "fidelity: shapes %s, pairs %s, quality %s, detection AUC %s%n",
        f(r, "shapes"), f(r, "pairs"), f(r, "quality"), f(r, "detect_auc"));
    out.printf(Locale.ROOT, "utility (%s, target %s): TSTR %s, TRTR %s, ratio %s%n",
        r.path("task").asText(), r.path("target").asText(), f(r, "tstr"), f(r, "trtr"),
        f(r, "utility"));
    out.printf(Locale.ROOT, "privacy: DCR share %s (baseline %s), exact copies %s (holdout %s),"
        + " membership AUC %s%n", f(r, "dcr_share"), f(r, "dcr_baseline"), f(r, "exact_copy"),
        f(r, "holdout_copy"), f(r, "membership_auc"));
    out.println(r.path("verdict").asText());
  }

  private static String f(JsonNode report, String key) {
    JsonNode value = report.path(key);
    return value.isNumber() ? String.format(Locale.ROOT, "%.4f", value.asDouble()) : "n/a";
  }
}
