package io.synthbeam.table;

import io.synthbeam.table.mixture.BayesianGaussianMixture;
import io.synthbeam.table.mixture.MixtureFit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Finds a continuous column's modes from its accumulated statistics: exact values frequent enough
 * become point masses, a Bayesian Gaussian mixture models the rest.
 *
 * <p>A column with at most {@link EncodingOptions#maxPointMasses()} distinct values is all point
 * masses (exact); so is an integer-valued column with at most maxPointMasses + maxModes distinct
 * values (education-num, ratings, small counts), where a mixture would spend about one narrow
 * Gaussian per value anyway. Otherwise a value whose share reaches {@link EncodingOptions#pointMassMinShare()}
 * gets a point mode for its excess over the smooth part of the distribution. For float and double
 * columns the excess is the value's whole count: decoded Gaussian values are never exactly equal to
 * it. For integer-valued columns (ints, longs, dates, timestamps) decoded Gaussian values are
 * rounded and do land on it, so the smooth level there, the median count of v-2, v-1, v+1, v+2, is
 * left to the mixture: a smooth integer column such as age gets no point masses (whose holes would
 * turn into a sawtooth), while an isolated spike such as capital-gain = 0 keeps all its mass in its
 * point mode. An occurrence of a point value is then encoded with its point mode with probability
 * excess / count.
 */
final class ContinuousColumnFitter {
  /** Fewer remaining values than this get one Gaussian instead of a mixture fit. */
  static final int MIN_VALUES_FOR_MIXTURE = 10;
  /** A point mass needs at least this many occurrences, however small the table. */
  static final int MIN_POINT_MASS_COUNT = 10;
  /**
   * A point mass needs at least this share of its value's count above the smooth level: a spike,
   * not a bump such as the lowest value of a smooth column (Adult's age 17 stands 30% over its
   * level; the edge of a flat density, 50%).
   */
  static final double MIN_SPIKE_EXCESS = 2.0 / 3;

  private ContinuousColumnFitter() {}

  static ContinuousModes fit(ContinuousStats stats, ValueType type, EncodingOptions options) {
    boolean nullMode = stats.nulls > 0;
    double[] none = new double[0];
    if (stats.values == 0) {
      return new ContinuousModes(0, stats.nulls, 0, 0, none, none, none, none, none, none,
          nullMode);
    }
    Distinct sample = Distinct.of(stats.sample());
    int n = sample.values.length;
    double total = 0;
    for (long c : sample.counts) {
      total += c;
    }

    double[] excess = pointExcess(sample, total, type, options);
    double[] rest = new double[n];
    int restValues = 0;
    double restWeight = 0;
    for (int i = 0; i < n; i++) {
      rest[i] = sample.counts[i] - excess[i];
      if (rest[i] > 0) {
        restValues++;
        restWeight += rest[i];
      }
    }
    double[] means = none;
    double[] stds = none;
    double[] weights = none;
    if (restValues == 1) {
      // A single remaining value is exactly representable: a point mass of its own.
      for (int i = 0; i < n; i++) {
        excess[i] = sample.counts[i];
      }
    } else if (restValues > 1) {
      double[] x = new double[restValues];
      double[] w = new double[restValues];
      int j = 0;
      for (int i = 0; i < n; i++) {
        if (rest[i] > 0) {
          x[j] = sample.values[i];
          w[j] = rest[i];
          j++;
        }
      }
      MixtureFit fit = restWeight < MIN_VALUES_FOR_MIXTURE
          ? singleGaussian(x, w, restWeight)
          : new BayesianGaussianMixture(Math.min(options.maxModes(), x.length)).fit(x, w)
              .withoutLightComponents(options.minModeWeight());
      means = fit.means();
      weights = fit.weights();
      stds = new double[fit.components()];
      for (int k = 0; k < stds.length; k++) {
        // Keep the scalar's resolution finite even for a collapsed component.
        stds[k] = Math.max(fit.stds()[k], 1e-9 * Math.max(1, Math.abs(means[k])));
      }
    }

    int pointCount = (int) Arrays.stream(excess).filter(e -> e > 0).count();
    double[] points = new double[pointCount];
    double[] shares = new double[pointCount];
    double[] posteriors = new double[pointCount];
    int p = 0;
    for (int i = 0; i < n; i++) {
      if (excess[i] > 0) {
        points[p] = sample.values[i];
        shares[p] = excess[i] / total;
        posteriors[p] = excess[i] / sample.counts[i];
        p++;
      }
    }
    return new ContinuousModes(stats.values, stats.nulls, stats.min, stats.max, points, shares,
        posteriors, means, stds, weights, nullMode);
  }

  /** Per distinct value, the count its point mode takes (0 for no point mode). */
  private static double[] pointExcess(Distinct sample, double total, ValueType type,
      EncodingOptions options) {
    int n = sample.values.length;
    double[] excess = new double[n];
    boolean rounded = type != ValueType.FLOAT && type != ValueType.DOUBLE;
    int discreteLimit = options.maxPointMasses() + (rounded ? options.maxModes() : 0);
    if (options.maxPointMasses() > 0 && n <= discreteLimit) {
      for (int i = 0; i < n; i++) {
        excess[i] = sample.counts[i];
      }
      return excess;
    }
    double minCount = Math.max(options.pointMassMinShare() * total, MIN_POINT_MASS_COUNT);
    double[] candidate = new double[n];
    for (int i = 0; i < n; i++) {
      if (sample.counts[i] >= minCount) {
        candidate[i] = sample.counts[i] - (rounded ? smoothLevel(sample, i) : 0);
      }
    }
    IntStream.range(0, n)
        .filter(i -> candidate[i] >= minCount && candidate[i] > 0
            && candidate[i] >= MIN_SPIKE_EXCESS * sample.counts[i])
        .boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> -candidate[i])
            .thenComparingDouble(i -> sample.values[i]))
        .limit(options.maxPointMasses())
        .forEach(i -> excess[i] = candidate[i]);
    return excess;
  }

  /** The median count of the integers v-2, v-1, v+1, v+2 (0 where absent). */
  private static double smoothLevel(Distinct sample, int i) {
    double v = sample.values[i];
    double[] around = new double[4];
    int a = 0;
    for (double d : new double[] {-2, -1, 1, 2}) {
      int at = Arrays.binarySearch(sample.values, v + d);
      around[a++] = at >= 0 ? sample.counts[at] : 0;
    }
    Arrays.sort(around);
    return (around[1] + around[2]) / 2;
  }

  private static MixtureFit singleGaussian(double[] x, double[] w, double weight) {
    double mean = 0;
    for (int i = 0; i < x.length; i++) {
      mean += w[i] * x[i];
    }
    mean /= weight;
    double squares = 0;
    for (int i = 0; i < x.length; i++) {
      squares += w[i] * (x[i] - mean) * (x[i] - mean);
    }
    return new MixtureFit(new double[] {1}, new double[] {mean},
        new double[] {Math.sqrt(squares / weight)}, 0, true);
  }

  /** Distinct sampled values, ascending, with their row counts. */
  private record Distinct(double[] values, long[] counts) {
    static Distinct of(Reservoir.Sample sample) {
      double[] v = sample.values();
      long[] c = sample.counts();
      Integer[] order = new Integer[v.length];
      for (int i = 0; i < v.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
      double[] values = new double[v.length];
      long[] counts = new long[v.length];
      int n = 0;
      for (int i : order) {
        if (n > 0 && values[n - 1] == v[i]) {
          counts[n - 1] += c[i];
        } else {
          values[n] = v[i];
          counts[n] = c[i];
          n++;
        }
      }
      return new Distinct(Arrays.copyOf(values, n), Arrays.copyOf(counts, n));
    }
  }
}
