package io.synthbeam.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A standalone Flink session cluster for integration tests, run by {@code scripts/flink-cluster.sh}
 * in its own state folder on free ports: one JobManager and two TaskManagers with one slot each.
 */
final class LocalFlinkCluster {
  static final Path REPO = Path.of("").toAbsolutePath();

  private final Path state;
  private final int restPort;
  private final int rpcPort;

  /** A cluster (not started) keeping its state, logs and pids in {@code state}. */
  LocalFlinkCluster(Path state) throws IOException {
    this.state = state;
    this.restPort = freePort();
    this.rpcPort = freePort();
  }

  Path state() {
    return state;
  }

  int restPort() {
    return restPort;
  }

  /** The address to submit jobs to: {@code --flinkMaster} / {@code --flink-master}. */
  String master() {
    return "localhost:" + restPort;
  }

  /** Starts the cluster from the packaged project (no rebuild) and waits for both TaskManagers. */
  void start() throws IOException, InterruptedException {
    script("start", "--dir", state.toString(), "--rest-port", Integer.toString(restPort),
        "--rpc-port", Integer.toString(rpcPort), "--taskmanagers", "2", "--slots", "1",
        "--no-build");
  }

  void stop() throws IOException, InterruptedException {
    script("stop", "--dir", state.toString());
  }

  /** Runs the cluster script; its output goes to a file so no pipe ties us to the cluster JVMs. */
  private void script(String... args) throws IOException, InterruptedException {
    Files.createDirectories(state);
    Path log = state.resolve("script-" + args[0] + ".log");
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

  /** The pids the script recorded for processes whose name starts with {@code prefix}. */
  List<Long> pids(String prefix) throws IOException {
    Path dir = state.resolve("pids");
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

  /** The jobs of the JobManager's {@code /jobs/overview}. */
  JsonNode jobs() throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + restPort + "/jobs/overview"))
            .GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return new ObjectMapper().readTree(response.body()).path("jobs");
  }

  /**
   * Whether the process runs. An exited JVM stays a zombie until PID 1 reaps it, and {@link
   * ProcessHandle#isAlive} counts zombies as alive, so on Linux the state in /proc decides.
   */
  static boolean running(long pid) throws IOException {
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

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(path);
      }
    }
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
