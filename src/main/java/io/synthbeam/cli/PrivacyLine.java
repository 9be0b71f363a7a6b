package io.synthbeam.cli;

import io.synthbeam.gan.ctgan.DifferentialPrivacy;
import io.synthbeam.gan.ctgan.PrivacyAccount;
import io.synthbeam.gan.ctgan.TrainingSummary;
import io.synthbeam.privacy.DpSpend;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The last line of a private fit: the guarantee reached against the budget asked for, e.g.
 * {@code privacy: (ε=3, δ=1e-05)-DP spent of ε=3 (training ε=3.09 at δ=5e-06, σ=0.8, C=1,
 * q=0.0154, steps=130; encoder ε=0.3 at δ=5e-06)}. Each part is stated at its own share of δ;
 * composed in Rényi DP the total can be below the training part alone.
 */
final class PrivacyLine {
  private PrivacyLine() {}

  static String of(PrivacyAccount account, DifferentialPrivacy asked) {
    DpSpend t = account.training();
    return "privacy: (ε=" + brief(account.epsilon()) + ", δ=" + brief(account.delta())
        + ")-DP spent of ε=" + brief(asked.epsilon()) + " (training ε=" + brief(t.epsilon())
        + " at δ=" + brief(t.delta()) + ", σ=" + brief(t.noiseMultiplier()) + ", C="
        + brief(t.clipNorm()) + ", q=" + brief(t.samplingRate()) + ", steps=" + t.steps()
        + "; encoder ε=" + brief(account.preprocessing().epsilon()) + " at δ="
        + brief(account.preprocessing().delta()) + ")";
  }

  /** Three significant digits without trailing zeros: 2.98, 3, 0.25, 1e-05. */
  static String brief(double x) {
    String text = String.format(Locale.ROOT, "%.3g", x);
    int exponent = text.indexOf('e');
    String mantissa = exponent < 0 ? text : text.substring(0, exponent);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return exponent < 0 ? mantissa : mantissa + text.substring(exponent);
  }

  /** Prints the line when privacy was asked for; fails if the model does not record it. */
  static void print(PrintWriter err, TrainingSummary summary, DifferentialPrivacy asked) {
    if (asked == null) {
      return;
    }
    if (summary == null || summary.privacy() == null) {
      throw new IllegalStateException("differential privacy was asked for, but the fitted "
          + "model records no privacy guarantee");
    }
    err.println(of(summary.privacy(), asked));
  }
}
