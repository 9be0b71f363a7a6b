package io.synthbeam.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
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
  private static final Path REPO = Path.of("").toAbsolutePath();
  private static final Path STATE = REPO.resolve("target/flink-cluster-it");
  private static final long ELEMENTS = 1000;
  private static final int KEYS = 10;

  @Test
  void runsTheSmokeJobOnTheTaskManagersAndStopsCleanly() throws Exception {
    int restPort = freePort();
    int rpcPort = freePort();
    Path output = STATE.resolve("output");
    deleteRecursively(output);
    Files.createDirectories(STATE.resolve("staging"));
    List<Long> clusterPids = new ArrayList<>();
    try {
      script("start", "--dir", STATE.toString(), "--rest-port", Integer.toString(restPort),
          "--rpc-port", Integer.toString(rpcPort), "--taskmanagers", "2", "--slots", "1",
          "--no-build");
      clusterPids.addAll(recordedPids());
      assertEquals(3, clusterPids.size(), "pid files of the JobManager and 2 TaskManagers");
      Set<Long> taskManagerPids = new TreeSet<>(recordedTaskManagerPids());

      String jobName = "synthbeam-cluster-smoke-" + System.currentTimeMillis();
      // Directories are packaged into jars by Beam (under tempLocation): the fresh main classes
      // and the smoke job's test classes reach the TaskManagers' user-code class loader.
      PipelineResult.State state = ClusterSmokeJob.run(
          "--runner=FlinkRunner",
          "--flinkMaster=localhost:" + restPort,
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

      JsonNode job = jobNamed(restPort, jobName);
      assertEquals("FINISHED", job.path("state").asText(), "job state in /jobs/overview: " + job);
    } finally {
      script("stop", "--dir", STATE.toString());
    }
    for (long pid : clusterPids) {
      assertFalse(running(pid), "cluster process " + pid + " still running after stop");
    }
    assertTrue(recordedPids().isEmpty(), "pid files left after stop");
  }

  /** Runs the cluster script; its output goes to a file so no pipe ties us to the cluster JVMs. */
  private static void script(String... args) throws IOException, InterruptedException {
    Files.createDirectories(STATE);
    Path log = STATE.resolve("script-" + args[0] + ".log");
    List<String> command = new ArrayList<>(List.of("bash", "scripts/flink-cluster.sh"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(REPO.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroy();
      fail("scripts/flink-cluster.sh " + args[0] + " did not return; output in " + log);
    }
    if (process.exitValue() != 0) {
      fail("scripts/flink-cluster.sh " + String.join(" ", args) + " failed with status "
          + process.exitValue() + ":\n" + Files.readString(log));
    }
  }

  private static List<Long> recordedPids() throws IOException {
    return pidsMatching("");
  }

  private static List<Long> recordedTaskManagerPids() throws IOException {
    return pidsMatching("taskmanager-");
  }

  private static List<Long> pidsMatching(String prefix) throws IOException {
    Path dir = STATE.resolve("pids");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix))
          .filter(f -> f.getFileName().toString().endsWith(".pid"))
          .map(f -> Long.parseLong(readString(f).trim()))
          .toList();
    }
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

  private static JsonNode jobNamed(int restPort, String name) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + restPort + "/jobs/overview"))
            .GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    for (JsonNode job : new ObjectMapper().readTree(response.body()).path("jobs")) {
      if (name.equals(job.path("name").asText())) {
        return job;
      }
    }
    return fail("job " + name + " not in /jobs/overview: " + response.body());
  }

  /**
   * Whether the process runs. An exited JVM stays a zombie until PID 1 reaps it, and {@link
   * ProcessHandle#isAlive} counts zombies as alive, so on Linux the state in /proc decides.
   */
  private static boolean running(long pid) throws IOException {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    if (Files.isDirectory(Path.of("/proc/self"))) {
      if (!Files.exists(stat)) {
        return false;
      }
      String content;
      try {
        content = Files.readString(stat);
      } catch (IOException gone) {
        return false;
      }
      // Format: "pid (comm) S ...": the state follows the last ')'.
      return content.charAt(content.lastIndexOf(')') + 2) != 'Z';
    }
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(path);
      }
    }
  }
}
