package io.synthbeam.validation.privacy;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Exact nearest-neighbour distances in the mixed space of {@link MixedPoints}: a k-d tree whose
 * nodes split either a continuous dimension at its median or a categorical dimension into two
 * sets of categories. A query descends to its own cell first and then visits a sibling only when
 * the sibling's lower bound (Arya and Mount's incremental distance: per dimension the gap to the
 * splitting value, or 1 for a categorical dimension whose categories all differ from the
 * query's) is below the best distance so far. Since a category mismatch costs a whole 1 while
 * continuous gaps are fractions of the range, categorical dimensions are split first and the
 * search rarely leaves the query's categorical combination.
 */
public final class NearestNeighbourIndex {
  private static final int LEAF_SIZE = 8;
  /** Slack on the pruning test, so rounding in the incremental bound never prunes a closer point. */
  private static final double SLACK = 1e-9;

  private final MixedPoints points;
  /** Point indices, grouped by leaf. */
  private final int[] order;
  // Nodes, struct-of-arrays. dimension: -1 leaf; [0, continuous) numbers; then categories.
  private int[] dimension = new int[64];
  private double[] threshold = new double[64];
  private boolean[][] leftCategories = new boolean[64][];
  private int[] left = new int[64];
  private int[] right = new int[64];
  private int[] from = new int[64];
  private int[] to = new int[64];
  private int nodes;
  private final int maxCode;

  private NearestNeighbourIndex(MixedPoints points) {
    this.points = points;
    this.order = IntStream.range(0, points.size).toArray();
    this.maxCode = Arrays.stream(points.codes).max().orElse(0);
  }

  /** Builds the index over {@code points} (not copied; do not change them afterwards). */
  public static NearestNeighbourIndex build(MixedPoints points) {
    if (points.size == 0) {
      throw new IllegalArgumentException("cannot index an empty table");
    }
    NearestNeighbourIndex index = new NearestNeighbourIndex(points);
    index.split(0, points.size, new int[index.maxCode + 1], new SplittableRandom(7));
    return index;
  }

  /** Number of indexed points. */
  public int size() {
    return points.size;
  }

  /** The raw distance from point {@code row} of {@code queries} to its nearest indexed point. */
  public double nearest(MixedPoints queries, int row) {
    return new Search(queries, row).run();
  }

