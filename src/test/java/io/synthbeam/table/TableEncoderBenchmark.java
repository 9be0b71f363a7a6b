package io.synthbeam.table;

import io.synthbeam.table.mixture.BayesianGaussianMixture;
import io.synthbeam.table.mixture.MixtureFit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints timings of the table encoding (no assertions on time). Run with
 * {@code mvn -o -q -B test -Dtest=TableEncoderBenchmark -Dsurefire.excludedGroups=}.
 */
@Tag("benchmark")
class TableEncoderBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private static void report(String what, long wallStart, long cpuStart, long items) {
    double wall = (System.nanoTime() - wallStart) / 1e6;
    double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
    System.out.printf("%-44s wall %8.1f ms  cpu %8.1f ms  %s%n", what, wall, cpu,
        items > 0 ? String.format("%,.0f items/s (cpu)", items / (cpu / 1e3)) : "");
  }

  @Test
  void mixtureOn100kValues() {
    SplittableRandom rng = new SplittableRandom(1);
    double[] ones = new double[100_000];
    Arrays.fill(ones, 1);
    double[][] data = new double[3][100_000];
    for (int i = 0; i < ones.length; i++) {
      double u = rng.nextDouble();
      double g = TestTable.gaussian(rng);
      data[0][i] = u < 0.3 ? -5 + g : u < 0.8 ? 0.5 * g : 6 + 2 * g;
      data[1][i] = 10 + 3 * g;
      data[2][i] = Math.exp(12 + 0.5 * g);
    }
    String[] names = {"3 Gaussians", "1 Gaussian", "lognormal"};
    for (int rep = 0; rep < 3; rep++) {
      for (int d = 0; d < data.length; d++) {
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        MixtureFit fit = new BayesianGaussianMixture(10).fit(data[d], ones);
        report("mixture 100k x 10, " + names[d] + " -> " + fit.components() + " modes, "
            + fit.iterations() + " it", wall, cpu, 0);
      }
    }
  }

  @Test
  void fitEncodeDecode100kRows() {
    TestTable table = TestTable.mixed(100_000, 3, true);
    List<GenericRecord> records = table.records();
    EncodingOptions options = EncodingOptions.defaults()
        .withCategoricalColumns(Set.of("grade", "level"));
    TableEncoderFitter fitter = new TableEncoderFitter(TableSpec.fromSchema(table.schema(),
        options), options);
    TableEncoder encoder = null;
    for (int rep = 0; rep < 2; rep++) {
      long wall = System.nanoTime();
      long cpu = THREADS.getCurrentThreadCpuTime();
      encoder = fitter.fit(records);
      report("fit 100k rows (13 columns)", wall, cpu, records.size());
    }
    EncodedTable encoded = null;
    for (int rep = 0; rep < 3; rep++) {
      long wall = System.nanoTime();
      long cpu = THREADS.getCurrentThreadCpuTime();
      encoded = encoder.encodeAll(records, rep);
      report("encodeAll 100k rows, width " + encoder.width(), wall, cpu, records.size());
    }
    for (int rep = 0; rep < 5; rep++) {
      long wall = System.nanoTime();
      long cpu = THREADS.getCurrentThreadCpuTime();
      int nonNull = 0;
      for (int r = 0; r < encoded.rows(); r++) {
        nonNull += encoder.decode(encoded.data(), r * encoded.width()) != null ? 1 : 0;
      }
      report("decode 100k rows", wall, cpu, nonNull);
    }
  }
}
