package io.synthbeam.validation;

/** Pearson correlation over the rows where both values are present. */
public final class Correlation {
  private Correlation() {}

  /**
   * Pearson's r of {@code x} and {@code y} over rows where neither is NaN; 0 when it is
   * undefined (fewer than two such rows, or a constant column), as judge.py does.
   */
  public static double pearson(double[] x, double[] y) {
    int n = 0;
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        n++;
        sx += x[i];
        sy += y[i];
      }
    }
    if (n < 2) {
      return 0;
    }
    double mx = sx / n;
    double my = sy / n;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        double dx = x[i] - mx;
        double dy = y[i] - my;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
      }
    }
    if (sxx == 0 || syy == 0) {
      return 0;
    }
    return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  }
}
