package io.synthbeam.cli;

import io.synthbeam.bundle.ModelBundle;
import io.synthbeam.gan.ctgan.PrivacyAccount;
import io.synthbeam.io.AtomicFiles;
import io.synthbeam.io.Table;
import io.synthbeam.io.TableFiles;
import io.synthbeam.table.ColumnKind;
import io.synthbeam.validation.ColumnTypesFile;
import io.synthbeam.validation.FrameSet;
import io.synthbeam.validation.GateResult;
import io.synthbeam.validation.ModelUtility;
import io.synthbeam.validation.SyntheticValidator;
import io.synthbeam.validation.ValidationColumns;
import io.synthbeam.validation.ValidationOptions;
import io.synthbeam.validation.ValidationReport;
import io.synthbeam.validation.privacy.PrivacyFilter;
import io.synthbeam.validation.privacy.PrivacyReport;
import io.synthbeam.validation.report.HtmlReport;
import io.synthbeam.validation.report.ReportJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.generic.GenericRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code synthbeam validate}: compares a synthetic table with the real training and holdout
 * tables (utility, fidelity, privacy risk), prints a summary and a verdict, writes the JSON and
 * HTML reports, and exits with {@value #GATE_FAILED} when a quality gate fails.
 */
@Command(name = "validate", sortOptions = false, mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Judge a synthetic table against the real rows it stands in for: utility "
        + "(models trained on synthetic vs real rows, tested on the holdout), fidelity (column "
        + "shapes, pair trends, detection AUC) and privacy risk (distance to closest record, "
        + "exact copies, membership inference). Prints a summary; writes JSON and HTML reports.",
        ""},
    footer = {"", "Definitions match judge.py; see the README section 'How quality and privacy "
        + "are measured'.",
        "Exit codes: 0 done (all gates passed), 1 failed (bad data, IO error), 2 usage error, "
        + "3 a quality gate failed (reports are still written)."})
final class ValidateCommand implements Callable<Integer> {
  /** Exit code when a figure is on the wrong side of a gate. */
  static final int GATE_FAILED = 3;
  /** Held so the level sticks: Tribuo logs every model fit at INFO. */
  private static final java.util.logging.Logger TRIBUO_LOG =
      java.util.logging.Logger.getLogger("org.tribuo");

  @Spec CommandSpec spec;

  @Option(names = "--real", required = true, paramLabel = "TRAIN",
      description = "The real rows the synthesizer was trained on (.csv, .csv.gz, .avro, "
          + ".parquet).")
  Path real;

  @Option(names = "--holdout", required = true, paramLabel = "TEST",
      description = "Real rows the synthesizer never saw, from the same population.")
  Path holdout;

  @Option(names = "--synthetic", required = true, paramLabel = "SYN",
      description = "The synthetic table to judge.")
  Path synthetic;

  @Option(names = "--target", paramLabel = "COL",
      description = "Column the utility models predict (categorical: classification; "
          + "continuous: regression). Required unless --column-types names one.")
  String target;

  @Mixin GateOptions gate;

  @Option(names = {"-m", "--model"}, paramLabel = "MODEL.zip",
      description = "The model bundle the synthetic table was sampled from: the reports state "
          + "its differential-privacy guarantee (privacy_guarantee in the JSON; null for a "
          + "model trained without --epsilon).")
  Path model;

  @Option(names = "--schema", paramLabel = "SCHEMA.avsc",
      description = "Avro record schema to read the CSV files with (default: each inferred from "
          + "its header and values).")
  Path schema;

  @Option(names = "--column-types", paramLabel = "META.json",
      description = "judge.py-style meta.json: {\"target\": COL, \"columns\": {COL: "
          + "continuous|categorical|datetime}} overriding the column kinds taken from the schema.")
  Path columnTypes;

  @Option(names = "--categorical", split = ",", paramLabel = "COL",
      description = "Numeric columns to compare as categories (comma-separated or repeated).")
  List<String> categorical = new ArrayList<>();

