package io.synthbeam.bench;

import io.synthbeam.io.Table;
import io.synthbeam.io.TableFiles;
import io.synthbeam.validation.ColumnTypesFile;
import io.synthbeam.validation.FrameSet;
import io.synthbeam.validation.GateResult;
import io.synthbeam.validation.QualityGates;
import io.synthbeam.validation.SyntheticValidator;
import io.synthbeam.validation.ValidationColumns;
import io.synthbeam.validation.ValidationOptions;
import io.synthbeam.validation.ValidationReport;
import io.synthbeam.validation.privacy.DistanceSpace;
import io.synthbeam.validation.privacy.MixedPoints;
import io.synthbeam.validation.privacy.NearestNeighbourIndex;
import io.synthbeam.validation.privacy.PrivacyFilter;
import io.synthbeam.validation.privacy.PrivacyMetrics;
import io.synthbeam.validation.report.HtmlReport;
import io.synthbeam.validation.report.ReportJson;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Seconds per stage of validating a synthetic table against a dataset folder laid out as
 * judge.py expects ({@code train.csv}, {@code test.csv}, {@code meta.json}): reading, fidelity,
 * utility, detection, privacy at judge.py's sample size and on every synthetic row, the privacy
 * filter, the reports; then nearest-neighbour queries per second of the index against a
 * brute-force scan.
 *
 * <p>Run: {@code java -Xmx8g -cp target/test-classes:target/classes:$(cat cp.txt)
 * io.synthbeam.bench.ValidationBenchmark DATASET_DIR SYNTHETIC.csv [threads]}.
 */
public final class ValidationBenchmark {
  private ValidationBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ValidationBenchmark DATASET_DIR SYNTHETIC.csv [threads]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    Path syntheticFile = Path.of(args[1]);
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    java.util.logging.Logger tribuo = java.util.logging.Logger.getLogger("org.tribuo");
    tribuo.setLevel(java.util.logging.Level.WARNING);
    ValidationOptions options = ValidationOptions.defaults().withThreads(threads);
    long start = System.nanoTime();

    Table train = timed("read train.csv", () -> read(dir.resolve("train.csv")));
    Table holdout = timed("read test.csv", () -> read(dir.resolve("test.csv")));
    Table synthetic = timed("read " + syntheticFile.getFileName(), () -> read(syntheticFile));
    ColumnTypesFile meta = ColumnTypesFile.read(dir.resolve("meta.json"));
    ValidationColumns columns = ValidationColumns.fromSchema(train.schema(), meta.kinds(),
        meta.target().orElseThrow());
    FrameSet frames = timed("columns (FrameSet)", () -> FrameSet.of(columns, train.records(),
        holdout.records(), synthetic.records()));
    System.out.printf(Locale.ROOT, "rows: %d train, %d holdout, %d synthetic; %d threads%n",
        frames.train().rows(), frames.holdout().rows(), frames.synthetic().rows(), threads);

    ValidationReport report = new SyntheticValidator(options).validate(frames);
    report.timings().forEach((stage, seconds) ->
        System.out.printf(Locale.ROOT, "%-36s %8.2f s%n", "validate: " + stage, seconds));
    GateResult gates = QualityGates.none().evaluate(report);
    timed("reports (JSON + HTML)", () -> ReportJson.toJson(report, gates).length()
        + HtmlReport.render(report, gates, Map.of(), null).length());
    timed("privacy on all synthetic rows", () -> PrivacyMetrics.compute(frames, 0, 5000, 1,
        threads));
    PrivacyFilter.Result filter = timed("privacy filter (q = 0.05)",
        () -> PrivacyFilter.apply(frames, 0.05, threads));
    System.out.printf(Locale.ROOT, "total %.1f s%n%n", (System.nanoTime() - start) / 1e9);
    System.out.printf(Locale.ROOT, "shapes %.4f pairs %.4f quality %.4f tstr %.4f trtr %.4f "
        + "utility %.4f detect_auc %.4f dcr_share %.4f exact_copy %.4f holdout_copy %.4f "
        + "membership_auc %.4f; filter dropped %d%n%n", report.fidelity().shapes(),
        report.fidelity().pairTrends(), report.fidelity().quality(), report.utility().tstr(),
        report.utility().trtr(), report.utility().utility(), report.detectAuc(),
        report.privacy().dcrShare(), report.privacy().exactCopy(),
        report.privacy().holdoutCopy(), report.privacy().membershipAuc(), filter.dropped());

    nearestNeighbourSpeed(frames, threads);
  }

  /** Queries per second of the index and of a brute-force scan (on a slice of the queries). */
  private static void nearestNeighbourSpeed(FrameSet frames, int threads) {
    DistanceSpace space = DistanceSpace.fit(frames.columns(), frames.train());
    MixedPoints train = space.points(frames.train());
    MixedPoints queries = space.points(frames.synthetic());
    long t0 = System.nanoTime();
    NearestNeighbourIndex index = NearestNeighbourIndex.build(train);
    double build = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    index.nearestAll(queries, threads);
    double indexed = (System.nanoTime() - t1) / 1e9;
    int slice = Math.min(500, queries.size());
    long t2 = System.nanoTime();
    for (int q = 0; q < slice; q++) {
      double best = Double.POSITIVE_INFINITY;
      for (int p = 0; p < train.size(); p++) {
        best = Math.min(best, queries.distance(q, train, p));
      }
    }
    double brute = (System.nanoTime() - t2) / 1e9 / slice;
    System.out.printf(Locale.ROOT, "nearest neighbours among %d training rows: build %.2f s; "
        + "%d queries in %.2f s (%.0f/s on %d threads); brute force %.0f queries/s on one "
        + "thread (%.0f s for all)%n", train.size(), build, queries.size(), indexed,
        queries.size() / indexed, threads, 1 / brute, brute * queries.size());
  }

  private static Table read(Path path) {
    try {
      return TableFiles.read(path);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static <T> T timed(String stage, Supplier<T> work) {
    long start = System.nanoTime();
    T result = work.get();
    System.out.printf(Locale.ROOT, "%-36s %8.2f s%n", stage, (System.nanoTime() - start) / 1e9);
    return result;
  }
}
