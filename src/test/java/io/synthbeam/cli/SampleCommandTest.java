package io.synthbeam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.onnx.ExecutionDevice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCommandTest {
  @TempDir Path dir;
  private final FakeBackend backend = new FakeBackend();
  private Path model;

  @BeforeEach
  void setUp() throws IOException {
    model = Files.writeString(dir.resolve("adult.zip"), "fake model");
  }

  @Test
  void passesEveryOptionToTheJob() {
    Path output = dir.resolve("out/synthetic.csv");
    CliRun run = CliRun.of(backend, "sample", "--model", model.toString(), "--rows", "2",
        "--output", output.toString(), "--seed", "7", "--condition", "income=>50K",
        "--condition", "sex=Female", "--device", "cpu", "--runner", "FlinkRunner",
        "--parallelism", "4");

    assertEquals(0, run.code(), run.toString());
    Jobs.Sample job = backend.sampleJob;
    assertEquals(model, job.model());
    assertEquals(2, job.rows());
    assertEquals(7L, job.seed());
    assertEquals(Map.of("income", ">50K", "sex", "Female"), job.conditions());
    assertEquals(ExecutionDevice.CPU, job.device());
    assertEquals(output, job.output());
    assertEquals(4, job.pipeline().as(FlinkPipelineOptions.class).getParallelism());
    assertTrue(run.err().startsWith("wrote 2 rows to " + output + " in "), run.err());
    assertEquals("", run.out());
  }

  @Test
  void seedDefaultsToOneAndShortNamesWork() {
    Path output = dir.resolve("s.avro");
    CliRun run = CliRun.of(backend, "sample", "-m", model.toString(), "-n", "2",
        "-o", output.toString());
    assertEquals(0, run.code(), run.toString());
    assertEquals(1L, backend.sampleJob.seed());
    assertEquals(Map.of(), backend.sampleJob.conditions());
    assertEquals(ExecutionDevice.AUTO, backend.sampleJob.device());
    // Sampling is record-parallel: two DirectRunner threads.
    assertEquals(2, backend.sampleJob.pipeline().as(DirectOptions.class).getTargetParallelism());
  }

  @Test
  void usageErrors() {
    String out = dir.resolve("o.csv").toString();
    assertUsageError(CliRun.of(backend, "sample", "-m", model.toString(), "-n", "0", "-o", out),
        "--rows must be at least 1, not 0");
    assertUsageError(CliRun.of(backend, "sample", "-m", model.toString(), "-n", "x", "-o", out),
        "Invalid value for option '--rows': 'x' is not a long");
    assertUsageError(CliRun.of(backend, "sample", "-m", dir.resolve("no.zip").toString(),
        "-n", "5", "-o", out), "--model: file not found: " + dir.resolve("no.zip"));
    assertUsageError(CliRun.of(backend, "sample", "-m", model.toString(), "-n", "5",
        "-o", dir.resolve("o.txt").toString()), "--output: cannot tell the format of");
    assertUsageError(CliRun.of(backend, "sample", "-m", model.toString(), "-o", out),
        "Missing required option: '--rows=N'");
    assertUsageError(CliRun.of(backend, "sample", "-m", model.toString(), "-n", "5", "-o", out,
        "--condition", "income"), "should be in KEY=VALUE format");
    assertNull(backend.sampleJob, "the model is never loaded");
    assertFalse(Files.exists(Path.of(out)));
  }

  @Test
  void modelLoadFailureIsOneLineAndWritesNothing() {
    backend.failure = new IOException(model + " is not a SynthBeam model bundle");
    Path output = dir.resolve("o.csv");
    CliRun run = CliRun.of(backend, "sample", "-m", model.toString(), "-n", "5",
        "-o", output.toString());
    assertEquals(1, run.code(), run.toString());
    assertEquals("synthbeam sample: " + model + " is not a SynthBeam model bundle",
        run.err().strip());
    assertFalse(Files.exists(output));
  }

  private static void assertUsageError(CliRun run, String message) {
    assertEquals(2, run.code(), run.toString());
    assertTrue(run.errLines()[0].startsWith("synthbeam sample: "), run.toString());
    assertTrue(run.errLines()[0].contains(message), run.toString());
  }
}
