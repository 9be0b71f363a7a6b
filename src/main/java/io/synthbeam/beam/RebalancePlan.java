package io.synthbeam.beam;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How many synthetic rows of each class to add so that the classes reach their target shares. Only
 * adds rows: classes without a target keep their count, and a class already above its target
 * share gets none.
 */
final class RebalancePlan {
  private RebalancePlan() {}

  /**
   * Rows to add per class (classes that get none are left out).
   *
   * <p>With G the classes that get rows, U the rows of all other classes and S the sum of G's
   * shares, the final table has T = U / (1 - S) rows and class c in G has share_c * T of them. G
   * starts as every class with a share; while some class of G already has more than
   * share_c * T rows, the one most above its share (largest count / share) leaves G and T is
   * solved again (T only grows as classes leave, so the others stay non-negative).
   *
   * @param counts real rows per class (every class of the table)
   * @param shares target share per class, each in (0, 1), summing to less than 1; every class
   *     must be in {@code counts}
   */
  static Map<String, Long> additions(Map<String, Long> counts, Map<String, Double> shares) {
    Set<String> growing = new HashSet<>(shares.keySet());
    double total;
    while (true) {
      long others = 0;
      double shareSum = 0;
      for (Map.Entry<String, Long> e : counts.entrySet()) {
        if (growing.contains(e.getKey())) {
          shareSum += shares.get(e.getKey());
        } else {
          others += e.getValue();
        }
      }
      total = others / (1 - shareSum);
      String mostAbove = null;
      double worstRatio = total;
      for (String c : growing) {
        double ratio = counts.get(c) / shares.get(c);
        if (ratio > worstRatio) {
          worstRatio = ratio;
          mostAbove = c;
        }
      }
      if (mostAbove == null) {
        break;
      }
      growing.remove(mostAbove);
    }
    Map<String, Long> add = new TreeMap<>();
    for (String c : growing) {
      long rows = Math.round(shares.get(c) * total) - counts.get(c);
      if (rows > 0) {
        add.put(c, rows);
      }
    }
    return add;
  }

  /** Rows to add so every class has as many rows as the largest one. */
  static Map<String, Long> balanced(Map<String, Long> counts) {
    long largest = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
    Map<String, Long> add = new TreeMap<>();
    counts.forEach((c, n) -> {
      if (n < largest) {
        add.put(c, largest - n);
      }
    });
    return add;
  }

  /** The class counts after adding rows, in the order of {@code counts}. */
  static Map<String, Long> after(Map<String, Long> counts, Map<String, Long> additions) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.forEach((c, n) -> out.put(c, n + additions.getOrDefault(c, 0L)));
    return out;
  }
}
