package io.synthbeam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthesize and rebalance commands' wiring, with the fake backend. */
class SynthesizeAndRebalanceCommandTest {
  @TempDir Path dir;
  private final FakeBackend backend = new FakeBackend();
  private Path input;
  private Path output;

  @BeforeEach
  void writeInput() throws IOException {
    input = Files.writeString(dir.resolve("claims.csv"), """
        amount,claim-kind,fraud
        10.5,car,false
        99.0,home,true
        12.0,car,false
        """);
    output = dir.resolve("out/result.parquet");
  }

  @Test
  void synthesizePassesItsOptions() {
    Path model = dir.resolve("m.zip");
    CliRun run = CliRun.of(backend, "synthesize", "-i", input.toString(), "-o", output.toString(),
        "--rows", "50", "--model", model.toString(), "--epochs", "4", "--exclude", "amount",
        "--condition", "claim-kind=car");
    assertEquals(0, run.code(), run.toString());
    Jobs.Synthesize job = backend.synthesizeJob;
    assertEquals(50L, job.rows());
    assertEquals(model, job.model());
    assertEquals(output, job.output());
    assertEquals(4, job.options().ctgan().epochs());
    assertEquals(Set.of("amount"), job.options().encoding().excludedColumns());
    assertEquals(Map.of("claim-kind", "car"), job.conditions(),
        "column names are mapped when the pipeline is built");
    assertEquals("synthesizing " + input + " (3 columns) with the DirectRunner",
        run.errLines()[0]);
    String last = run.errLines()[run.errLines().length - 1];
    assertTrue(last.startsWith("wrote 50 synthetic rows to " + output + " in "), last);
    assertTrue(last.endsWith("; model saved to " + model), last);
  }

  @Test
  void synthesizeRowsDefaultToTheInputsCount() {
    CliRun run = CliRun.of(backend, "synthesize", "-i", input.toString(), "-o", output.toString(),
        "-q");
    assertEquals(0, run.code(), run.toString());
    assertNull(backend.synthesizeJob.rows());
    assertNull(backend.synthesizeJob.model());
    assertTrue(run.err().startsWith("wrote 3 synthetic rows to "), run.err());
  }

  @Test
  void rebalancePassesSharesAndPrintsTheCountsBeforeAndAfter() {
    CliRun run = CliRun.of(backend, "rebalance", "-i", input.toString(), "--label", "fraud",
        "--share", "true=0.3", "-o", output.toString(), "--epochs", "5", "-q");
    assertEquals(0, run.code(), run.toString());
    Jobs.Rebalance job = backend.rebalanceJob;
    assertEquals("fraud", job.label());
    assertEquals(Map.of("true", 0.3), job.shares());
    assertEquals(false, job.balanced());
    assertEquals(5, job.options().ctgan().epochs());
    assertEquals(List.of(
        "class counts of 'fraud', before -> after:",
        "  fraud    100 ->   814  (30.0%)",
        "  ok     1,900 -> 1,900  (70.0%)"), List.of(run.errLines()).subList(0, 3));
    assertTrue(run.errLines()[3].startsWith("wrote 2714 rows (2000 real + 714 synthetic) to "
        + output), run.err());
  }

  @Test
  void rebalanceMapsTheLabelsCsvNameAndTakesBalanced() {
    CliRun run = CliRun.of(backend, "rebalance", "-i", input.toString(), "--label", "claim-kind",
        "--balanced", "-o", output.toString(), "-q");
    assertEquals(0, run.code(), run.toString());
    assertEquals("claim_kind", backend.rebalanceJob.label());
    assertTrue(backend.rebalanceJob.balanced());
  }

  @Test
  void rebalanceTargetErrorsAreUsageErrors() {
    String in = input.toString();
    String out = output.toString();
    assertUsage(CliRun.of(backend, "rebalance", "-i", in, "--label", "fraud", "-o", out),
        "name the target shares with --share CLASS=SHARE, or use --balanced");
    assertUsage(CliRun.of(backend, "rebalance", "-i", in, "--label", "fraud", "-o", out,
        "--balanced", "--share", "true=0.2"), "use either --share or --balanced, not both");
    assertUsage(CliRun.of(backend, "rebalance", "-i", in, "--label", "fraud", "-o", out,
        "--share", "true=1.5"), "a share must be between 0 and 1");
    assertUsage(CliRun.of(backend, "rebalance", "-i", in, "--label", "fraud", "-o", out,
        "--share", "true=0.6", "--share", "false=0.5"), "sum to 1.100");
    assertUsage(CliRun.of(backend, "rebalance", "-i", in, "-o", out, "--balanced"),
        "Missing required option: '--label=COL'");
    assertNull(backend.rebalanceJob);
  }

  private static void assertUsage(CliRun run, String message) {
    assertEquals(2, run.code(), run.toString());
    assertTrue(run.errLines()[0].contains(message), run.toString());
  }
}
