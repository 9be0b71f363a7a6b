package io.synthbeam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.gan.ctgan.CtganOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliHelpTest {
  private final FakeBackend backend = new FakeBackend();

  @Test
  void topHelpListsTheCommands() {
    CliRun run = CliRun.of(backend, "--help");
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.out().startsWith("Usage: synthbeam [-hV] [COMMAND]"), run.out());
    for (String text : List.of("\n  fit ", "\n  sample ", "\n  synthesize ", "\n  rebalance ",
        "--version", "Exit codes", "--runner DirectRunner|FlinkRunner")) {
      assertTrue(run.out().contains(text), text + " in " + run.out());
    }
    assertEquals("", run.err());
  }

  @Test
  void fitHelpDescribesEveryOptionWithItsDefault() {
    CliRun run = CliRun.of(backend, "fit", "--help");
    assertEquals(0, run.code(), run.toString());
    String help = run.out();
    for (String option : List.of("--input", "--schema", "--model", "--epochs", "--batch-size",
        "--seed", "--threads", "--categorical", "--exclude", "--max-categories",
        "--max-training-rows", "--runner", "--flink-master", "--parallelism", "--quiet",
        "--verbose", "--help", "--version")) {
      assertTrue(help.contains(option), option + " in " + help);
    }
    CtganOptions defaults = CtganOptions.defaults();
    String flat = help.replaceAll("\\s+", " ");
    assertTrue(flat.contains("Default: " + defaults.epochs() + "."), flat);
    assertTrue(flat.contains("Default: " + defaults.batchSize() + "."), flat);
    assertTrue(flat.contains("Default: " + defaults.seed() + "."), flat);
    assertTrue(flat.contains("(" + defaults.threads() + ")"), flat);
    assertTrue(flat.contains("Default: 1000."), flat);
    assertTrue(flat.contains("Default: DirectRunner."), flat);
    assertTrue(flat.contains("Default: [local]."), flat);
    assertTrue(flat.contains("Default: 2; 1 on the DirectRunner for a command that trains"),
        flat);
  }

  @Test
  void sampleHelpDescribesEveryOption() {
    CliRun run = CliRun.of(backend, "sample", "--help");
    assertEquals(0, run.code(), run.toString());
    for (String option : List.of("--model", "--rows", "--output", "--seed", "--condition",
        "--device", "--runner", "--verbose", "Default: 1.")) {
      assertTrue(run.out().contains(option), option + " in " + run.out());
    }
  }

  @Test
  void synthesizeAndRebalanceHelpDescribeTheirOptions() {
    CliRun synthesize = CliRun.of(backend, "synthesize", "--help");
    assertEquals(0, synthesize.code(), synthesize.toString());
    for (String option : List.of("--input", "--output", "--rows", "--model", "--epochs",
        "--condition", "--runner")) {
      assertTrue(synthesize.out().contains(option), option + " in " + synthesize.out());
    }
    CliRun rebalance = CliRun.of(backend, "rebalance", "--help");
    assertEquals(0, rebalance.code(), rebalance.toString());
    for (String option : List.of("--input", "--label", "--share", "--balanced", "--output",
        "--model", "--epochs", "--runner")) {
      assertTrue(rebalance.out().contains(option), option + " in " + rebalance.out());
    }
  }

  @Test
  void helpCommandShowsASubcommandsHelp() {
    CliRun run = CliRun.of(backend, "help", "sample");
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.out().startsWith("Usage: synthbeam sample"), run.out());
  }

  @Test
  void versionNamesTheProgram() {
    CliRun run = CliRun.of(backend, "--version");
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.out().startsWith("synthbeam "), run.out());
    assertTrue(run.out().contains("Java 17") || run.out().contains("Java "), run.out());
  }

  @Test
  void noCommandOrAnUnknownOneIsAUsageError() {
    CliRun none = CliRun.of(backend);
    assertEquals(2, none.code(), none.toString());
    assertTrue(none.err().startsWith("synthbeam: missing command"), none.err());

    CliRun unknown = CliRun.of(backend, "fitt");
    assertEquals(2, unknown.code(), unknown.toString());
    assertTrue(unknown.err().contains("fit"), unknown.err());
    assertTrue(unknown.err().contains("Try 'synthbeam --help' for the options."), unknown.err());
  }
}
