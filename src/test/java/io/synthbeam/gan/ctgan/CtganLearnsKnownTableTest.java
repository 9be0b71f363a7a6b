package io.synthbeam.gan.ctgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.table.EncodingOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trainer learns a small table whose structure is known: two continuous columns drawn from a
 * 3-component Gaussian mixture, whose means a 4-level category shifts. Fixed seed; seconds to run.
 */
class CtganLearnsKnownTableTest {
  private static final String[] GROUPS = {"a", "b", "c", "d"};
  private static final double[] GROUP_SHARE = {0.4, 0.3, 0.2, 0.1};
  private static final double[] GROUP_SHIFT = {0, 3, -3, 6};
  private static final double[] MODE_MEAN = {-4, 0, 5};
  private static final double[] MODE_STD = {0.5, 1.0, 0.7};
  private static final double[] MODE_WEIGHT = {0.3, 0.5, 0.2};

  private static final Schema SCHEMA = SchemaBuilder.record("known").fields()
      .requiredString("group").requiredDouble("x").requiredDouble("y").endRecord();

  private static List<GenericRecord> real;
  private static List<GenericRecord> synthetic;

  @BeforeAll
  static void fit() {
    real = table(4000, new Random(7));
    // 1,000 steps of batch 500, sampling from the moving average of the generator's weights.
    CtganModel model = new CtganTrainer(CtganOptions.defaults().withEpochs(125).withBatchSize(500)
        .withGeneratorAverageDecay(0.99).withSeed(3))
        .fit(SCHEMA, real, EncodingOptions.defaults(), TrainingListener.NONE);
    synthetic = model.sample(4000, 11L, Map.of());
  }

  private static List<GenericRecord> table(int n, Random rnd) {
    List<GenericRecord> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int g = pick(GROUP_SHARE, rnd);
      GenericRecord r = new GenericData.Record(SCHEMA);
      r.put("group", GROUPS[g]);
      r.put("x", mixture(rnd) + GROUP_SHIFT[g]);
      r.put("y", 0.5 * mixture(rnd) - GROUP_SHIFT[g]);
      rows.add(r);
    }
    return rows;
  }

  private static double mixture(Random rnd) {
    int k = pick(MODE_WEIGHT, rnd);
    return MODE_MEAN[k] + MODE_STD[k] * rnd.nextGaussian();
  }

  private static int pick(double[] p, Random rnd) {
    double u = rnd.nextDouble();
    for (int i = 0; i < p.length - 1; i++) {
      u -= p[i];
      if (u < 0) {
        return i;
      }
    }
    return p.length - 1;
  }

  private static double[] column(List<GenericRecord> rows, String name, String group) {
    return rows.stream().filter(r -> group == null || r.get("group").toString().equals(group))
        .mapToDouble(r -> (Double) r.get(name)).toArray();
  }

  /** Two-sample Kolmogorov-Smirnov statistic. */
  static double ks(double[] a, double[] b) {
    double[] x = a.clone();
    double[] y = b.clone();
    Arrays.sort(x);
    Arrays.sort(y);
    int i = 0;
    int j = 0;
    double d = 0;
    while (i < x.length && j < y.length) {
      double v = Math.min(x[i], y[j]);
      while (i < x.length && x[i] <= v) {
        i++;
      }
      while (j < y.length && y[j] <= v) {
        j++;
      }
      d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
    }
    return d;
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).average().orElse(Double.NaN);
  }

  @Test
  void continuousMarginalsMatch() {
    for (String c : new String[] {"x", "y"}) {
      double d = ks(column(real, c, null), column(synthetic, c, null));
      assertTrue(d < 0.12, "KS of " + c + " = " + d);
    }
  }

  @Test
  void categoryFrequenciesMatch() {
    for (String g : GROUPS) {
      double realShare = column(real, "x", g).length / (double) real.size();
      double synShare = column(synthetic, "x", g).length / (double) synthetic.size();
      assertEquals(realShare, synShare, 0.04, "share of group " + g);
    }
  }

  /**
   * The groups' means differ by 3 to 9; a model that ignored the group would miss the means of
   * groups c and d by about 4.5 (in x and in y).
   */
  @Test
  void categoryShiftsTheMeans() {
    for (String g : GROUPS) {
      for (String c : new String[] {"x", "y"}) {
        double realMean = mean(column(real, c, g));
        double synMean = mean(column(synthetic, c, g));
        assertEquals(realMean, synMean, 2.0, "mean of " + c + " in group " + g);
      }
    }
  }

  @Test
  void ksHelperIsRight() {
    assertEquals(0.0, ks(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
    assertEquals(1.0, ks(new double[] {1, 2}, new double[] {5, 6}), 1e-12);
    assertEquals(0.5, ks(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6}), 1e-12);
  }
}
