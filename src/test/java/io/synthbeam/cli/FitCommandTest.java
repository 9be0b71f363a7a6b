package io.synthbeam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.gan.ctgan.CtganOptions;
import io.synthbeam.gan.ctgan.EpochStats;
import io.synthbeam.table.EncodingOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
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
  void passesEveryOptionToTheTrainerAndSavesTheModel() {
    CliRun run = fit("--epochs", "7", "--batch-size", "40", "--seed", "42", "--threads", "3",
        "--categorical", "education-num,age", "--exclude", "native-country",
        "--exclude", "class", "--max-categories", "50");

    assertEquals(0, run.code(), run.toString());
    CtganOptions options = backend.fitOptions;
    assertEquals(7, options.epochs());
    assertEquals(40, options.batchSize());
    assertEquals(42L, options.seed());
    assertEquals(3, options.threads());
    EncodingOptions encoding = backend.fitEncoding;
    assertEquals(Set.of("education_num", "age"), encoding.categoricalColumns());
    assertEquals(Set.of("native_country", "class"), encoding.excludedColumns());
    assertEquals(50, encoding.maxCategories());
    assertEquals(42L, encoding.seed());
    assertEquals(3, backend.fitRecords.size());
    assertEquals("education_num", backend.fitSchema.getFields().get(1).name());
    assertEquals(model, backend.savedTo);
    assertTrue(Files.exists(model), "the models folder is created for the bundle");
    String last = run.errLines()[run.errLines().length - 1];
    assertTrue(last.startsWith("fitted 7 epochs on 3 rows in "), last);
    assertTrue(last.endsWith("; model saved to " + model), last);
    assertEquals("", run.out());
  }

  @Test
  void defaultsAreThoseOfCtganOptionsAndEncodingOptions() {
    CliRun run = fit();
    assertEquals(0, run.code(), run.toString());
    CtganOptions defaults = CtganOptions.defaults();
    assertEquals(defaults.epochs(), backend.fitOptions.epochs());
    assertEquals(defaults.batchSize(), backend.fitOptions.batchSize());
    assertEquals(defaults.seed(), backend.fitOptions.seed());
    assertEquals(defaults.threads(), backend.fitOptions.threads());
    assertEquals(EncodingOptions.DEFAULT_MAX_CATEGORIES, backend.fitEncoding.maxCategories());
    assertEquals(Set.of(), backend.fitEncoding.categoricalColumns());
    assertEquals(Set.of(), backend.fitEncoding.excludedColumns());
  }

  @Test
  void unknownColumnNamesArePassedOnForTheEncoderToReport() {
    CliRun run = fit("--categorical", "nope, age ,");
    assertEquals(0, run.code(), run.toString());
    assertEquals(Set.of("nope", "age"), backend.fitEncoding.categoricalColumns());
  }

  @Test
  void printsOneLinePerEpochUnlessQuiet() {
    backend.epochsToReport.add(new EpochStats(12, 300, -0.531, 1.214, 1.94, 552));
    backend.epochsToReport.add(new EpochStats(13, 300, -0.5, 1.2, 2.0, 7300));

    CliRun run = fit();
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.err().startsWith("read 3 rows x 4 columns from " + input + " in "),
        run.err());
    assertTrue(run.err().contains(
        "\nepoch 12/300  critic -0.53  generator 1.21  1.9 s/epoch  ETA 9m 12s\n"), run.err());
    assertTrue(run.err().contains(
        "\nepoch 13/300  critic -0.50  generator 1.20  2.0 s/epoch  ETA 2h 01m\n"), run.err());

    CliRun quiet = fit("--quiet");
    assertEquals(0, quiet.code(), quiet.toString());
    assertEquals(1, quiet.errLines().length, quiet.err());
    assertTrue(quiet.err().startsWith("fitted "), quiet.err());
  }

  @Test
  void readsCsvWithTheGivenSchema() throws IOException {
    Path schema = dir.resolve("s.avsc");
    Files.writeString(schema, """
        {"type": "record", "name": "S", "fields": [
          {"name": "age", "type": "long"},
          {"name": "education_num", "type": "int"},
          {"name": "native_country", "type": ["null", "string"], "default": null},
          {"name": "class", "type": {"type": "enum", "name": "Income",
              "symbols": ["<=50K", ">50K"]}}]}""".replace("<=50K", "LE").replace(">50K", "GT"));
    Files.writeString(input, """
        age,education-num,native-country,class
        39,13,United-States,LE
        """);
    CliRun run = fit("--schema", schema.toString());
    assertEquals(0, run.code(), run.toString());
    assertEquals("S", backend.fitSchema.getName());
    assertEquals(39L, backend.fitRecords.get(0).get("age"));
  }

  @Test
  void badDataIsAFailureNamingFileLineAndColumn() throws IOException {
    Path schema = dir.resolve("s.avsc");
    Files.writeString(schema, """
        {"type": "record", "name": "S", "fields": [
          {"name": "age", "type": "int"}, {"name": "education_num", "type": "int"},
          {"name": "native_country", "type": ["null", "string"]},
          {"name": "class", "type": "string"}]}""");
    Files.writeString(input, "age,education-num,native-country,class\n39,13,US,x\nabc,1,,y\n");
    CliRun run = fit("--schema", schema.toString());
    assertEquals(1, run.code(), run.toString());
    assertEquals(input + " line 3, column 'age': 'abc' is not an int",
        run.err().strip().replace("synthbeam fit: ", ""));
    assertNull(backend.fitOptions, "the trainer is not called");
    assertFalse(Files.exists(model.getParent()), "nothing written");
  }

  @Test
  void trainerErrorIsOneLineWithoutStackTraceAndNoModelIsWritten() {
    backend.fitFailure = new IllegalArgumentException("unknown column 'nope' in "
        + "categoricalColumns; columns: age, education_num");
    CliRun run = fit("--categorical", "nope");
    assertEquals(1, run.code(), run.toString());
    assertEquals(2, run.errLines().length, run.err()); // the "read ..." line, then the error
    assertEquals("synthbeam fit: unknown column 'nope' in categoricalColumns; columns: age, "
        + "education_num", run.errLines()[1]);
    assertFalse(Files.exists(model));
    assertFalse(Files.exists(model.getParent()), "no folder created for a model never saved");
  }

  @Test
  void verboseAddsTheStackTrace() {
    backend.fitFailure = new IllegalArgumentException("bad column");
    CliRun run = fit("--verbose", "--quiet");
    assertEquals(1, run.code(), run.toString());
    assertTrue(run.err().startsWith("synthbeam fit: bad column\n"), run.err());
    assertTrue(run.err().contains("java.lang.IllegalArgumentException: bad column\n\tat "),
        run.err());
  }

  @Test
  void unexpectedExceptionIsAnInternalErrorWithAHint() {
    backend.fitFailure = new NullPointerException("boom");
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
    assertNull(backend.fitOptions);
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
    assertUsageError(fit("--seed", "1.5"), "Invalid value for option '--seed'");
    assertUsageError(fit("--epoch", "3"), "Unknown options: '--epoch', '3'");
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
    assertNull(backend.fitOptions, "fails before reading and training");
  }

  @Test
  void shortOptionNames() {
    CliRun run = CliRun.of(backend, "fit", "-i", input.toString(), "-m", model.toString(), "-q");
    assertEquals(0, run.code(), run.toString());
    assertEquals(model, backend.savedTo);
  }

  private static void assertUsageError(CliRun run, String message) {
    assertEquals(2, run.code(), run.toString());
    assertTrue(run.errLines()[0].contains(message), run.toString());
    assertTrue(run.err().contains("Try 'synthbeam fit --help' for the options."), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
  }
}
