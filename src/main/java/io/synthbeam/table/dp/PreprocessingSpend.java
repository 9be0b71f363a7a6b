package io.synthbeam.table.dp;

import io.synthbeam.privacy.accounting.DpConversion;
import io.synthbeam.privacy.accounting.DpGuarantee;
import io.synthbeam.privacy.accounting.RdpAccountant;
import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;

/**
 * What a private encoder fit spent: it is ({@code epsilon}, {@code delta})-DP under
 * add-or-remove-one-row adjacency.
 *
 * <p>Every statistic is a Gaussian mechanism of L2 sensitivity 1 (one row adds one to one bin of a
 * histogram). Gaussian mechanisms with noise &sigma;<sub>i</sub> compose in Rényi DP to
 * &alpha; &Sigma; 1/(2&sigma;<sub>i</sub>&sup2;) at every order &alpha;, the curve of a single
 * Gaussian mechanism with {@code gaussianSigma} = (&Sigma; &sigma;<sub>i</sub><sup>-2</sup>)<sup>-1/2</sup>,
 * i.e. {@code rho}-zCDP. Histograms whose keys come from the data (undeclared categories, the
 * coarse range histogram) release a key only when its noisy count clears a threshold; a key held
 * by one row clears it with probability at most its share of {@code selectionDelta}. Outside that
 * event the fit is the Gaussian composition, so the whole fit is (&epsilon;<sub>G</sub> +
 * log(1/(1 - &delta;<sub>S</sub>)), &delta;<sub>C</sub> + &delta;<sub>S</sub>)-DP, where
 * &epsilon;<sub>G</sub> is the Gaussian curve converted at &delta;<sub>C</sub> = {@code
 * conversionDelta} and &delta;<sub>S</sub> = {@code selectionDelta}.
 *
 * <p>A DP-SGD trainer composes the fit with its own steps by adding the same Gaussian curve to its
 * accountant ({@link #composeInto}) and reading the total with {@link #guaranteeWith}.
 *
 * @param epsilon &epsilon; spent, as above
 * @param delta &delta; spent: conversionDelta + selectionDelta
 * @param rho the zCDP (RDP per order) of the Gaussian part, 1/(2 gaussianSigma&sup2;)
 * @param gaussianSigma noise of the one unit-sensitivity Gaussian mechanism equivalent to all of
 *     the fit's Gaussian mechanisms together
 * @param conversionDelta the &delta; at which the Gaussian part was converted to &epsilon;
 * @param selectionDelta the total chance bound of releasing a key held by one row
 * @param mechanisms the number of Gaussian mechanisms composed (histograms and counts)
 * @param selections how many of them are thresholded histograms over keys from the data
 * @param conversion how RDP became (&epsilon;, &delta;)
 * @param order the Rényi order that gave &epsilon;
 */
public record PreprocessingSpend(double epsilon, double delta, double rho, double gaussianSigma,
    double conversionDelta, double selectionDelta, int mechanisms, int selections,
    DpConversion conversion, double order) implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  /** How the spend was accounted, in words. */
  public static final String ACCOUNTANT = "Gaussian mechanisms composed in Rényi DP (RDP accountant"
      + " at sampling rate 1), plus the release probability of one-row keys of thresholded"
      + " histograms; add-or-remove-one adjacency";

  public PreprocessingSpend {
    if (!(epsilon >= 0) || Double.isInfinite(epsilon) || !(delta > 0 && delta < 1)
        || !(gaussianSigma > 0) || !(conversionDelta > 0) || !(selectionDelta >= 0)
        || conversion == null) {
      throw new IllegalArgumentException("inconsistent preprocessing spend: epsilon " + epsilon
          + ", delta " + delta + ", sigma " + gaussianSigma + ", conversion delta "
          + conversionDelta + ", selection delta " + selectionDelta);
    }
  }

  /**
   * The spend of Gaussian mechanisms equivalent to one with {@code gaussianSigma}, converted at
   * {@code conversionDelta}, plus thresholded releases with total one-row chance
   * {@code selectionDelta}.
   */
  public static PreprocessingSpend of(double gaussianSigma, double conversionDelta,
      double selectionDelta, int mechanisms, int selections) {
    DpGuarantee g = RdpAccountant.create().compose(1.0, gaussianSigma, 1).epsilon(conversionDelta);
    return new PreprocessingSpend(g.epsilon() - Math.log1p(-selectionDelta),
        conversionDelta + selectionDelta, 1 / (2 * gaussianSigma * gaussianSigma), gaussianSigma,
        conversionDelta, selectionDelta, mechanisms, selections, g.conversion(), g.order());
  }

  /** {@code accountant} after the fit's Gaussian part: one full-batch step at gaussianSigma. */
  public RdpAccountant composeInto(RdpAccountant accountant) {
    return accountant.compose(1.0, gaussianSigma, 1);
  }

  /**
   * The guarantee of the fit followed by the training {@code training} accounted (the fit's
   * Gaussian part is added here; do not add it twice), at total failure probability
   * {@code totalDelta}, of which the fit's selectionDelta is set aside.
   *
   * @throws IllegalArgumentException if totalDelta does not exceed selectionDelta
   */
  public DpGuarantee guaranteeWith(RdpAccountant training, double totalDelta) {
    if (!(totalDelta > selectionDelta && totalDelta < 1)) {
      throw new IllegalArgumentException("the total delta " + totalDelta + " must exceed the"
          + " preprocessing's selection delta " + selectionDelta + " and be below 1");
    }
    DpGuarantee g = composeInto(training).epsilon(totalDelta - selectionDelta);
    return new DpGuarantee(g.epsilon() - Math.log1p(-selectionDelta), totalDelta, g.order(),
        g.conversion());
  }

  /** One line for the CLI and the report. */
  public String summary() {
    return String.format(Locale.ROOT,
        "encoder statistics (ε = %.3g, δ = %.3g)-DP: %d Gaussian mechanisms (together σ = %.4g,"
            + " ρ = %.3g zCDP), %d thresholded releases (δ %.3g); RDP, %s conversion at δ %.3g,"
            + " order %.4g",
        epsilon, delta, mechanisms, gaussianSigma, rho, selections, selectionDelta,
        conversion.name().toLowerCase(Locale.ROOT), conversionDelta, order);
  }
}
