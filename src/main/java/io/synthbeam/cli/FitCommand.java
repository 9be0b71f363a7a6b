package io.synthbeam.cli;

import io.synthbeam.gan.ctgan.CtganModel;
import io.synthbeam.gan.ctgan.CtganOptions;
import io.synthbeam.gan.ctgan.TrainingListener;
import io.synthbeam.io.AtomicFiles;
import io.synthbeam.io.FileFormat;
import io.synthbeam.io.Table;
import io.synthbeam.io.TableFiles;
import io.synthbeam.table.EncodingOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code synthbeam fit}: reads a table, trains a CTGAN model on it, saves the model bundle. */
@Command(name = "fit", sortOptions = false, mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Train a synthetic-data model (conditional tabular GAN) on a table and save "
        + "it as a model bundle (.zip).", ""},
    footer = {"", "Column names in --categorical and --exclude are the table's column names "
        + "(CSV header names such as education-num work as well as Avro field names).",
        "Exit codes: 0 done, 1 failed (bad data, IO or training error), 2 usage error."})
final class FitCommand implements Callable<Integer> {
  private static final CtganOptions DEFAULTS = CtganOptions.defaults();

  @ParentCommand SynthBeamCli parent;
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "TABLE",
      description = "Training table: .csv, .csv.gz (header row), .avro or .parquet.")
  Path input;

  @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL.zip",
      description = "Where to save the model bundle; written only when training succeeds.")
  Path model;

  @Option(names = "--schema", paramLabel = "SCHEMA.avsc",
      description = "Avro record schema to read a CSV input with (default: inferred from the "
          + "header and values). Avro and Parquet inputs carry their own schema.")
  Path schema;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Training epochs (passes over the table). Default: ${DEFAULT-VALUE}.")
  int epochs = DEFAULTS.epochs();

  @Option(names = "--batch-size", paramLabel = "N",
      description = "Rows per training step. Default: ${DEFAULT-VALUE}.")
  int batchSize = DEFAULTS.batchSize();

  @Option(names = "--seed", paramLabel = "S",
      description = "Random seed of training and encoding; the same seed, data and options "
          + "give the same model. Default: ${DEFAULT-VALUE}.")
  long seed = DEFAULTS.seed();

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads. Default: the number of cores (${DEFAULT-VALUE}).")
  int threads = DEFAULTS.threads();

  @Option(names = "--categorical", split = ",", paramLabel = "COL",
      description = "Integer columns to model as categories rather than numbers "
          + "(comma-separated or repeated). Strings, enums and booleans always are.")
  List<String> categorical = new ArrayList<>();

  @Option(names = "--exclude", split = ",", paramLabel = "COL",
      description = "Columns to leave out of the model and of the synthetic table "
          + "(comma-separated or repeated).")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--max-categories", paramLabel = "N",
      description = "A categorical column with more distinct values is refused "
          + "(an ID column? exclude it). Default: ${DEFAULT-VALUE}.")
  int maxCategories = EncodingOptions.DEFAULT_MAX_CATEGORIES;

  @Option(names = {"-q", "--quiet"},
      description = "No progress lines; only the final summary line and errors.")
  boolean quiet;

  @Option(names = CliErrors.VERBOSE, description = "On failure, print the stack trace too.")
  boolean verbose;

  @Override
  public Integer call() throws IOException {
    OptionChecks check = new OptionChecks(spec.commandLine());
    check.atLeast("--epochs", epochs, 1);
    check.atLeast("--batch-size", batchSize, 1);
    check.atLeast("--threads", threads, 1);
    check.atLeast("--max-categories", maxCategories, 1);
    FileFormat format = check.tableFormat("--input", input);
    check.existingFile("--input", input);
    check.modelFile("--model", model);
    if (schema != null) {
      if (!format.isCsv()) {
        throw new ParameterException(spec.commandLine(), "--schema is for CSV input only; "
            + input + " carries its own schema");
      }
      check.existingFile("--schema", schema);
    }
    // Fail before a long training run if the model cannot be written.
    AtomicFiles.checkCanWriteIn(model.toAbsolutePath().getParent());

    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    Table table = TableFiles.read(input, readSchema());
    if (!quiet) {
      err.printf(Locale.ROOT, "read %d rows x %d columns from %s in %s%n",
          table.records().size(), table.schema().getFields().size(), input,
          Durations.format(seconds(start)));
      err.flush();
    }
    CtganOptions options = CtganOptions.defaults().withEpochs(epochs).withBatchSize(batchSize)
        .withSeed(seed).withThreads(threads);
    EncodingOptions encoding = EncodingOptions.defaults()
        .withCategoricalColumns(ColumnNames.toFieldNames(table.schema(), categorical))
        .withExcludedColumns(ColumnNames.toFieldNames(table.schema(), exclude))
        .withMaxCategories(maxCategories)
        .withSeed(seed);
    TrainingListener listener = quiet ? TrainingListener.NONE : new ProgressPrinter(err);
    CtganModel fitted = parent.backend().fit(table.schema(), table.records(), options, encoding,
        listener);
    AtomicFiles.prepareFolder(model.toAbsolutePath().getParent());
    parent.backend().save(fitted, model);
    err.printf(Locale.ROOT, "fitted %d epochs on %d rows in %s; model saved to %s%n", epochs,
        table.records().size(), Durations.format(seconds(start)), model);
    err.flush();
    return 0;
  }

  private Optional<Schema> readSchema() throws IOException {
    if (schema == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Schema.Parser().parse(schema.toFile()));
    } catch (SchemaParseException e) {
      throw new IllegalArgumentException("cannot parse the Avro schema " + schema + ": "
          + e.getMessage(), e);
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
