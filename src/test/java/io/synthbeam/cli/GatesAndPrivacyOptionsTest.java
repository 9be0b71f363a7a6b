package io.synthbeam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.gan.ctgan.DifferentialPrivacy;
import io.synthbeam.gan.ctgan.PrivacyAccount;
import io.synthbeam.privacy.DpSpend;
import io.synthbeam.privacy.accounting.RdpAccountant;
import io.synthbeam.table.dp.PreprocessingSpend;
import io.synthbeam.validation.QualityGates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quality-gate and differential-privacy options of the commands, with the fake backend. */
class GatesAndPrivacyOptionsTest {
  @TempDir Path dir;
  private final FakeBackend backend = new FakeBackend();
  private String input;
  private String holdout;
  private String output;

  @BeforeEach
  void writeInput() throws IOException {
    String csv = """
        amount,claim-kind,fraud
        10.5,car,false
        99.0,home,true
        12.0,car,false
        """;
    input = Files.writeString(dir.resolve("claims.csv"), csv).toString();
    holdout = Files.writeString(dir.resolve("holdout.csv"), csv).toString();
    output = dir.resolve("out/synthetic.csv").toString();
    backend.privacy = account();
  }

  /** A guarantee as a fit of 4 steps at q 0.25 and an encoder at sigma 10 would record. */
  private static PrivacyAccount account() {
    DpSpend training = DpSpend.of(RdpAccountant.create().compose(0.25, 1.5, 4), 5e-6, 1.0);
    return new PrivacyAccount(2.5, 1e-5, training, PreprocessingSpend.of(10, 2e-6, 3e-6, 4, 1),
        Map.of("amount", "private"));
  }

