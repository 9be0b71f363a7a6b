package io.synthbeam.table;

import io.synthbeam.table.dp.GaussianTail;
import io.synthbeam.table.dp.NoiseSource;
import io.synthbeam.table.mixture.BayesianGaussianMixture;
import io.synthbeam.table.mixture.MixtureFit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The modes of a continuous column from noisy histograms, for a private fit.
 *
 * <p><b>Range.</b> A declared range is used as declared. Otherwise the cells are summed into coarse
 * log-scale bins (zero, then one bin per octave on each side of it) and released by a
 * stability-based histogram: each bin found in the data gets N(0, &sigma;<sub>A</sub>&sup2;) noise
 * and is released only if its noisy count clears 1 + &sigma;<sub>A</sub> Q<sup>-1</sup>(&delta;<sub>j</sub>),
 * so a bin held by one row is released with probability at most &delta;<sub>j</sub>. The range is
 * the span of the released bins (powers of two, never a data value), so an outlier row alone in
 * its octave is left out.
 *
 * <p><b>Modes.</b> Over that range, a second histogram with N(0, &sigma;<sub>B</sub>&sup2;) noise
 * on every bin (its bins are public now, so no threshold is needed): a bin per public point-mass
 * candidate in range (0, declared points, declared range ends), {@value #MODE_BINS} equal bins
 * (whole-number aligned for integer columns) and a null bin for a nullable column; values outside
 * the range count in the nearest bin. An integer column spanning at most maxPointMasses + maxModes
 * integers gets a bin per integer instead, and its modes are those integers (discrete, as in the
 * non-private fit); so does one whose resolved one-integer bins (below) hold mass at no more than
 * that many integers.
 *
 * <ul>
 *   <li>A candidate becomes a point mode when its noisy count reaches both
 *       {@value #SINGLE_SIGMAS}&sigma;<sub>B</sub> and pointMassMinShare of the noisy total (the
 *       largest maxPointMasses of them); otherwise its noisy count joins its equal bin.</li>
 *   <li>The equal bins are resolved top down by halves ({@link #resolve}): a run of bins whose
 *       noisy total is below {@value #GROUP_SIGMAS}&sigma;<sub>B</sub>&radic;k (k bins) is taken
 *       as empty; a significant run is split, and if neither half is significant on its own its
 *       total is spread evenly over it; a single bin counts when it reaches
 *       {@value #SINGLE_SIGMAS}&sigma;<sub>B</sub>. So pure noise does not spread mass over the
 *       range, dense regions keep the full resolution, and a long thin tail still counts as a
 *       whole.</li>
 *   <li>The Bayesian Gaussian mixture is fitted to the bin centres weighted by the resolved mass
 *       (it merges what it does not need), and each component's variance gets the bin's own
 *       h&sup2;/12 (Sheppard's correction), so no mode is narrower than the histogram can
 *       tell.</li>
 *   <li>Without a declared range, the decoding range [min, max] narrows from the released octaves
 *       to the reach of the modes: the point values and mean &plusmn; 4 sd of each Gaussian (what a
 *       mode can decode to anyway), rounded outwards for integer columns.</li>
 *   <li>Counts of values and nulls are the noisy totals; a nullable column always has a null mode.
 *   </li>
 * </ul>
 *
 * <p>Everything released is a function of the noisy histograms and public facts (schema, options,
 * declarations), so the mode fit is post-processing.
 */
final class PrivateContinuousFitter {
  /** Equal bins of the mode histogram. */
  static final int MODE_BINS = 128;
  /** A single bin's noisy count below this many sigmas is taken as noise. */
  static final double SINGLE_SIGMAS = 2;
  /** A run of k bins whose noisy total is below this many sigmas times sqrt(k) is noise. */
  static final double GROUP_SIGMAS = 3;
  /** Key of the coarse bin holding exactly zero. */
  private static final long ZERO_BIN = Long.MIN_VALUE;

  /** The modes and a description of how they were found. */
  record Result(ContinuousModes modes, String mechanism) {}

  private PrivateContinuousFitter() {}

  static Result fit(PrivateContinuousStats stats, ColumnSpec column, ColumnDeclaration declared,
      PrivacyPlan plan, int j, EncodingOptions options) {
    if (stats.cells.overflowed()) {
      throw new IllegalArgumentException("column '" + column.name() + "' has values in more than "
          + PrivateContinuousStats.MAX_CELLS + " distinct cells of the private histogram; declare"
          + " its range in the schema (\"" + ColumnDeclaration.RANGE + "\": [min, max]) or exclude"
          + " it (--exclude " + column.name() + ")");
    }
    boolean integers = column.type() != ValueType.FLOAT && column.type() != ValueType.DOUBLE;
    Reservoir.Sample sample = stats.cells.values();
    long[] cells = new long[sample.values().length];
    double[] representatives = new double[cells.length];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = (long) sample.values()[i];
      representatives[i] = stats.grid.representative(cells[i], integers);
    }
    long[] cellCounts = sample.counts();

    double lo;
    double hi;
    String rangeText;
    if (declared.hasRange()) {
      lo = declared.range().min();
      hi = declared.range().max();
      rangeText = "declared range [" + number(lo, integers) + ", " + number(hi, integers) + "]";
    } else {
      double sigma = plan.rangeSigma(j);
      double threshold = GaussianTail.selectionThreshold(sigma, plan.selectionDelta(j));
      double[] range = releasedRange(stats, cells, cellCounts, sigma, threshold,
          plan.noise("range", j));
      if (range == null) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "column '%s': no range of"
            + " its values could be released privately: no coarse bin of its values holds enough"
            + " rows to clear the noise threshold (%.0f rows at this budget share); declare its"
            + " range in the schema (\"%s\": [min, max]), raise the preprocessing epsilon, or"
            + " exclude the column (--exclude %s)", column.name(), threshold,
            ColumnDeclaration.RANGE, column.name()));
      }
      lo = integers ? Math.floor(range[0]) : range[0];
      hi = integers ? Math.ceil(range[1]) : range[1];
      rangeText = String.format(Locale.ROOT, "range from a thresholded log-scale histogram"
          + " (σ = %.3g, release threshold %.1f rows, δ %.2g)", sigma, threshold,
          plan.selectionDelta(j));
    }

    double sigma = plan.mainSigma(j);
    Histogram h = Histogram.over(lo, hi, integers, stats.candidates, options);
    for (int i = 0; i < cells.length; i++) {
      h.add(representatives[i], false, cellCounts[i]);
    }
    for (int i = 0; i < stats.candidates.length; i++) {
      h.add(stats.candidates[i], true, stats.candidateCounts[i]);
    }
    NoiseSource noise = plan.noise("histogram", j);
    double[] points = h.noisy(h.pointCounts, sigma, noise);
    double[] bins = h.noisy(h.binCounts, sigma, noise);
    double noisyNulls = column.nullable() ? stats.nulls + sigma * noise.gaussian() : 0;

    ContinuousModes modes = h.modes(points, bins, noisyNulls, sigma, column.nullable(),
        !declared.hasRange(), options);
    String pointText = modes.means().length == 0 && modes.points().length > 1
        ? "all point modes, one per integer with mass"
        : "point-mass candidates " + (h.pointValues.length == 0 ? "none"
            : Arrays.stream(h.pointValues).mapToObj(v -> number(v, integers))
                .collect(Collectors.joining(", ")));
    String mechanism = String.format(Locale.ROOT, "%s; modes from a noisy %d-bin histogram over"
        + " it (σ = %.3g; %s)", rangeText, h.pointValues.length + h.binCounts.length
        + (column.nullable() ? 1 : 0), sigma, pointText);
    return new Result(modes, mechanism);
  }

  /**
   * [lower, upper] of the coarse bins released by the thresholded histogram, or null when none
   * is. Bins are visited in key order, each drawing its noise in turn.
   */
  private static double[] releasedRange(PrivateContinuousStats stats, long[] cells,
      long[] cellCounts, double sigma, double threshold, NoiseSource noise) {
    TreeMap<Long, Long> coarse = new TreeMap<>();
    for (int i = 0; i < cells.length; i++) {
      coarse.merge(CellGrid.LogCells.coarse(cells[i]), cellCounts[i], Long::sum);
    }
    for (int i = 0; i < stats.candidates.length; i++) {
      double v = stats.candidates[i];
      if (stats.candidateCounts[i] > 0) {
        long key = v == 0 ? ZERO_BIN : CellGrid.LogCells.coarse(stats.grid.cell(v));
        coarse.merge(key, stats.candidateCounts[i], Long::sum);
      }
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Map.Entry<Long, Long> bin : coarse.entrySet()) {
      if (bin.getValue() + sigma * noise.gaussian() >= threshold) {
        double[] bounds = bin.getKey() == ZERO_BIN ? new double[] {0, 0}
            : CellGrid.LogCells.coarseBounds(bin.getKey());
        lo = Math.min(lo, bounds[0]);
        hi = Math.max(hi, bounds[1]);
      }
    }
    return lo <= hi ? new double[] {lo, hi} : null;
  }

  /**
   * The mass of each bin resolved from noisy counts, top down by halves: a run of k bins is noise
   * if its total is below GROUP_SIGMAS sigma sqrt(k); a significant run is split, and if neither
   * half is significant its total is spread evenly over it; a single bin counts from SINGLE_SIGMAS
   * sigma.
   */
  static double[] resolve(double[] noisy, double sigma) {
    double[] out = new double[noisy.length];
    if (noisy.length > 0) {
      resolve(noisy, 0, noisy.length, sigma, out);
    }
    return out;
  }

  /** Resolves [from, to) into out; whether any of it holds mass. */
  private static boolean resolve(double[] c, int from, int to, double sigma, double[] out) {
    if (to - from == 1) {
      if (c[from] >= SINGLE_SIGMAS * sigma) {
        out[from] = c[from];
        return true;
      }
      return false;
    }
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += c[i];
    }
    if (sum < GROUP_SIGMAS * sigma * Math.sqrt(to - from)) {
      return false;
    }
    int mid = (from + to) >>> 1;
    boolean left = resolve(c, from, mid, sigma, out);
    boolean right = resolve(c, mid, to, sigma, out);
    if (!left && !right) {
      Arrays.fill(out, from, to, sum / (to - from));
    }
    return true;
  }

  private static String number(double v, boolean integers) {
    return integers ? Long.toString((long) v) : Double.toString(v);
  }

  /** The mode histogram's bins over [lo, hi] and their true counts. */
  private static final class Histogram {
    final double lo;
    final double hi;
    final boolean integers;
    final boolean discrete;
    /** Point bins: candidates in range, or every integer of a discrete column. */
    final double[] pointValues;
    final long[] pointCounts;
    /** Equal bins: left edge of the first, width, and counts. */
    final double edge;
    final double width;
    final long[] binCounts;

    private Histogram(double lo, double hi, boolean integers, boolean discrete,
        double[] pointValues, double edge, double width, int bins) {
      this.lo = lo;
      this.hi = hi;
      this.integers = integers;
      this.discrete = discrete;
      this.pointValues = pointValues;
      this.pointCounts = new long[pointValues.length];
      this.edge = edge;
      this.width = width;
      this.binCounts = new long[bins];
    }

    static Histogram over(double lo, double hi, boolean integers, double[] candidates,
        EncodingOptions options) {
      if (options.maxPointMasses() > 0 && (integers || lo == hi)
          && hi - lo + 1 <= options.maxPointMasses() + options.maxModes()) {
        int n = (int) (hi - lo) + 1;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
          values[i] = lo + i;
        }
        return new Histogram(lo, hi, integers, true, values, 0, 1, 0);
      }
      double[] inRange = options.maxPointMasses() == 0 ? new double[0]
          : Arrays.stream(candidates).filter(v -> v >= lo && v <= hi).toArray();
      if (integers) {
        double span = hi - lo + 1;
        double width = Math.ceil(span / MODE_BINS);
        return new Histogram(lo, hi, true, false, inRange, lo - 0.5, width,
            (int) Math.ceil(span / width));
      }
      return new Histogram(lo, hi, false, false, inRange, lo, (hi - lo) / MODE_BINS, MODE_BINS);
    }

    /** Counts {@code count} rows of value {@code v}; a candidate may take its own point bin. */
    void add(double v, boolean candidate, long count) {
      if (count == 0) {
        return;
      }
      double x = Math.max(lo, Math.min(hi, v));
      if (discrete) {
        pointCounts[(int) Math.round(x - lo)] += count;
        return;
      }
      int at = candidate ? Arrays.binarySearch(pointValues, v) : -1;
      if (at >= 0) {
        pointCounts[at] += count;
      } else {
        binCounts[bin(x)] += count;
      }
    }

    int bin(double x) {
      return (int) Math.max(0, Math.min(binCounts.length - 1, Math.floor((x - edge) / width)));
    }

    double centre(int b) {
      return integers ? edge + 0.5 + b * width + (width - 1) / 2 : edge + (b + 0.5) * width;
    }

    double[] noisy(long[] counts, double sigma, NoiseSource noise) {
      double[] out = new double[counts.length];
      for (int i = 0; i < counts.length; i++) {
        out[i] = counts[i] + sigma * noise.gaussian();
      }
      return out;
    }

    ContinuousModes modes(double[] points, double[] bins, double noisyNulls, double sigma,
        boolean nullable, boolean narrowRange, EncodingOptions options) {
      double present = SINGLE_SIGMAS * sigma;
      // The plain sum is unbiased (clamping each bin at 0 would add the noise's positive half).
      double total = Math.max(0, Arrays.stream(points).sum() + Arrays.stream(bins).sum());
      List<Integer> selected = selectPoints(points, present, total, options);
      if (!discrete) {
        for (int p = 0; p < points.length; p++) {
          if (!selected.contains(p)) {
            bins[bin(pointValues[p])] += points[p];
          }
        }
      }
      double[] weights = resolve(bins, sigma);
      int nonEmpty = (int) Arrays.stream(weights).filter(w -> w > 0).count();
      if (selected.isEmpty() && nonEmpty == 0) {
        // Nothing clears the noise: one broad mode over the range stands in.
        return finish(new double[0], new double[0], new double[] {0.5 * (lo + hi)},
            new double[] {Math.max((hi - lo) / 4, floor(0.5 * (lo + hi)))}, new double[] {1},
            lo, hi, total, noisyNulls, nullable);
      }
      if (integers && width == 1 && options.maxPointMasses() > 0
          && nonEmpty + selected.size() <= options.maxPointMasses() + options.maxModes()) {
        return integerPoints(points, selected, weights, total, noisyNulls, nullable);
      }
      double mass = Arrays.stream(weights).sum();
      for (int p : selected) {
        mass += Math.max(0, points[p]);
      }
      double[] pv = new double[selected.size()];
      double[] shares = new double[selected.size()];
      for (int i = 0; i < pv.length; i++) {
        pv[i] = pointValues[selected.get(i)];
        // A lone point chosen as the largest of counts that are all noise may have no mass.
        shares[i] = mass > 0 ? Math.max(0, points[selected.get(i)]) / mass : 1.0 / pv.length;
      }
      double[] means = new double[0];
      double[] stds = new double[0];
      double[] mixWeights = new double[0];
      if (nonEmpty > 0) {
        double[] x = new double[nonEmpty];
        double[] w = new double[nonEmpty];
        int i = 0;
        for (int b = 0; b < bins.length; b++) {
          if (weights[b] > 0) {
            x[i] = centre(b);
            w[i++] = weights[b];
          }
        }
        double sheppard = width * width / 12;
        MixtureFit fit = nonEmpty == 1
            ? new MixtureFit(new double[] {1}, x, new double[] {0}, 0, true)
            : new BayesianGaussianMixture(Math.min(options.maxModes(), nonEmpty)).fit(x, w)
                .withoutLightComponents(options.minModeWeight());
        means = fit.means();
        mixWeights = fit.weights();
        stds = new double[means.length];
        for (int k = 0; k < stds.length; k++) {
          stds[k] = Math.max(Math.sqrt(fit.stds()[k] * fit.stds()[k] + sheppard),
              floor(means[k]));
        }
      }
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double v : pv) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      for (int k = 0; k < means.length; k++) {
        min = Math.min(min, means[k] - ContinuousColumnCodec.SIGMAS * stds[k]);
        max = Math.max(max, means[k] + ContinuousColumnCodec.SIGMAS * stds[k]);
      }
      if (!narrowRange) {
        min = lo;
        max = hi;
      }
      if (integers) {
        min = Math.floor(min);
        max = Math.ceil(max);
      }
      min = Math.max(lo, Math.min(min, hi));
      max = Math.min(hi, Math.max(max, min));
      return finish(pv, shares, means, stds, mixWeights, min, max, total, noisyNulls, nullable);
    }

    /**
     * All point modes, for an integer column whose noisy histogram shows few distinct integers
     * (as the non-private fit treats a column with few distinct integers): each integer bin with
     * mass and each selected candidate becomes a point, the range is theirs.
     */
    private ContinuousModes integerPoints(double[] points, List<Integer> selected,
        double[] weights, double total, double noisyNulls, boolean nullable) {
      TreeMap<Double, Double> mass = new TreeMap<>();
      for (int b = 0; b < weights.length; b++) {
        if (weights[b] > 0) {
          mass.merge(centre(b), weights[b], Double::sum);
        }
      }
      for (int p : selected) {
        mass.merge(pointValues[p], Math.max(0, points[p]), Double::sum);
      }
      double sum = mass.values().stream().mapToDouble(Double::doubleValue).sum();
      double[] values = mass.keySet().stream().mapToDouble(Double::doubleValue).toArray();
      double[] shares = mass.values().stream()
          .mapToDouble(m -> sum > 0 ? m / sum : 1.0 / mass.size()).toArray();
      double[] none = new double[0];
      return finish(values, shares, none, none, none, values[0], values[values.length - 1],
          total, noisyNulls, nullable);
    }

    /**
     * The candidates that become point modes: in a discrete column every integer whose noisy
     * count is present (the largest if none is); otherwise candidates with a large enough share,
     * the largest maxPointMasses. Ascending by value.
     */
    private List<Integer> selectPoints(double[] points, double present, double total,
        EncodingOptions options) {
      List<Integer> chosen = new ArrayList<>();
      double needed = discrete ? present : Math.max(present, options.pointMassMinShare() * total);
      for (int p = 0; p < points.length; p++) {
        if (points[p] >= needed) {
          chosen.add(p);
        }
      }
      if (discrete && chosen.isEmpty() && points.length > 0) {
        int best = 0;
        for (int p = 1; p < points.length; p++) {
          best = points[p] > points[best] ? p : best;
        }
        chosen.add(best);
      }
      if (!discrete && chosen.size() > options.maxPointMasses()) {
        chosen.sort((a, b) -> Double.compare(points[b], points[a]));
        chosen = new ArrayList<>(chosen.subList(0, options.maxPointMasses()));
      }
      chosen.sort(Integer::compare);
      return chosen;
    }

    private static ContinuousModes finish(double[] points, double[] shares, double[] means,
        double[] stds, double[] weights, double min, double max, double total, double nulls,
        boolean nullable) {
      double[] posteriors = new double[points.length];
      Arrays.fill(posteriors, 1);
      return new ContinuousModes(Math.round(total), Math.max(0, Math.round(nulls)), min, max,
          points, shares, posteriors, means, stds, weights, nullable);
    }

    /** The smallest standard deviation a mode keeps, so its scalar has finite resolution. */
    private static double floor(double mean) {
      return 1e-9 * Math.max(1, Math.abs(mean));
    }
  }
}
