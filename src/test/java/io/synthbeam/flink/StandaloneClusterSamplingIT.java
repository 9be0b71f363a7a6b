package io.synthbeam.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthbeam.bundle.ModelBundle;
import io.synthbeam.gan.ctgan.CtganModel;
import io.synthbeam.gan.ctgan.CtganOptions;
import io.synthbeam.gan.ctgan.CtganTrainer;
import io.synthbeam.gan.ctgan.TrainingListener;
import io.synthbeam.io.Table;
import io.synthbeam.io.TableFiles;
import io.synthbeam.table.EncodingOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code synthbeam sample} with one seed gives the same rows on a standalone Flink cluster (one
 * JobManager, two TaskManager JVMs, started with {@code scripts/flink-cluster.sh}) as on the
 * DirectRunner: the same multiset of rows, whatever shard ran where.
 *
 * <p>Both runs go through the launcher, as a user types them ({@code ./synthbeam sample ...
 * --runner FlinkRunner --flink-master localhost:PORT}, which stages {@code target/synthbeam.jar}).
 * Tagged {@code cluster} (excluded from the default run); needs the packaged project
 * ({@code mvn -o -q -B -DskipTests package}) and 2-4 minutes.
 */
@Tag("cluster")
class StandaloneClusterSamplingIT {
  private static final Path STATE = LocalFlinkCluster.REPO.resolve(
      "target/flink-cluster-sampling-it");
  /** Three shards of SampleTable's default 10,000 rows, so both TaskManagers get some. */
  private static final int ROWS = 30_000;
  private static final String SEED = "7";

  @Test
  void theClusterSamplesTheRowsTheDirectRunnerSamples() throws Exception {
    LocalFlinkCluster.deleteRecursively(STATE);
    Files.createDirectories(STATE);
    Path bundle = fitSmallModel(STATE.resolve("adult-small.zip"));
    Path onDirect = STATE.resolve("direct.avro");
    Path onCluster = STATE.resolve("cluster.avro");
    synthbeam("direct", "sample", "-m", bundle.toString(), "-n", Integer.toString(ROWS),
        "--seed", SEED, "-o", onDirect.toString(), "--runner", "DirectRunner");

    LocalFlinkCluster cluster = new LocalFlinkCluster(STATE.resolve("cluster"));
    try {
      cluster.start();
      synthbeam("cluster", "sample", "-m", bundle.toString(), "-n", Integer.toString(ROWS),
          "--seed", SEED, "-o", onCluster.toString(), "--runner", "FlinkRunner",
          "--flink-master", cluster.master(), "--parallelism", "2");
      JsonNode jobs = cluster.jobs();
      assertEquals(1, jobs.size(), "one job on the cluster: " + jobs);
      assertEquals("FINISHED", jobs.get(0).path("state").asText(), jobs.toString());
    } finally {
      cluster.stop();
    }

    List<String> direct = sortedRows(onDirect);
    List<String> clustered = sortedRows(onCluster);
    assertEquals(ROWS, direct.size());
    assertTrue(new HashSet<>(direct).size() > ROWS / 2, "the rows are not mostly distinct");
    if (!direct.equals(clustered)) {
      fail("the cluster's " + clustered.size() + " rows differ from the DirectRunner's; first"
          + " differences:\n" + firstDifferences(direct, clustered));
    }
  }

  /** Two epochs on 3,000 Adult rows: a real bundle (encoder, generator, ONNX), fitted in seconds. */
  private static Path fitSmallModel(Path path) throws IOException {
    Table adult = TableFiles.read(LocalFlinkCluster.REPO.resolve("examples/adult/train.csv.gz"));
    CtganModel model = new CtganTrainer(CtganOptions.defaults().withEpochs(2).withBatchSize(500)
        .withSeed(3)).fit(adult.schema(), adult.records().subList(0, 3_000),
        EncodingOptions.defaults(), TrainingListener.NONE);
    ModelBundle.save(model, path);
    return path;
  }

  /** Runs {@code ./synthbeam args...}; fails with its output unless it exits with 0. */
  private static void synthbeam(String name, String... args)
      throws IOException, InterruptedException {
    Path log = STATE.resolve("synthbeam-" + name + ".log");
    List<String> command = new ArrayList<>(List.of("bash", "synthbeam"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(
        LocalFlinkCluster.REPO.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(Map.of("SYNTHBEAM_JAVA_OPTS", "-Xmx2g"));
    Process process = builder.start();
    if (!process.waitFor(600, TimeUnit.SECONDS)) {
      process.destroy();
      fail("synthbeam " + String.join(" ", args) + " did not finish; output in " + log);
    }
    if (process.exitValue() != 0) {
      fail("synthbeam " + String.join(" ", args) + " failed with status " + process.exitValue()
          + ":\n" + Files.readString(log));
    }
  }

  /** The file's records as JSON, sorted: a view that ignores row order. */
  private static List<String> sortedRows(Path avro) throws IOException {
    List<String> rows = new ArrayList<>();
    for (GenericRecord record : TableFiles.read(avro).records()) {
      rows.add(record.toString());
    }
    rows.sort(null);
    return rows;
  }

  private static String firstDifferences(List<String> expected, List<String> actual) {
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(new HashSet<>(actual));
    List<String> extra = new ArrayList<>(actual);
    extra.removeAll(new HashSet<>(expected));
    return "only on the DirectRunner (" + missing.size() + "): "
        + missing.subList(0, Math.min(3, missing.size())) + "\nonly on the cluster ("
        + extra.size() + "): " + extra.subList(0, Math.min(3, extra.size()));
  }
}
