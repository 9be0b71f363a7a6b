package io.synthbeam.table.mixture;

/**
 * A fitted 1-D Gaussian mixture, components in ascending order of mean.
 *
 * @param weights mixing weights, summing to 1
 * @param means component means
 * @param stds component standard deviations (all positive)
 * @param iterations coordinate-ascent iterations run
 * @param converged whether the fit stopped on the tolerance rather than the iteration cap
 */
public record MixtureFit(double[] weights, double[] means, double[] stds, int iterations,
    boolean converged) {

  public int components() {
    return weights.length;
  }

  /**
   * Drops components lighter than {@code minWeight} (always keeping the heaviest) and
   * renormalises the rest.
   */
  public MixtureFit withoutLightComponents(double minWeight) {
    int heaviest = 0;
    for (int k = 1; k < weights.length; k++) {
      if (weights[k] > weights[heaviest]) {
        heaviest = k;
      }
    }
    int kept = 0;
    double total = 0;
    for (int k = 0; k < weights.length; k++) {
      if (weights[k] >= minWeight || k == heaviest) {
        kept++;
        total += weights[k];
      }
    }
    double[] w = new double[kept];
    double[] m = new double[kept];
    double[] s = new double[kept];
    int i = 0;
    for (int k = 0; k < weights.length; k++) {
      if (weights[k] >= minWeight || k == heaviest) {
        w[i] = weights[k] / total;
        m[i] = means[k];
        s[i] = stds[k];
        i++;
      }
    }
    return new MixtureFit(w, m, s, iterations, converged);
  }
}
