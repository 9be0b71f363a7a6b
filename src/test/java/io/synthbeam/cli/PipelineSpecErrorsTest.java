package io.synthbeam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec that cannot run fails before anything runs (exit 2), naming the file, the line (or the
 * --set setting), the key and a hint; a good one passes {@code --check}.
 */
class PipelineSpecErrorsTest {
  private static final String OUTPUTS = "outputs:\n  table: out/never-written.csv\n";

  @TempDir Path dir;
  /** Two lines: the input key and its path, a small CSV. */
  private String input;

  @BeforeEach
  void writeInput() throws IOException {
    StringBuilder csv = new StringBuilder("age,education-num,class\n");
    for (int i = 0; i < 40; i++) {
      csv.append(20 + i).append(',').append(i % 16).append(',').append(i % 3 == 0 ? ">50K"
          : "<=50K").append('\n');
    }
    Path table = Files.writeString(dir.resolve("people.csv"), csv);
    input = "input:\n  path: " + table + "\n";
  }

  private CliRun check(String yaml, String... more) throws IOException {
    Path spec = Files.writeString(dir.resolve("spec.yaml"), yaml);
    String[] args = new String[more.length + 3];
    args[0] = "run";
    args[1] = spec.toString();
    args[2] = "--check";
    System.arraycopy(more, 0, args, 3, more.length);
    return CliRun.of(new FakeBackend(), args);
  }

  private void assertUsageError(CliRun run, String... parts) {
    assertEquals(2, run.code(), run.toString());
    for (String part : parts) {
      assertTrue(run.err().contains(part), "'" + part + "' in " + run.err());
    }
  }

  @Test
  void theExamplePipelinesAreValid() {
    for (String name : new String[] {"adult-census", "patients-replace",
        "transactions-rebalance"}) {
      CliRun run = CliRun.of(new FakeBackend(), "run", "pipelines/" + name + ".yaml", "--check");
      assertEquals(0, run.code(), run.toString());
      assertTrue(run.out().contains("the spec is valid"), run.out());
    }
  }

  @Test
  void anUnknownKeyIsNamedWithItsLineAndTheAllowedKeys() throws IOException {
    CliRun run = check(input + "model:\n  seed: 3\n  epoch: 5\n" + OUTPUTS);
    assertUsageError(run, "spec.yaml line 5: model.epoch: unknown key in model; allowed keys: "
        + "batch_size, device, epochs, max_categories, max_training_rows, seed, threads");

    CliRun top = check(input + OUTPUTS + "validate:\n  target: class\n");
    assertUsageError(top, "line 5: validate: unknown key; allowed keys:", "validation");
  }

  @Test
  void aWrongTypeIsNamedWithItsLine() throws IOException {
    assertUsageError(check(input + "model:\n  epochs: ten\n" + OUTPUTS),
        "spec.yaml line 4: model.epochs: expected a whole number, not the text 'ten'");
    assertUsageError(check(input + "columns:\n  exclude: fnlwgt\n" + OUTPUTS),
        "line 4: columns.exclude: expected a list");
    assertUsageError(check("input: examples/adult/train.csv.gz\n" + OUTPUTS),
        "line 1: input: expected a mapping with the keys path, format, schema, max_rows");
  }

  @Test
  void aMissingOrMisnamedInputIsNamed() throws IOException {
    assertUsageError(check("input:\n  path: examples/adult/nothing.csv\n" + OUTPUTS),
        "spec.yaml line 2: input.path: file not found:", "nothing.csv");
    assertUsageError(check(OUTPUTS), "input: required");
    assertUsageError(check(input + "outputs:\n  model: out/m.zip\n"),
        "line 3: outputs.table: required");
  }

  @Test
  void badValuesAndUnknownColumnsAreNamedWithTheirLines() throws IOException {
    assertUsageError(check(input + "model:\n  epochs: 0\n" + OUTPUTS),
        "line 4: model.epochs: must be at least 1, not 0");
    assertUsageError(check(input + "columns:\n  exclude: [age, salary]\n" + OUTPUTS),
        "line 4: columns.exclude.1: unknown column 'salary'; the input's columns are age, "
        + "education-num, class");
    assertUsageError(check(input + "rebalance:\n  label: class\n  shares: {'>50K': 1.5}\n"
        + OUTPUTS), "line 5: rebalance.shares.>50K: a share must be between 0 and 1");
    assertUsageError(check(input + OUTPUTS + "privacy: {epsilon: -1}\n"),
        "line 5: privacy.epsilon: epsilon is required: a finite budget above 0");
  }

  @Test
  void settingsOverrideKeysAndAreNamedWhenWrong() throws IOException {
    CliRun fine = check(input + OUTPUTS, "--set", "model.epochs=2", "--set", "rows=10");
    assertEquals(0, fine.code(), fine.toString());
    assertUsageError(check(input + OUTPUTS, "--set", "model.epochs=-2"),
        "spec.yaml (--set model.epochs=-2): model.epochs: must be at least 1, not -2");
    assertUsageError(check(input + OUTPUTS, "--set", "model.epoch=2"),
        "(--set model.epoch=2): model.epoch: unknown key in model");
  }

  @Test
  void brokenYamlIsNamedWithItsLine() throws IOException {
    assertUsageError(check("input:\n  path: \"examples\n"), "spec.yaml line 2: not valid YAML");
    assertUsageError(check(""), "the spec is empty");
  }

  @Test
  void aPrivacyBudgetIsCheckedBeforeAnythingRuns() throws IOException {
    CliRun valid = check(input + OUTPUTS + "privacy: {epsilon: 3, delta: 1.0e-5}\n");
    assertEquals(0, valid.code(), valid.toString());
    assertUsageError(check(input + OUTPUTS + "privacy: {epsilon: -1}\n"), "privacy.epsilon");
    assertUsageError(check(input + OUTPUTS + "privacy: {epsilon: 3, delta: 2}\n"),
        "privacy.delta");
  }
}