  private CliRun synthesize(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("synthesize", "-i", input, "-o",
        output));
    args.addAll(List.of(extra));
    return CliRun.of(backend, args.toArray(String[]::new));
  }

  private static String last(CliRun run) {
    return run.errLines()[run.errLines().length - 1];
  }

  @Test
  void fitWithEpsilonAsksForItAndEndsWithThePrivacySpent() {
    CliRun run = CliRun.of(backend, "fit", "-i", input, "-m", dir.resolve("m.zip").toString(),
        "--epsilon", "3");
    assertEquals(0, run.code(), run.toString());
    DifferentialPrivacy dp = backend.fitJob.options().ctgan().differentialPrivacy();
    assertEquals(3.0, dp.epsilon());
    assertEquals(DifferentialPrivacy.DEFAULT_DELTA, dp.delta());
    assertEquals(1, backend.fitJob.options().ctgan().pac(), "one row per privacy unit");
    assertTrue(last(run).matches("privacy: \\(ε=2\\.5, δ=1e-05\\)-DP spent of ε=3 \\(training "
        + "ε=[0-9.]+ at δ=5e-06, σ=1\\.5, C=1, q=0\\.25, steps=4; encoder ε=[0-9.]+ at "
        + "δ=5e-06\\)"), last(run));
  }

  @Test
  void withoutEpsilonNothingIsPrivate() {
    CliRun run = CliRun.of(backend, "fit", "-i", input, "-m", dir.resolve("m.zip").toString());
    assertEquals(0, run.code(), run.toString());
    assertNull(backend.fitJob.options().ctgan().differentialPrivacy());
    assertTrue(last(run).startsWith("fitted "), run.toString());
  }

  @Test
  void synthesizeAndRebalancePrintTheSameLine() {
    CliRun synthesize = synthesize("--epsilon", "3", "--delta", "1e-6");
    assertEquals(0, synthesize.code(), synthesize.toString());
    assertEquals(1e-6, backend.synthesizeJob.options().ctgan().differentialPrivacy().delta());
    assertTrue(last(synthesize).startsWith("privacy: (ε=2.5, δ=1e-05)-DP spent of ε=3 "),
        synthesize.toString());
    CliRun rebalance = CliRun.of(backend, "rebalance", "-i", input, "-o", output, "--label",
        "fraud", "--balanced", "--epsilon", "2");
    assertEquals(0, rebalance.code(), rebalance.toString());
    assertTrue(rebalance.err().contains("privacy: (ε=2.5, δ=1e-05)-DP spent of ε=2 "),
        rebalance.toString());
    assertTrue(last(rebalance).contains("real rows"), rebalance.toString());
  }

  @Test
  void badPrivacyOptionsAreUsageErrors() {
    String model = dir.resolve("m.zip").toString();
    assertUsage(CliRun.of(backend, "fit", "-i", input, "-m", model, "--epsilon", "0"),
        "--epsilon must be a number above 0, not 0.0");
    assertUsage(CliRun.of(backend, "fit", "-i", input, "-m", model, "--epsilon", "NaN"),
        "--epsilon must be a number above 0");
    assertUsage(CliRun.of(backend, "fit", "-i", input, "-m", model, "--delta", "1e-6"),
        "--delta needs --epsilon");
    assertUsage(CliRun.of(backend, "fit", "-i", input, "-m", model, "--epsilon", "1",
        "--delta", "1"), "--delta must be between 0 and 1 (exclusive), not 1.0");
    assertNull(backend.fitJob);
  }

  @Test
  void synthesizePassesTheValidationAndGates() {
    CliRun run = synthesize("--holdout", holdout, "--target", "claim-kind", "--min-utility",
        "0.8", "--max-dcr-excess", "0.05", "--json", dir.resolve("r.json").toString(),
        "--quarantine");
    assertEquals(0, run.code(), run.toString());
    Jobs.Validation v = backend.synthesizeJob.validation();
    assertEquals("claim_kind", v.target(), "the CSV name is mapped to the field");
    assertEquals(QualityGates.none().withMinUtility(0.8).withMaxDcrExcess(0.05), v.gates());
    assertEquals(dir.resolve("out/synthetic.quarantine.csv"), v.quarantine());
    assertEquals(dir.resolve("r.json"), v.json());
    assertNull(v.report());
    assertTrue(run.err().contains("\nPASS: utility 0.97 of real\nwrote 3 synthetic rows to "),
        run.toString());
  }

  @Test
  void aFailedGateExitsThreeNamingTheGate() {
    backend.verdict = new Jobs.Verdict(false, "FAIL: utility 0.42 ... is below the minimum 0.80",
        "utility 0.42 (TSTR/TRTR macro F1 of the tree ensemble) is below the minimum 0.80");
    CliRun dropped = synthesize("--holdout", holdout, "--target", "fraud", "--min-utility",
        "0.8");
    assertEquals(ValidateCommand.GATE_FAILED, dropped.code(), dropped.toString());
    assertTrue(dropped.err().contains("synthbeam synthesize: quality gate failed: utility 0.42"),
        dropped.toString());
    assertTrue(last(dropped).startsWith("no table written to " + output), dropped.toString());
    assertNull(backend.synthesizeJob.validation().quarantine());

    CliRun quarantined = synthesize("--holdout", holdout, "--target", "fraud", "--min-utility",
        "0.8", "--quarantine");
    assertEquals(ValidateCommand.GATE_FAILED, quarantined.code(), quarantined.toString());
    assertTrue(last(quarantined).startsWith("quarantined 3 synthetic rows to "
        + dir.resolve("out/synthetic.quarantine.csv")), quarantined.toString());
  }

  @Test
  void validationOptionsNeedEachOther() {
    assertUsage(synthesize("--min-utility", "0.8"), "they need --holdout TABLE");
    assertUsage(synthesize("--holdout", holdout), "--holdout needs --target COL");
    assertUsage(synthesize("--holdout", holdout, "--target", "fraud", "--quarantine"),
        "--quarantine needs a gate");
    assertUsage(synthesize("--holdout", dir.resolve("none.csv").toString(), "--target", "fraud"),
        "--holdout: file not found");
    assertUsage(synthesize("--holdout", holdout, "--target", "fraud", "--report", "r.txt"),
        "must end in .html");
    assertNull(backend.synthesizeJob);
  }

  @Test
  void quarantinePathKeepsTheExtensionLast() {
    assertEquals(Path.of("a/t.quarantine.csv.gz"),
        StagingFolder.quarantinePath(Path.of("a/t.csv.gz")));
    assertEquals(Path.of("t.v2.quarantine.PARQUET"),
        StagingFolder.quarantinePath(Path.of("t.v2.PARQUET")));
  }

  @Test
  void helpDocumentsTheGatesTheQuarantinePathAndTheDefaultDelta() {
    String synthesize = CliRun.of(backend, "synthesize", "--help").out().replaceAll("\\s+", " ");
    for (String text : List.of("--holdout", "--target", "--min-utility", "--max-dcr-excess",
        "--report", "--json", "--quarantine", "OUT.quarantine.EXT", "staging folder",
        "3 a quality gate failed", "--epsilon", "spend 10% of E", "--delta", "Default: 1e-5")) {
      assertTrue(synthesize.contains(text), text + " in " + synthesize);
    }
    assertEquals(1e-5, DifferentialPrivacy.DEFAULT_DELTA, "the help text states this default");
    for (String command : List.of("fit", "rebalance")) {
      String help = CliRun.of(backend, command, "--help").out();
      assertTrue(help.contains("--epsilon") && help.contains("--delta"), help);
    }
    assertTrue(CliRun.of(backend, "validate", "--help").out().contains("--model"));
  }

  private static void assertUsage(CliRun run, String message) {
    assertEquals(CliErrors.USAGE, run.code(), run.toString());
    assertTrue(run.errLines()[0].contains(message), run.toString());
  }
}
