package io.synthbeam.validation;

import java.util.ArrayList;
import java.util.List;

/** Computes the {@link FidelityReport} of the synthetic table against the real training rows. */
public final class FidelityMetrics {
  private FidelityMetrics() {}

  /** Column shapes and pair trends of {@code frames.synthetic()} against {@code frames.train()}. */
  public static FidelityReport compute(FrameSet frames) {
    ValidationColumns columns = frames.columns();
    Frame real = frames.train();
    Frame synthetic = frames.synthetic();
    int width = columns.size();

    List<ColumnScore> columnScores = new ArrayList<>();
    for (int j = 0; j < width; j++) {
      ValidationColumn c = columns.get(j);
      if (c.categorical()) {
        double tvd = TotalVariation.distance(real.codes(j), synthetic.codes(j),
            frames.dictionaries().get(j).size());
        columnScores.add(new ColumnScore(c.label(), "TVD", 1 - tvd));
      } else {
        double ks = KolmogorovSmirnov.statistic(real.numbers(j), synthetic.numbers(j));
        double nullGap = Math.abs(nullRate(real.numbers(j)) - nullRate(synthetic.numbers(j)));
        columnScores.add(new ColumnScore(c.label(), "KS", (1 - ks) * (1 - nullGap)));
      }
    }

    int[][] realBins = new int[width][];
    int[][] syntheticBins = new int[width][];
    int[] binCounts = new int[width];
    for (int j = 0; j < width; j++) {
      if (columns.get(j).categorical()) {
        realBins[j] = real.codes(j);
        syntheticBins[j] = synthetic.codes(j);
        binCounts[j] = frames.dictionaries().get(j).size();
      } else {
        QuantileBins bins = QuantileBins.fromReal(real.numbers(j));
        realBins[j] = bins.binAll(real.numbers(j));
        syntheticBins[j] = bins.binAll(synthetic.numbers(j));
        binCounts[j] = bins.bins() + 1;
      }
    }

    List<PairScore> pairScores = new ArrayList<>();
    for (int a = 0; a < width; a++) {
      for (int b = a + 1; b < width; b++) {
        ValidationColumn ca = columns.get(a);
        ValidationColumn cb = columns.get(b);
        double realV = CramersV.of(realBins[a], realBins[b], binCounts[a], binCounts[b]);
        double synV = CramersV.of(syntheticBins[a], syntheticBins[b], binCounts[a], binCounts[b]);
        if (!ca.categorical() && !cb.categorical()) {
          double rr = Correlation.pearson(real.numbers(a), real.numbers(b));
          double rs = Correlation.pearson(synthetic.numbers(a), synthetic.numbers(b));
          pairScores.add(new PairScore(ca.label(), cb.label(), "correlation",
              1 - Math.abs(rr - rs) / 2, Math.abs(rr), Math.abs(rs)));
        } else {
          double tvd = TotalVariation.distance(joint(realBins[a], realBins[b], binCounts[b]),
              joint(syntheticBins[a], syntheticBins[b], binCounts[b]));
          pairScores.add(new PairScore(ca.label(), cb.label(), "TVD", 1 - tvd, realV, synV));
        }
      }
    }
    double shapes = columnScores.stream().mapToDouble(ColumnScore::score).average().orElse(1);
    double trends = pairScores.stream().mapToDouble(PairScore::score).average().orElse(1);
    return new FidelityReport(columnScores, pairScores, shapes, trends, (shapes + trends) / 2);
  }

  private static double nullRate(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    int missing = 0;
    for (double v : values) {
      if (Double.isNaN(v)) {
        missing++;
      }
    }
    return (double) missing / values.length;
  }

  private static long[] joint(int[] a, int[] b, int bCount) {
    long[] keys = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      keys[i] = (long) a[i] * bCount + b[i];
    }
    return keys;
  }
}
