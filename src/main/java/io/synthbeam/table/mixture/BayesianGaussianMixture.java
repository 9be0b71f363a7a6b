package io.synthbeam.table.mixture;

import static io.synthbeam.table.mixture.SpecialFunctions.digamma;
import static io.synthbeam.table.mixture.SpecialFunctions.logBeta;
import static io.synthbeam.table.mixture.SpecialFunctions.logGamma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Variational Bayesian Gaussian mixture for weighted 1-D data: Bishop, PRML section 10.2
 * (conjugate Normal-Gamma prior on each component's mean and precision, the 1-D Normal-Wishart),
 * with the truncated stick-breaking (Dirichlet-process) weight prior of Blei and Jordan 2006.
 *
 * <p>The data are standardised first, so the priors (mean 0, precision scale 1, one degree of
 * freedom, prior variance 1) and the variance floor are scale-free. Initialisation is a weighted
 * 1-D k-means from quantile centres, so the fit is deterministic without a seed. Coordinate ascent
 * runs until the ELBO changes by less than the tolerance per unit of weight, or the iteration cap.
 *
 * <p>A small weight concentration (CTGAN uses 0.001) makes every component cost ELBO, but
 * coordinate ascent from a k-means start keeps all of them (splitting one Gaussian into several
 * is a local optimum). So after a rough convergence, adjacent components are tentatively merged,
 * most overlapping pair first, refined for a few iterations, and a merge is kept when the ELBO
 * rises; this is what lets unneeded components go (merge moves as in Ueda et al. 2000 and Hughes
 * and Sudderth 2013). When no merge helps, the fit is polished to the tolerance.
 *
 * <p>For speed, runs of consecutive sorted values (each holding at most 1/{@value #GROUP_TARGET}
 * of the weight and spanning at most {@value #GROUP_MAX_SPAN} standard deviations) share one
 * responsibility vector; their exact first and second moments are kept, so the result is still a
 * proper ELBO, under the constraint that a group's members share their assignment.
 */
public final class BayesianGaussianMixture {
  public static final double DEFAULT_WEIGHT_CONCENTRATION = 1e-3;
  public static final int DEFAULT_MAX_ITERATIONS = 200;
  public static final double DEFAULT_TOLERANCE = 1e-5;

  /** Added to each component's variance, in standardised units (as sklearn's reg_covar). */
  private static final double VARIANCE_FLOOR = 1e-6;
  /** Components with less than this share of the total weight are dead and pruned. */
  private static final double PRUNE_SHARE = 1e-6;
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  private static final int KMEANS_ITERATIONS = 30;
  /** Iterations a merged candidate gets to beat the current ELBO. */
  private static final int MERGE_REFINE_ITERATIONS = 10;
  /** Convergence tolerance (per unit of weight) between merge attempts. */
  private static final double ROUGH_TOLERANCE = 1e-4;
  static final int GROUP_TARGET = 4096;
  static final double GROUP_MAX_SPAN = 0.01;

  // Priors, in standardised units.
  private static final double PRIOR_MEAN = 0;
  private static final double PRIOR_BETA = 1;
  private static final double PRIOR_DOF = 1;
  private static final double PRIOR_INV_SCALE = 1;

  private final int maxComponents;
  private final double weightConcentration;
  private final int maxIterations;
  private final double tolerance;

  public BayesianGaussianMixture(int maxComponents) {
    this(maxComponents, DEFAULT_WEIGHT_CONCENTRATION, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE);
  }

  /**
   * @param maxIterations cap on coordinate-ascent iterations per convergence run (the fit runs one,
   *     plus one after each accepted merge)
   * @param tolerance convergence threshold on the ELBO change per unit of weight
   */
  public BayesianGaussianMixture(int maxComponents, double weightConcentration,
      int maxIterations, double tolerance) {
    if (maxComponents < 1 || !(weightConcentration > 0) || maxIterations < 1
        || !(tolerance > 0)) {
      throw new IllegalArgumentException("bad mixture settings: components " + maxComponents
          + ", concentration " + weightConcentration + ", iterations " + maxIterations
          + ", tolerance " + tolerance);
    }
    this.maxComponents = maxComponents;
    this.weightConcentration = weightConcentration;
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
  }

  /**
   * Fits the mixture.
   *
   * @param values finite data values (any order; ascending saves a sort)
   * @param weights non-negative weight of each value (e.g. its count), not all zero
   */
  public MixtureFit fit(double[] values, double[] weights) {
    if (values.length != weights.length || values.length == 0) {
      throw new IllegalArgumentException("need as many weights as values, and at least one value");
    }
    double[][] sorted = sortedByValue(values, weights);
    double[] x = sorted[0];
    double[] w = sorted[1];
    double total = 0;
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !(w[i] >= 0) || !Double.isFinite(w[i])) {
        throw new IllegalArgumentException("mixture data must be finite with weights >= 0, got "
            + x[i] + " with weight " + w[i]);
      }
      total += w[i];
      sum += w[i] * x[i];
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("mixture weights are all zero");
    }
    double mean = sum / total;
    double squares = 0;
    for (int i = 0; i < x.length; i++) {
      squares += w[i] * (x[i] - mean) * (x[i] - mean);
    }
    double scale = Math.sqrt(squares / total);
    if (!(scale > 0)) {
      scale = 1;
    }
    Data data = Data.grouped(x, w, mean, scale, total);

    Components current = initialise(data, Math.min(maxComponents, data.size()));
    int[] iterations = {0};
    // Merge decisions need only a rough optimum; the final state is polished to the tolerance.
    double rough = Math.max(tolerance, ROUGH_TOLERANCE);
    double elbo = converge(current, data, rough, iterations);
    boolean merged = true;
    while (merged && current.k > 1) {
      merged = false;
      for (int[] pair : mergeCandidates(current)) {
        Components candidate = current.copy();
        candidate.merge(pair[0], pair[1]);
        double candidateElbo = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < MERGE_REFINE_ITERATIONS && !(candidateElbo > elbo); r++) {
          candidateElbo = candidate.iterate(data);
          iterations[0]++;
        }
        if (candidateElbo > elbo) {
          current = candidate;
          elbo = converge(current, data, rough, iterations);
          merged = true;
          break;
        }
      }
    }
    int before = iterations[0];
    converge(current, data, tolerance, iterations);
    boolean converged = iterations[0] - before < maxIterations;
    current.prune(PRUNE_SHARE * total);
    current.updateParameters();
    return current.result(mean, scale, iterations[0], converged);
  }

  /** Coordinate ascent until the ELBO settles; returns the last ELBO. */
  private double converge(Components c, Data data, double tol, int[] iterations) {
    double previous = Double.NaN;
    for (int i = 0; i < maxIterations; i++) {
      double elbo = c.iterate(data);
      iterations[0]++;
      if (Math.abs(elbo - previous) < tol * data.total) {
        return elbo;
      }
      previous = elbo;
    }
    return previous;
  }

  /** Pairs of components adjacent in mean, least separated first. */
  private static List<int[]> mergeCandidates(Components c) {
    Integer[] order = new Integer[c.k];
    double[] means = new double[c.k];
    double[] vars = new double[c.k];
    for (int j = 0; j < c.k; j++) {
      order[j] = j;
      means[j] = c.sx[j] / c.n[j];
      vars[j] = Math.max(c.sxx[j] / c.n[j] - means[j] * means[j], 0) + VARIANCE_FLOOR;
    }
    Arrays.sort(order, Comparator.comparingDouble(j -> means[j]));
    List<int[]> pairs = new ArrayList<>();
    List<Double> separation = new ArrayList<>();
    for (int q = 0; q + 1 < c.k; q++) {
      int j = order[q];
      int l = order[q + 1];
      pairs.add(new int[] {Math.min(j, l), Math.max(j, l)});
      separation.add(Math.abs(means[l] - means[j]) / Math.sqrt(vars[j] + vars[l]));
    }
    Integer[] byOverlap = IntStream.range(0, pairs.size()).boxed().toArray(Integer[]::new);
    Arrays.sort(byOverlap, Comparator.comparingDouble(separation::get));
    List<int[]> result = new ArrayList<>();
    for (int q : byOverlap) {
      result.add(pairs.get(q));
    }
    return result;
  }

  private static double[][] sortedByValue(double[] values, double[] weights) {
    boolean ascending = true;
    for (int i = 1; i < values.length && ascending; i++) {
      ascending = values[i - 1] <= values[i];
    }
    if (ascending) {
      return new double[][] {values, weights};
    }
    int[] order = IntStream.range(0, values.length).boxed()
        .sorted(Comparator.comparingDouble(i -> values[i])).mapToInt(Integer::intValue).toArray();
    double[] x = new double[values.length];
    double[] w = new double[values.length];
    for (int i = 0; i < order.length; i++) {
      x[i] = values[order[i]];
      w[i] = weights[order[i]];
    }
    return new double[][] {x, w};
  }

  /** Weighted 1-D k-means from quantile centres, giving hard-assignment statistics. */
  private Components initialise(Data data, int k) {
    double[] z = data.z;
    double[] w = data.w;
    double[] centres = new double[k];
    int i = 0;
    double cumulative = 0;
    for (int j = 0; j < k; j++) {
      double target = (j + 0.5) / k * data.total;
      while (i < z.length - 1 && cumulative + w[i] < target) {
        cumulative += w[i];
        i++;
      }
      centres[j] = z[i];
    }
    Components c = new Components(k);
    for (int round = 0; round < KMEANS_ITERATIONS; round++) {
      c.clearStatistics();
      int j = 0;
      for (int p = 0; p < z.length; p++) {
        // Data and centres are ascending, so the nearest centre only moves right.
        while (j < k - 1 && Math.abs(z[p] - centres[j + 1]) < Math.abs(z[p] - centres[j])) {
          j++;
        }
        c.n[j] += w[p];
        c.sx[j] += w[p] * z[p];
        c.sxx[j] += w[p] * (z[p] * z[p] + data.spread[p]);
      }
      boolean moved = false;
      for (int q = 0; q < k; q++) {
        if (c.n[q] > 0) {
          double centre = c.sx[q] / c.n[q];
          moved |= centre != centres[q];
          centres[q] = centre;
        }
      }
      // An empty cluster keeps its old centre, which can break the ascending order.
      Arrays.sort(centres);
      if (!moved) {
        break;
      }
    }
    c.prune(PRUNE_SHARE * data.total);
    return c;
  }

  /**
   * Standardised data as groups of consecutive sorted values: weight, mean and within-group
   * variance.
   */
  private record Data(double[] z, double[] w, double[] spread, double total) {
    int size() {
      return z.length;
    }

    static Data grouped(double[] x, double[] w, double mean, double scale, double total) {
      int n = x.length;
      double perGroup = total / GROUP_TARGET;
      double[] gz = new double[Math.min(n, GROUP_TARGET * 4)];
      double[] gw = new double[gz.length];
      double[] gs = new double[gz.length];
      int groups = 0;
      int i = 0;
      while (i < n) {
        double first = (x[i] - mean) / scale;
        double weight = 0;
        double sumZ = 0;
        double sumZz = 0;
        // Take at least one value; add more while the group is light and narrow.
        do {
          double z = (x[i] - mean) / scale;
          weight += w[i];
          sumZ += w[i] * z;
          sumZz += w[i] * z * z;
          i++;
        } while (i < n && weight + w[i] <= perGroup
            && (x[i] - mean) / scale - first <= GROUP_MAX_SPAN);
        if (!(weight > 0)) {
          continue;
        }
        if (groups == gz.length) {
          gz = Arrays.copyOf(gz, groups * 2);
          gw = Arrays.copyOf(gw, groups * 2);
          gs = Arrays.copyOf(gs, groups * 2);
        }
        double groupMean = sumZ / weight;
        gz[groups] = groupMean;
        gw[groups] = weight;
        gs[groups] = Math.max(sumZz / weight - groupMean * groupMean, 0);
        groups++;
      }
      return new Data(Arrays.copyOf(gz, groups), Arrays.copyOf(gw, groups),
          Arrays.copyOf(gs, groups), total);
    }
  }

  /** Sufficient statistics and variational parameters of the live components. */
  private final class Components {
    int k;
    final double[] n;
    final double[] sx;
    final double[] sxx;
    // Variational parameters.
    final double[] beta;
    final double[] mean;
    final double[] invScale;
    final double[] dof;
    final double[] stickA;
    final double[] stickB;
    // Per-component constants of the E-step: log rho = a + b ((z - mean)^2 + spread).
    final double[] a;
    final double[] b;
    final double[] rho;
    double divergence;

    Components(int k) {
      this.k = k;
      n = new double[k];
      sx = new double[k];
      sxx = new double[k];
      beta = new double[k];
      mean = new double[k];
      invScale = new double[k];
      dof = new double[k];
      stickA = new double[k];
      stickB = new double[k];
      a = new double[k];
      b = new double[k];
      rho = new double[k];
    }

    Components copy() {
      Components c = new Components(k);
      System.arraycopy(n, 0, c.n, 0, k);
      System.arraycopy(sx, 0, c.sx, 0, k);
      System.arraycopy(sxx, 0, c.sxx, 0, k);
      return c;
    }

    void clearStatistics() {
      Arrays.fill(n, 0);
      Arrays.fill(sx, 0);
      Arrays.fill(sxx, 0);
    }

    /** Pools component {@code l}'s statistics into {@code j < l} and removes {@code l}. */
    void merge(int j, int l) {
      n[j] += n[l];
      sx[j] += sx[l];
      sxx[j] += sxx[l];
      n[l] = -1;
      prune(0);
    }

    /** One M-step then one E-step; returns the ELBO of the resulting state. */
    double iterate(Data data) {
      prune(PRUNE_SHARE * data.total);
      updateParameters();
      return expectation(data) - divergence;
    }

    /** Removes dead components (keeping at least the heaviest), preserving order. */
    void prune(double minMass) {
      int heaviest = 0;
      for (int j = 1; j < k; j++) {
        if (n[j] > n[heaviest]) {
          heaviest = j;
        }
      }
      int live = 0;
      for (int j = 0; j < k; j++) {
        if (n[j] >= minMass || j == heaviest) {
          n[live] = n[j];
          sx[live] = sx[j];
          sxx[live] = sxx[j];
          live++;
        }
      }
      k = live;
    }

    /**
     * The variational M-step (PRML 10.58-10.63, and Beta posteriors of the sticks), plus the KL
     * divergence of the parameters' posterior from their prior, for the ELBO.
     */
    void updateParameters() {
      double after = 0;
      for (int j = k - 1; j >= 0; j--) {
        stickA[j] = 1 + n[j];
        stickB[j] = weightConcentration + after;
        after += n[j];
      }
      double logRemaining = 0;
      double kl = 0;
      double priorShape = PRIOR_DOF / 2;
      double priorRate = PRIOR_INV_SCALE / 2;
      for (int j = 0; j < k; j++) {
        double nj = n[j] + 1e-10;
        double xbar = sx[j] / nj;
        double spread = Math.max(sxx[j] / nj - xbar * xbar, 0) + VARIANCE_FLOOR;
        beta[j] = PRIOR_BETA + nj;
        mean[j] = (PRIOR_BETA * PRIOR_MEAN + nj * xbar) / beta[j];
        double offset = xbar - PRIOR_MEAN;
        invScale[j] = PRIOR_INV_SCALE + nj * spread
            + PRIOR_BETA * nj / (PRIOR_BETA + nj) * offset * offset;
        dof[j] = PRIOR_DOF + nj;

        double digammaSum = digamma(stickA[j] + stickB[j]);
        double digammaA = digamma(stickA[j]);
        double digammaB = digamma(stickB[j]);
        double expectedLogWeight = digammaA - digammaSum + logRemaining;
        logRemaining += digammaB - digammaSum;
        // The precision is Gamma(shape dof/2, rate invScale/2).
        double shape = dof[j] / 2;
        double rate = invScale[j] / 2;
        double digammaShape = digamma(shape);
        double expectedLogPrecision = digammaShape - Math.log(rate);
        double expectedPrecision = shape / rate;
        a[j] = expectedLogWeight + 0.5 * expectedLogPrecision - 0.5 * LOG_2PI - 0.5 / beta[j];
        b[j] = -0.5 * expectedPrecision;

        // KL(q || prior) of the stick, the mean given the precision, and the precision.
        kl += logBeta(1, weightConcentration) - logBeta(stickA[j], stickB[j])
            + (stickA[j] - 1) * digammaA + (stickB[j] - weightConcentration) * digammaB
            + (1 + weightConcentration - stickA[j] - stickB[j]) * digammaSum;
        double meanOffset = mean[j] - PRIOR_MEAN;
        kl += 0.5 * (Math.log(beta[j] / PRIOR_BETA) + PRIOR_BETA / beta[j] - 1
            + PRIOR_BETA * meanOffset * meanOffset * expectedPrecision);
        kl += (shape - priorShape) * digammaShape - logGamma(shape) + logGamma(priorShape)
            + priorShape * (Math.log(rate) - Math.log(priorRate)) + shape * (priorRate - rate) / rate;
      }
      divergence = kl;
    }

    /**
     * The variational E-step (PRML 10.64-10.67): accumulates the responsibility-weighted
     * statistics and returns the weighted sum of the log-normalisers (the data part of the ELBO).
     */
    double expectation(Data data) {
      double[] z = data.z;
      double[] w = data.w;
      double[] within = data.spread;
      clearStatistics();
      double logNormalisers = 0;
      for (int i = 0; i < z.length; i++) {
        double zi = z[i];
        double si = within[i];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
          double d = zi - mean[j];
          double r = a[j] + b[j] * (d * d + si);
          rho[j] = r;
          if (r > max) {
            max = r;
          }
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
          double e = rho[j] - max;
          double r = e < -40 ? 0 : Math.exp(e);
          rho[j] = r;
          sum += r;
        }
        logNormalisers += w[i] * (max + Math.log(sum));
        double scale = w[i] / sum;
        double second = zi * zi + si;
        for (int j = 0; j < k; j++) {
          if (rho[j] > 0) {
            double r = rho[j] * scale;
            n[j] += r;
            sx[j] += r * zi;
            sxx[j] += r * second;
          }
        }
      }
      return logNormalisers;
    }

    MixtureFit result(double dataMean, double dataScale, int iterations, boolean converged) {
      double[] weights = new double[k];
      double remaining = 1;
      double total = 0;
      for (int j = 0; j < k; j++) {
        double stick = stickA[j] / (stickA[j] + stickB[j]);
        weights[j] = remaining * stick;
        remaining *= 1 - stick;
        total += weights[j];
      }
      Integer[] order = new Integer[k];
      for (int j = 0; j < k; j++) {
        order[j] = j;
      }
      Arrays.sort(order, Comparator.comparingDouble(j -> mean[j]));
      double[] w = new double[k];
      double[] m = new double[k];
      double[] s = new double[k];
      for (int q = 0; q < k; q++) {
        int j = order[q];
        w[q] = weights[j] / total;
        m[q] = dataMean + dataScale * mean[j];
        s[q] = dataScale * Math.sqrt(invScale[j] / dof[j]);
      }
      return new MixtureFit(w, m, s, iterations, converged);
    }
  }
}
