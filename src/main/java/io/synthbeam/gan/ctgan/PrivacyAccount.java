package io.synthbeam.gan.ctgan;

import io.synthbeam.privacy.DpSpend;
import io.synthbeam.table.dp.PreprocessingSpend;
import java.util.Map;

/**
 * The differential-privacy guarantee of a private fit, as stored in the model bundle and shown in
 * reports: the total (epsilon, delta) of the encoder statistics and DP-SGD composed in Rényi DP,
 * and each part.
 *
 * @param epsilon the total epsilon spent
 * @param delta the total delta
 * @param training what DP-SGD spent on its own (noise multiplier, clip norm, sampling rate, steps)
 * @param preprocessing what the encoder's statistics spent on their own
 * @param columns per column, how its encoder statistics were obtained (private, declared public)
 */
public record PrivacyAccount(double epsilon, double delta, DpSpend training,
    PreprocessingSpend preprocessing, Map<String, String> columns) {

  public PrivacyAccount {
    columns = Map.copyOf(columns);
  }

  /** One line: the guarantee and how it was reached. */
  public String summary() {
    return String.format(java.util.Locale.ROOT,
        "(ε = %.3g, δ = %.3g)-DP in total; training: %s; %s", epsilon, delta, training.summary(),
        preprocessing.summary());
  }
}