  @Option(names = "--dcr-rows", paramLabel = "N",
      description = "Synthetic rows scored for distance to closest record; 0 scores all. "
          + "Default: ${DEFAULT-VALUE} (judge.py's sample).")
  int dcrRows = ValidationOptions.defaults().dcrRows();

  @Option(names = "--privacy-filter", paramLabel = "Q",
      description = "Drop synthetic rows closer to a training row than the Q quantile of the "
          + "holdout rows' distances to the training rows (e.g. 0.05); the report judges the "
          + "kept rows. Write them with --filtered-output.")
  Double privacyFilter;

  @Option(names = "--filtered-output", paramLabel = "TABLE",
      description = "With --privacy-filter: write the kept synthetic rows here.")
  Path filteredOutput;

  @Option(names = "--threads", paramLabel = "N",
      description = "Model fits run side by side and threads of the nearest-neighbour search. "
          + "Default: the number of cores (${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed of the learners and the membership sample. Default: ${DEFAULT-VALUE}.")
  long seed = 1L;

  @Option(names = CliErrors.VERBOSE, description = "On failure, print the stack trace too.")
  boolean verbose;

  @Override
  public Integer call() throws IOException {
    checkOptions();
    TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PrivacyAccount guarantee = model == null ? null
        : ModelBundle.load(model).summary().privacy();
    Optional<Schema> readSchema = readSchema();
    Table realTable = TableFiles.read(real, readSchema);
    Table holdoutTable = TableFiles.read(holdout, readSchema);
    Table syntheticTable = TableFiles.read(synthetic, readSchema);

    Map<String, ColumnKind> kinds = new LinkedHashMap<>();
    String targetColumn = target;
    if (columnTypes != null) {
      ColumnTypesFile types = ColumnTypesFile.read(columnTypes);
      kinds.putAll(types.kinds());
      if (targetColumn == null) {
        targetColumn = types.target().orElse(null);
      }
    }
    if (targetColumn == null) {
      throw new ParameterException(spec.commandLine(), "--target is required (the column the "
          + "utility models predict), unless the --column-types file names a target");
    }
    categorical.stream().map(String::strip).filter(s -> !s.isEmpty())
        .forEach(c -> kinds.put(c, ColumnKind.CATEGORICAL));
    ValidationColumns columns = ValidationColumns.fromSchema(realTable.schema(), kinds,
        targetColumn);
    ValidationOptions options = ValidationOptions.defaults().withDcrRows(dcrRows)
        .withThreads(threads).withSeed(seed);

    FrameSet frames = FrameSet.of(columns, realTable.records(), holdoutTable.records(),
        syntheticTable.records());
    PrivacyFilter.Result filter = null;
    if (privacyFilter != null) {
      filter = PrivacyFilter.apply(frames, privacyFilter, threads);
      frames = frames.withSynthetic(frames.synthetic().select(filter.keptRows()));
      if (filter.keptRows().length < 2) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "the privacy filter "
            + "dropped %d of %d synthetic rows (closer to a training row than %.4g), leaving "
            + "too few to validate: the table copies its training rows", filter.dropped(),
            syntheticTable.records().size(), filter.threshold()));
      }
      if (filteredOutput != null) {
        List<GenericRecord> kept = new ArrayList<>(filter.keptRows().length);
        for (int row : filter.keptRows()) {
          kept.add(syntheticTable.records().get(row));
        }
        TableFiles.write(filteredOutput, syntheticTable.schema(), kept);
      }
    }
    ValidationReport result = new SyntheticValidator(options).validate(frames);
    GateResult verdict = gate.gates().evaluate(result);

    if (gate.json != null) {
      write(gate.json, ReportJson.toJson(result, verdict, filter, guarantee));
    }
    if (gate.report != null) {
      Map<String, String> sources = new LinkedHashMap<>();
      sources.put("real", real.getFileName().toString());
      sources.put("holdout", holdout.getFileName().toString());
      sources.put("synthetic", synthetic.getFileName().toString());
      write(gate.report, HtmlReport.render(result, verdict, sources, filter, guarantee));
    }
    summary(out, result, filter);
    if (model != null) {
      out.println(guarantee == null ? "privacy guarantee: none (the model was trained without "
          + "differential privacy)" : "privacy guarantee: " + guarantee.summary());
    }
    out.println(verdict.verdict());
    out.flush();
    if (!verdict.passed()) {
      err.println("synthbeam validate: quality gate failed: " + verdict.failures());
      err.flush();
      return GATE_FAILED;
    }
    return 0;
  }

  private void checkOptions() throws IOException {
    OptionChecks check = new OptionChecks(spec.commandLine());
    for (Map.Entry<String, Path> input : Map.of("--real", real, "--holdout", holdout,
        "--synthetic", synthetic).entrySet()) {
      check.tableFormat(input.getKey(), input.getValue());
      check.existingFile(input.getKey(), input.getValue());
    }
    if (schema != null) {
      check.existingFile("--schema", schema);
    }
    if (columnTypes != null) {
      check.existingFile("--column-types", columnTypes);
    }
    if (model != null) {
      check.modelFile("--model", model);
      check.existingFile("--model", model);
    }
    check.atLeast("--dcr-rows", dcrRows, 0);
    check.atLeast("--threads", threads, 1);
    if (privacyFilter != null && !(privacyFilter >= 0 && privacyFilter <= 1)) {
      throw new ParameterException(spec.commandLine(), "--privacy-filter must be a quantile in "
          + "[0, 1], not " + privacyFilter);
    }
    if (filteredOutput != null) {
      if (privacyFilter == null) {
        throw new ParameterException(spec.commandLine(),
            "--filtered-output needs --privacy-filter Q");
      }
      check.tableFormat("--filtered-output", filteredOutput);
    }
    gate.check(check);
    if (filteredOutput != null) {
      AtomicFiles.checkCanWriteIn(filteredOutput.toAbsolutePath().getParent());
    }
  }

  private static void summary(PrintWriter out, ValidationReport r, PrivacyFilter.Result filter) {
    out.printf(Locale.ROOT, "rows: %d real training, %d holdout, %d synthetic%n", r.trainRows(),
        r.holdoutRows(), r.syntheticRows());
    if (filter != null) {
      out.printf(Locale.ROOT, "privacy filter: dropped %d synthetic rows closer than %.4f "
          + "(the %.3g quantile of holdout distances)%n", filter.dropped(), filter.threshold(),
          filter.quantile());
    }
    out.printf(Locale.ROOT, "fidelity: shapes %.4f, pairs %.4f, quality %.4f, detection AUC "
        + "%.4f%n", r.fidelity().shapes(), r.fidelity().pairTrends(), r.fidelity().quality(),
        r.detectAuc());
    for (ModelUtility m : r.utility().models()) {
      out.printf(Locale.ROOT, "utility %s (%s): TSTR %.4f, TRTR %.4f, ratio %.4f%n", m.model(),
          m.primaryMetric(), m.tstr().get(m.primaryMetric()), m.trtr().get(m.primaryMetric()),
          m.ratio());
    }
    PrivacyReport p = r.privacy();
    out.printf(Locale.ROOT, "privacy: DCR share %.4f (baseline %.4f), exact copies %.4f "
        + "(holdout %.4f), membership AUC %.4f%n", p.dcrShare(), p.dcrBaseline(), p.exactCopy(),
        p.holdoutCopy(), p.membershipAuc());
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

  private static void write(Path path, String text) throws IOException {
    AtomicFiles.write(path, temporary -> Files.writeString(temporary, text,
        StandardCharsets.UTF_8));
  }
}
