package io.synthbeam.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Starts a real standalone Flink session cluster with {@code scripts/flink-cluster.sh} (one
 * JobManager and two TaskManagers, each its own JVM), submits {@link ClusterSmokeJob} to it through
 * the FlinkRunner, checks the job's output and the JobManager's record of the job, and stops the
 * cluster.
 *
 * <p>Tagged {@code cluster} (excluded from the default test run): it needs the packaged project
 * ({@code mvn -o -q -B -DskipTests package}) and about a minute.
 */
@Tag("cluster")
class StandaloneClusterIT {
  private static final Path REPO = LocalFlinkCluster.REPO;
  private static final Path STATE = REPO.resolve("target/flink-cluster-it");
  private static final long ELEMENTS = 1000;
  private static final int KEYS = 10;

  @Test
  void runsTheSmokeJobOnTheTaskManagersAndStopsCleanly() throws Exception {
    LocalFlinkCluster cluster = new LocalFlinkCluster(STATE);
    Path output = STATE.resolve("output");
    LocalFlinkCluster.deleteRecursively(output);
    Files.createDirectories(STATE.resolve("staging"));
    List<Long> clusterPids = new ArrayList<>();
    try {
      cluster.start();
      clusterPids.addAll(cluster.pids(""));
      assertEquals(3, clusterPids.size(), "pid files of the JobManager and 2 TaskManagers");
      Set<Long> taskManagerPids = new TreeSet<>(cluster.pids("taskmanager-"));

      String jobName = "synthbeam-cluster-smoke-" + System.currentTimeMillis();
      // Directories are packaged into jars by Beam (under tempLocation): the fresh main classes
      // and the smoke job's test classes reach the TaskManagers' user-code class loader.
      PipelineResult.State state = ClusterSmokeJob.run(
          "--runner=FlinkRunner",
          "--flinkMaster=" + cluster.master(),
          "--parallelism=2",
          "--filesToStage=" + REPO.resolve("target/classes") + ","
              + REPO.resolve("target/test-classes"),
          "--tempLocation=" + STATE.resolve("staging"),
          "--jobName=" + jobName,
          "--output=" + output,
          "--elements=" + ELEMENTS,
          "--keys=" + KEYS);
      assertEquals(PipelineResult.State.DONE, state);

      Map<Long, Long> counts = new TreeMap<>();
      for (String line : readShards(output, "counts-")) {
        String[] parts = line.split(",");
        assertEquals(null, counts.put(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
            "key written twice: " + line);
      }
      Map<Long, Long> expected = new TreeMap<>();
      for (long key = 0; key < KEYS; key++) {
        expected.put(key, ELEMENTS / KEYS);
      }
      assertEquals(expected, counts, "numbers 0.." + (ELEMENTS - 1) + " counted by n % " + KEYS);

      Set<Long> workerPids = new TreeSet<>();
      for (String line : readShards(output, "workers-")) {
        assertTrue(line.endsWith(" vector=true gemm=ok"), "worker without the Vector API or with a"
            + " wrong Gemm result: " + line);
        workerPids.add(Long.parseLong(line.substring("pid=".length(), line.indexOf(' '))));
      }
      assertEquals(taskManagerPids, workerPids, "both TaskManager JVMs, and only they, ran the DoFn");
      assertFalse(workerPids.contains(ProcessHandle.current().pid()), "work ran in the client");

      JsonNode job = jobNamed(cluster, jobName);
      assertEquals("FINISHED", job.path("state").asText(), "job state in /jobs/overview: " + job);
    } finally {
      cluster.stop();
    }
    for (long pid : clusterPids) {
      assertFalse(LocalFlinkCluster.running(pid), "cluster process " + pid
          + " still running after stop");
    }
    assertTrue(cluster.pids("").isEmpty(), "pid files left after stop");
  }

  private static List<String> readShards(Path dir, String prefix) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
        lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
    }
    assertFalse(lines.isEmpty(), "no " + prefix + "* output in " + dir);
    return lines;
  }

  private static JsonNode jobNamed(LocalFlinkCluster cluster, String name) throws Exception {
    JsonNode jobs = cluster.jobs();
    for (JsonNode job : jobs) {
      if (name.equals(job.path("name").asText())) {
        return job;
      }
    }
    return fail("job " + name + " not in /jobs/overview: " + jobs);
  }
}
