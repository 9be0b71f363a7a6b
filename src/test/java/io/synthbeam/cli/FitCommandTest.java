package io.synthbeam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.gan.ctgan.CtganOptions;
import io.synthbeam.table.EncodingOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitCommandTest {
  @TempDir Path dir;
  private final FakeBackend backend = new FakeBackend();
  private Path input;
  private Path model;

  @BeforeEach
  void writeInput() throws IOException {
    input = dir.resolve("adult.csv");
    Files.writeString(input, """
        age,education-num,native-country,class
        39,13,United-States,<=50K
        50,9,,>50K
        38,9,Mexico,<=50K
        """);
    model = dir.resolve("models/adult.zip");
  }

  private CliRun fit(String... extra) {
    String[] args = new String[extra.length + 5];
    args[0] = "fit";
    args[1] = "--input";
    args[2] = input.toString();
    args[3] = "--model";
    args[4] = model.toString();
    System.arraycopy(extra, 0, args, 5, extra.length);
    return CliRun.of(backend, args);
  }

  @Test
  void passesEveryOptionToTheJob() {
    CliRun run = fit("--epochs", "7", "--batch-size", "40", "--seed", "42", "--threads", "3",
        "--categorical", "education-num,age", "--exclude", "native-country",
        "--exclude", "class", "--max-categories", "50", "--max-training-rows", "1000");

    assertEquals(0, run.code(), run.toString());
    CtganOptions options = backend.fitJob.options().ctgan();
    assertEquals(7, options.epochs());
    assertEquals(40, options.batchSize());
    assertEquals(42L, options.seed());
    assertEquals(3, options.threads());
    EncodingOptions encoding = backend.fitJob.options().encoding();
    assertEquals(Set.of("education_num", "age"), encoding.categoricalColumns());
    assertEquals(Set.of("native_country", "class"), encoding.excludedColumns());
    assertEquals(50, encoding.maxCategories());
    assertEquals(42L, encoding.seed());
    assertEquals(1000, backend.fitJob.options().maxTrainingRows());
    assertEquals("education_num", backend.fitJob.input().getSchema().getFields().get(1).name());
    assertEquals(model, backend.fitJob.model());
    String last = run.errLines()[run.errLines().length - 1];
    assertTrue(last.startsWith("fitted 7 epochs on 3 rows in "), last);
    assertTrue(last.endsWith("; model saved to " + model), last);
    assertEquals("", run.out());
  }

  @Test
  void defaultsAreThoseOfTheOptionsClassesAndTheDirectRunner() {
    CliRun run = fit();
    assertEquals(0, run.code(), run.toString());
    CtganOptions defaults = CtganOptions.defaults();
    Jobs.Model job = backend.fitJob.options();
    assertEquals(defaults.epochs(), job.ctgan().epochs());
    assertEquals(defaults.batchSize(), job.ctgan().batchSize());
    assertEquals(defaults.seed(), job.ctgan().seed());
    assertEquals(defaults.threads(), job.ctgan().threads());
    assertEquals(EncodingOptions.DEFAULT_MAX_CATEGORIES, job.encoding().maxCategories());
    assertEquals(Set.of(), job.encoding().categoricalColumns());
    assertEquals(Set.of(), job.encoding().excludedColumns());
    assertEquals(200_000, job.maxTrainingRows());
    DirectOptions direct = backend.fitJob.pipeline().as(DirectOptions.class);
    assertEquals(DirectRunner.class, direct.getRunner());
    // One DirectRunner thread: its driver would otherwise spin on a core the training needs.
    assertEquals(1, direct.getTargetParallelism());
  }

  @Test
  void anExplicitParallelismOverridesTheTrainingDefault() {
    CliRun run = fit("--parallelism", "3", "-q");
    assertEquals(0, run.code(), run.toString());
    assertEquals(3, backend.fitJob.pipeline().as(DirectOptions.class).getTargetParallelism());
  }

  @Test
  void flinkOptionsReachThePipelineAndARemoteMasterGetsTheJar() {
    CliRun run = fit("--runner", "FlinkRunner", "--flink-master", "localhost:8081",
        "--parallelism", "3", "-q");
    assertEquals(0, run.code(), run.toString());
    FlinkPipelineOptions flink = backend.fitJob.pipeline().as(FlinkPipelineOptions.class);
    assertEquals(FlinkRunner.class, flink.getRunner());
    assertEquals("localhost:8081", flink.getFlinkMaster());
    assertEquals(3, flink.getParallelism());
    assertEquals(List.of(RunnerOptions.synthBeamCode().toString()), flink.getFilesToStage());
    assertTrue(Path.of(flink.getFilesToStage().get(0)).isAbsolute());

    assertEquals(0, fit("--runner", "flink", "-q").code());
    FlinkPipelineOptions local = backend.fitJob.pipeline().as(FlinkPipelineOptions.class);
    assertEquals("[local]", local.getFlinkMaster());
    assertEquals(2, local.getParallelism());
    assertNull(local.getFilesToStage(), "the embedded cluster shares this JVM's classpath");
  }

  @Test
  void unknownColumnNamesArePassedOnForTheTransformToReport() {
    CliRun run = fit("--categorical", "nope, age ,");
    assertEquals(0, run.code(), run.toString());
    assertEquals(Set.of("nope", "age"), backend.fitJob.options().encoding().categoricalColumns());
  }

  @Test
  void printsTheProgressLinesUnlessQuiet() {
    backend.progressLines.add("epoch 12/300  critic -0.53  generator 1.21  1.9 s/epoch  ETA 9m 12s");

    CliRun run = fit();
    assertEquals(0, run.code(), run.toString());
    assertEquals("fitting a model on " + input + " (4 columns) with the DirectRunner",
        run.errLines()[0]);
    assertEquals("epoch 12/300  critic -0.53  generator 1.21  1.9 s/epoch  ETA 9m 12s",
        run.errLines()[1]);
    assertTrue(run.errLines()[2].startsWith("fitted "), run.err());

    CliRun quiet = fit("--quiet");
    assertEquals(0, quiet.code(), quiet.toString());
    assertEquals(1, quiet.errLines().length, quiet.err());
    assertTrue(quiet.err().startsWith("fitted "), quiet.err());
  }

  @Test
  void readsCsvWithTheGivenSchemaKeepingTheHeaderNames() throws IOException {
    Path schema = dir.resolve("s.avsc");
    Files.writeString(schema, """
        {"type": "record", "name": "S", "fields": [
          {"name": "age", "type": "long"},
          {"name": "education_num", "type": "int"},
          {"name": "native_country", "type": ["null", "string"], "default": null},
          {"name": "class", "type": "string"}]}""");
    CliRun run = fit("--schema", schema.toString());
    assertEquals(0, run.code(), run.toString());
    var read = backend.fitJob.input().getSchema();
    assertEquals("S", read.getName());
    assertEquals("education-num", read.getField("education_num")
        .getObjectProp("synthbeam.csvName"));
  }

  @Test
  void aFailureIsOneLineWithoutStackTraceAndNoModelIsWritten() {
    backend.failure = new IllegalArgumentException("unknown column(s) 'nope' in the categorical"
        + " columns (--categorical)");
    CliRun run = fit("--categorical", "nope");
    assertEquals(1, run.code(), run.toString());
    assertEquals(2, run.errLines().length, run.err()); // the "fitting ..." line, then the error
    assertEquals("synthbeam fit: unknown column(s) 'nope' in the categorical columns "
        + "(--categorical)", run.errLines()[1]);
    assertFalse(Files.exists(model));
  }

  @Test
  void verboseAddsTheStackTrace() {
    backend.failure = new IllegalArgumentException("bad column");
    CliRun run = fit("--verbose", "--quiet");
    assertEquals(1, run.code(), run.toString());
    assertTrue(run.err().startsWith("synthbeam fit: bad column\n"), run.err());
    assertTrue(run.err().contains("java.lang.IllegalArgumentException: bad column\n\tat "),
        run.err());
  }

  @Test
  void unexpectedExceptionIsAnInternalErrorWithAHint() {
    backend.failure = new NullPointerException("boom");
    CliRun run = fit("--quiet");
    assertEquals(1, run.code(), run.toString());
    assertEquals("synthbeam fit: internal error: java.lang.NullPointerException: boom "
        + "(run with --verbose for the stack trace)", run.err().strip());
  }

  @Test
  void missingInputIsAUsageError() {
    input = dir.resolve("missing.csv");
    CliRun run = fit();
    assertEquals(2, run.code(), run.toString());
    assertEquals("synthbeam fit: --input: file not found: " + input, run.errLines()[0]);
    assertEquals("Try 'synthbeam fit --help' for the options.", run.errLines()[1]);
    assertNull(backend.fitJob);
  }

  @Test
  void unknownInputExtensionIsAUsageErrorListingTheSupportedOnes() throws IOException {
    input = Files.writeString(dir.resolve("table.xlsx"), "x");
    CliRun run = fit();
    assertEquals(2, run.code(), run.toString());
    assertTrue(run.errLines()[0].startsWith("synthbeam fit: --input: cannot tell the format of"),
        run.err());
    assertTrue(run.errLines()[0].endsWith(".csv, .csv.gz, .avro, .parquet"), run.err());
  }

  @Test
  void schemaWithNonCsvInputIsAUsageError() throws IOException {
    input = Files.writeString(dir.resolve("t.avro"), "x");
    CliRun run = fit("--schema", "s.avsc");
    assertEquals(2, run.code(), run.toString());
    assertTrue(run.err().contains("--schema is for CSV input only"), run.err());
  }

  @Test
  void missingSchemaFileIsAUsageErrorAndABadOneAFailure() throws IOException {
    CliRun missing = fit("--schema", dir.resolve("none.avsc").toString());
    assertEquals(2, missing.code(), missing.toString());
    assertTrue(missing.err().contains("--schema: file not found"), missing.err());

    Path bad = Files.writeString(dir.resolve("bad.avsc"), "{not json");
    CliRun run = fit("--schema", bad.toString());
    assertEquals(1, run.code(), run.toString());
    assertTrue(run.err().startsWith("synthbeam fit: cannot parse the Avro schema " + bad),
        run.err());
  }

  @Test
  void badOptionValuesAreUsageErrors() {
    assertUsageError(fit("--epochs", "abc"), "Invalid value for option '--epochs': 'abc'");
    assertUsageError(fit("--epochs", "0"), "--epochs must be at least 1, not 0");
    assertUsageError(fit("--batch-size", "-5"), "--batch-size must be at least 1, not -5");
    assertUsageError(fit("--threads", "0"), "--threads must be at least 1, not 0");
    assertUsageError(fit("--max-categories", "0"), "--max-categories must be at least 1");
    assertUsageError(fit("--max-training-rows", "0"), "--max-training-rows must be at least 1");
    assertUsageError(fit("--seed", "1.5"), "Invalid value for option '--seed'");
    assertUsageError(fit("--epoch", "3"), "Unknown options: '--epoch', '3'");
    assertUsageError(fit("--runner", "SparkRunner"),
        "--runner must be DirectRunner or FlinkRunner, not 'SparkRunner'");
    assertUsageError(fit("--flink-master", "localhost:8081"),
        "--flink-master is for --runner FlinkRunner");
    assertUsageError(fit("--parallelism", "0"), "--parallelism must be at least 1, not 0");
  }

  @Test
  void missingRequiredOptionsAreUsageErrors() {
    assertUsageError(CliRun.of(backend, "fit", "--model", "m.zip"),
        "Missing required option: '--input=TABLE'");
    assertUsageError(CliRun.of(backend, "fit", "--input", input.toString()),
        "Missing required option: '--model=MODEL.zip'");
  }

  @Test
  void modelMustBeAZipInAWritableFolder() throws IOException {
    model = dir.resolve("adult.bin");
    assertUsageError(fit(), "--model: a model file name must end in .zip");

    Path blocker = Files.writeString(dir.resolve("blocker"), "x");
    model = blocker.resolve("m.zip");
    CliRun run = fit();
    assertEquals(1, run.code(), run.toString());
    assertTrue(run.err().contains("cannot create the output folder " + blocker), run.err());
    assertNull(backend.fitJob, "fails before reading and training");
  }

  @Test
  void shortOptionNames() {
    CliRun run = CliRun.of(backend, "fit", "-i", input.toString(), "-m", model.toString(), "-q");
    assertEquals(0, run.code(), run.toString());
    assertEquals(model, backend.fitJob.model());
  }

  private static void assertUsageError(CliRun run, String message) {
    assertEquals(2, run.code(), run.toString());
    assertTrue(run.errLines()[0].contains(message), run.toString());
    assertTrue(run.err().contains("Try 'synthbeam fit --help' for the options."), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
  }
}