  /** {@link #nearest} of every query point, on {@code threads} threads. */
  public double[] nearestAll(MixedPoints queries, int threads) {
    double[] out = new double[queries.size];
    if (threads <= 1 || queries.size < 256) {
      for (int i = 0; i < out.length; i++) {
        out[i] = nearest(queries, i);
      }
      return out;
    }
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      pool.submit(() -> IntStream.range(0, out.length).parallel()
          .forEach(i -> out[i] = nearest(queries, i))).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while searching nearest neighbours", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("nearest-neighbour search failed: " + e.getCause(),
          e.getCause());
    } finally {
      pool.shutdown();
    }
    return out;
  }

  /** Builds the subtree over order[lo, hi) and returns its node number. */
  private int split(int lo, int hi, int[] counts, SplittableRandom random) {
    int node = newNode(lo, hi);
    if (hi - lo <= LEAF_SIZE) {
      return node;
    }
    int nc = points.continuous;
    int nk = points.categorical;
    // The widest continuous dimension, in scaled units.
    int bestDim = -1;
    double bestSpread = 0;
    for (int c = 0; c < nc; c++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = lo; i < hi; i++) {
        double v = points.numbers[order[i] * nc + c];
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      if (max - min > bestSpread) {
        bestSpread = max - min;
        bestDim = c;
      }
    }
    // A categorical dimension spreads 1 (a mismatch); among them the most even split wins.
    boolean[] bestSet = null;
    double bestBalance = -1;
    if (bestSpread <= 1) {
      for (int k = 0; k < nk; k++) {
        boolean[] set = balancedSet(lo, hi, k, counts);
        if (set == null) {
          continue;
        }
        int inLeft = 0;
        for (int i = lo; i < hi; i++) {
          inLeft += set[points.codes[order[i] * nk + k]] ? 1 : 0;
        }
        double balance = Math.min(inLeft, hi - lo - inLeft) / (double) (hi - lo);
        if (balance > bestBalance) {
          bestBalance = balance;
          bestSet = set;
          bestDim = nc + k;
        }
      }
    }
    if (bestDim < 0) {
      return node; // all points identical
    }
    int mid;
    if (bestDim >= nc) {
      int k = bestDim - nc;
      boolean[] set = bestSet;
      mid = partition(lo, hi, i -> set[points.codes[i * nk + k]]);
      leftCategories[node] = set;
    } else {
      int c = bestDim;
      int half = (lo + hi) >>> 1;
      select(lo, hi, half, c, random);
      double median = points.numbers[order[half] * nc + c];
      mid = partition(lo, hi, i -> points.numbers[i * nc + c] < median);
      if (mid == lo) { // the median is the minimum: put its ties on the left instead
        mid = partition(lo, hi, i -> points.numbers[i * nc + c] <= median);
      }
      threshold[node] = median;
    }
    dimension[node] = bestDim;
    int l = split(lo, mid, counts, random);
    int r = split(mid, hi, counts, random);
    left[node] = l;
    right[node] = r;
    return node;
  }

  /**
   * Categories of dimension {@code k} in order[lo, hi) split into two groups of similar size
   * (largest first, each to the lighter group); null when the node has a single category.
   */
  private boolean[] balancedSet(int lo, int hi, int k, int[] counts) {
    int nk = points.categorical;
    int distinct = 0;
    int[] seen = new int[Math.min(hi - lo, maxCode + 1)];
    for (int i = lo; i < hi; i++) {
      int code = points.codes[order[i] * nk + k];
      if (counts[code]++ == 0) {
        seen[distinct++] = code;
      }
    }
    boolean[] set = null;
    if (distinct >= 2) {
      Integer[] byCount = new Integer[distinct];
      for (int d = 0; d < distinct; d++) {
        byCount[d] = seen[d];
      }
      Arrays.sort(byCount, (a, b) -> Integer.compare(counts[b], counts[a]));
      set = new boolean[maxCode + 1];
      long leftWeight = 0;
      long rightWeight = 0;
      for (int d = 0; d < distinct; d++) {
        int code = byCount[d];
        if (leftWeight <= rightWeight) {
          set[code] = true;
          leftWeight += counts[code];
        } else {
          rightWeight += counts[code];
        }
      }
    }
    for (int d = 0; d < distinct; d++) {
      counts[seen[d]] = 0;
    }
    return set;
  }

  private interface PointTest {
    boolean goesLeft(int point);
  }

  /** Moves the points passing {@code test} to the front of order[lo, hi); returns the boundary. */
  private int partition(int lo, int hi, PointTest test) {
    int i = lo;
    int j = hi - 1;
    while (i <= j) {
      if (test.goesLeft(order[i])) {
        i++;
      } else {
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
        j--;
      }
    }
    return i;
  }

  /** Quickselect: order[kth] gets the point whose value in dimension c has rank kth - lo. */
  private void select(int lo, int hi, int kth, int c, SplittableRandom random) {
    int nc = points.continuous;
    int a = lo;
    int b = hi - 1;
    while (a < b) {
      double pivot = points.numbers[order[a + random.nextInt(b - a + 1)] * nc + c];
      int i = a;
      int j = b;
      while (i <= j) {
        while (points.numbers[order[i] * nc + c] < pivot) {
          i++;
        }
        while (points.numbers[order[j] * nc + c] > pivot) {
          j--;
        }
        if (i <= j) {
          int swap = order[i];
          order[i] = order[j];
          order[j] = swap;
          i++;
          j--;
        }
      }
      if (kth <= j) {
        b = j;
      } else if (kth >= i) {
        a = i;
      } else {
        return;
      }
    }
  }

  private int newNode(int lo, int hi) {
    if (nodes == dimension.length) {
      int size = nodes * 2;
      dimension = Arrays.copyOf(dimension, size);
      threshold = Arrays.copyOf(threshold, size);
      leftCategories = Arrays.copyOf(leftCategories, size);
      left = Arrays.copyOf(left, size);
      right = Arrays.copyOf(right, size);
      from = Arrays.copyOf(from, size);
      to = Arrays.copyOf(to, size);
    }
    dimension[nodes] = -1;
    from[nodes] = lo;
    to[nodes] = hi;
    return nodes++;
  }

  /** One query's state: the per-dimension lower-bound offsets and the best distance so far. */
  private final class Search {
    private final MixedPoints queries;
    private final int row;
    private final double[] offsets;
    private double best = Double.POSITIVE_INFINITY;

    Search(MixedPoints queries, int row) {
      this.queries = queries;
      this.row = row;
      this.offsets = new double[points.continuous + points.categorical];
    }

    double run() {
      visit(0, 0);
      return best;
    }

    private void visit(int node, double bound) {
      int dim = dimension[node];
      if (dim < 0) {
        scan(node);
        return;
      }
      int nc = points.continuous;
      int near;
      int far;
      double farOffset;
      if (dim >= nc) {
        int code = queries.codes[row * queries.categorical + dim - nc];
        boolean[] set = leftCategories[node];
        boolean inLeft = code < set.length && set[code];
        near = inLeft ? left[node] : right[node];
        far = inLeft ? right[node] : left[node];
        farOffset = 1;
      } else {
        double gap = queries.numbers[row * queries.continuous + dim] - threshold[node];
        near = gap < 0 ? left[node] : right[node];
        far = gap < 0 ? right[node] : left[node];
        farOffset = Math.abs(gap);
      }
      visit(near, bound);
      double old = offsets[dim];
      double farBound = bound - old + Math.max(old, farOffset);
      if (farBound < best + SLACK) {
        offsets[dim] = Math.max(old, farOffset);
        visit(far, farBound);
        offsets[dim] = old;
      }
    }

    private void scan(int node) {
      int nc = points.continuous;
      int nk = points.categorical;
      int qc = row * nc;
      int qk = row * nk;
      for (int i = from[node]; i < to[node]; i++) {
        int p = order[i];
        int mismatches = 0;
        for (int k = 0; k < nk; k++) {
          if (queries.codes[qk + k] != points.codes[p * nk + k]) {
            mismatches++;
          }
        }
        if (mismatches > best) {
          continue;
        }
        double sum = 0;
        for (int c = 0; c < nc; c++) {
          sum += Math.abs(queries.numbers[qc + c] - points.numbers[p * nc + c]);
        }
        double d = sum + mismatches;
        if (d < best) {
          best = d;
        }
      }
    }
  }
}
