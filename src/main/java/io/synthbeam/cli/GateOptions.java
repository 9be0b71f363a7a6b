package io.synthbeam.cli;

import io.synthbeam.io.AtomicFiles;
import io.synthbeam.validation.QualityGates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The quality gates and report files of a validation, shared by validate and synthesize. */
final class GateOptions {
  /** The exit code of a failed gate, as text for the option descriptions. */
  private static final String GATE_FAILED_TEXT = "3";

  @Option(names = "--report", paramLabel = "REPORT.html",
      description = "Write the self-contained HTML validation report here.")
  Path report;

  @Option(names = "--json", paramLabel = "REPORT.json",
      description = "Write the JSON validation report here.")
  Path json;

  @Option(names = "--min-utility", paramLabel = "U",
      description = "Gate: fail (exit " + GATE_FAILED_TEXT + ") when utility, the TSTR/TRTR "
          + "ratio of the tree ensemble's macro F1 (or R²), is below U, e.g. 0.8.")
  Double minUtility;

  @Option(names = "--max-dcr-excess", paramLabel = "E",
      description = "Gate: fail (exit " + GATE_FAILED_TEXT + ") when dcr_share minus "
          + "dcr_baseline is above E, e.g. 0.05.")
  Double maxDcrExcess;

  /** Whether any gate is set. */
  boolean gated() {
    return minUtility != null || maxDcrExcess != null;
  }

  /** Whether any of these options is given. */
  boolean any() {
    return gated() || report != null || json != null;
  }

  QualityGates gates() {
    QualityGates gates = QualityGates.none();
    if (minUtility != null) {
      gates = gates.withMinUtility(minUtility);
    }
    if (maxDcrExcess != null) {
      gates = gates.withMaxDcrExcess(maxDcrExcess);
    }
    return gates;
  }

  /** The HTML report's name ends in .html; both reports' folders can be written. */
  void check(OptionChecks check) throws IOException {
    check.require(report == null
        || report.toString().toLowerCase(Locale.ROOT).endsWith(".html"),
        "--report: the HTML report's name must end in .html, not '" + report + "'");
    for (Path path : new Path[] {report, json}) {
      if (path != null) {
        AtomicFiles.checkCanWriteIn(path.toAbsolutePath().getParent());
      }
    }
  }
}
