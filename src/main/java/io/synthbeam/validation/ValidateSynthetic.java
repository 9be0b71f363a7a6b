package io.synthbeam.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthbeam.bundle.ModelBundle;
import io.synthbeam.gan.ctgan.PrivacyAccount;
import io.synthbeam.table.ColumnKind;
import io.synthbeam.validation.report.HtmlReport;
import io.synthbeam.validation.report.ReportJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sample;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Validates a synthetic table inside a Beam pipeline: applied to the synthetic records, with the
 * real training and holdout records given to {@link #of}, it emits the JSON report (judge.py's
 * keys; see {@link ReportJson}) and the HTML report, and routes the synthetic records to
 * {@link #ACCEPTED} when every gate passes or to {@link #QUARANTINED} otherwise. With
 * {@link #failingOnGate()} a failed gate fails the pipeline instead. With
 * {@link #withModelBundle} the reports also state the model's differential-privacy guarantee.
 *
 * <p>Validation of a table is one worker's job: each input is first reduced to a uniform sample
 * of at most {@link #withMaxRows} records (Beam's {@code Sample.fixedSizeGlobally}), then one
 * {@link SyntheticValidator} run computes the report. The three PCollections need a coder for
 * their records (e.g. {@code AvroCoder.of(schema)}); the outputs reuse the synthetic one.
 *
 * <pre>{@code
 * PCollectionTuple checked = synthetic.apply("Validate",
 *     ValidateSynthetic.of(real, holdout, "class")
 *         .withGates(QualityGates.none().withMinUtility(0.8).withMaxDcrExcess(0.05)));
 * checked.get(ValidateSynthetic.REPORT_JSON).apply(TextIO.write().to("report").withSuffix(".json"));
 * checked.get(ValidateSynthetic.ACCEPTED).apply(...);
 * }</pre>
 */
public final class ValidateSynthetic
    extends PTransform<PCollection<GenericRecord>, PCollectionTuple> {
  private static final long serialVersionUID = 1L;

  /** The JSON report (one element). */
  public static final TupleTag<String> REPORT_JSON = new TupleTag<>("reportJson") {};
  /** The self-contained HTML report (one element). */
  public static final TupleTag<String> REPORT_HTML = new TupleTag<>("reportHtml") {};
  /** The synthetic records, when every gate passed. */
  public static final TupleTag<GenericRecord> ACCEPTED = new TupleTag<>("accepted") {};
  /** The synthetic records, when a gate failed. */
  public static final TupleTag<GenericRecord> QUARANTINED = new TupleTag<>("quarantined") {};

  /** Default most records per input kept for validation. */
  public static final int DEFAULT_MAX_ROWS = 200_000;

  private final transient PCollection<GenericRecord> real;
  private final transient PCollection<GenericRecord> holdout;
  private final String target;
  private final Map<String, ColumnKind> kinds;
  private final ValidationOptions options;
  private final QualityGates gates;
  private final int maxRows;
  private final boolean failOnGate;
  /** The model bundle whose privacy guarantee the report states, or null. */
  private final transient PCollection<byte[]> bundle;

  private ValidateSynthetic(PCollection<GenericRecord> real, PCollection<GenericRecord> holdout,
      String target, Map<String, ColumnKind> kinds, ValidationOptions options, QualityGates gates,
      int maxRows, boolean failOnGate, PCollection<byte[]> bundle) {
    this.real = real;
    this.holdout = holdout;
    this.target = target;
    this.kinds = new LinkedHashMap<>(kinds);
    this.options = options;
    this.gates = gates;
    this.maxRows = maxRows;
    this.failOnGate = failOnGate;
    this.bundle = bundle;
  }

  /**
   * Validation against these real rows.
   *
   * @param real the rows the synthesizer was trained on
   * @param holdout real rows it never saw
   * @param target the column the utility models predict (field name or CSV header)
   */
  public static ValidateSynthetic of(PCollection<GenericRecord> real,
      PCollection<GenericRecord> holdout, String target) {
    return new ValidateSynthetic(real, holdout, target, Map.of(),
        ValidationOptions.defaults().withCharts(true), QualityGates.none(), DEFAULT_MAX_ROWS,
        false, null);
  }

  /** Gates that route the table to {@link #QUARANTINED} (or fail, see {@link #failingOnGate}). */
  public ValidateSynthetic withGates(QualityGates value) {
    return new ValidateSynthetic(real, holdout, target, kinds, options, value, maxRows,
        failOnGate, bundle);
  }

  public ValidateSynthetic withOptions(ValidationOptions value) {
    return new ValidateSynthetic(real, holdout, target, kinds, value, gates, maxRows, failOnGate,
        bundle);
  }

  /** Column kinds overriding those of the real records' schema (by field name or CSV header). */
  public ValidateSynthetic withColumnKinds(Map<String, ColumnKind> value) {
    return new ValidateSynthetic(real, holdout, target, value, options, gates, maxRows,
        failOnGate, bundle);
  }

  /** At most this many records of each input are validated (a uniform sample). */
  public ValidateSynthetic withMaxRows(int value) {
    if (value < 10) {
      throw new IllegalArgumentException("maxRows must be at least 10, got " + value);
    }
    return new ValidateSynthetic(real, holdout, target, kinds, options, gates, value,
        failOnGate, bundle);
  }

  /** A failed gate fails the pipeline with a {@link QualityGateException}. */
  public ValidateSynthetic failingOnGate() {
    return new ValidateSynthetic(real, holdout, target, kinds, options, gates, maxRows, true,
        bundle);
  }

  /**
   * The model bundle the synthetic table was sampled from (one element: its zip bytes, as
   * {@code SynthesizeTable.Result.getModelBundle()} gives): the reports state its
   * differential-privacy guarantee ({@code privacy_guarantee} in the JSON, null for a model
   * trained without it).
   */
  public ValidateSynthetic withModelBundle(PCollection<byte[]> modelBundle) {
    if (modelBundle == null) {
      throw new IllegalArgumentException("the model bundle PCollection must not be null");
    }
    return new ValidateSynthetic(real, holdout, target, kinds, options, gates, maxRows,
        failOnGate, modelBundle);
  }

  @Override
  public PCollectionTuple expand(PCollection<GenericRecord> synthetic) {
    PCollectionView<Iterable<GenericRecord>> realView = real
        .apply("SampleReal", Sample.fixedSizeGlobally(maxRows))
        .apply("RealView", View.asSingleton());
    PCollectionView<Iterable<GenericRecord>> holdoutView = holdout
        .apply("SampleHoldout", Sample.fixedSizeGlobally(maxRows))
        .apply("HoldoutView", View.asSingleton());
    List<PCollectionView<?>> sideInputs = new ArrayList<>(List.of(realView, holdoutView));
    PCollectionView<byte[]> bundleView = null;
    if (bundle != null) {
      bundleView = bundle.apply("ModelBundleView", View.asSingleton());
      sideInputs.add(bundleView);
    }
    PCollectionTuple reports = synthetic
        .apply("SampleSynthetic", Sample.fixedSizeGlobally(maxRows))
        .apply("Validate", ParDo.of(new ValidateFn(realView, holdoutView, bundleView, target,
                kinds, options, gates, failOnGate))
            .withSideInputs(sideInputs)
            .withOutputTags(REPORT_JSON, TupleTagList.of(REPORT_HTML)));
    PCollection<String> json = reports.get(REPORT_JSON).setCoder(StringUtf8Coder.of());
    PCollection<String> html = reports.get(REPORT_HTML).setCoder(StringUtf8Coder.of());
    PCollectionView<String> verdict = json.apply("ReportView", View.asSingleton());
    PCollectionTuple routed = synthetic.apply("Route", ParDo.of(new RouteFn(verdict))
        .withSideInputs(verdict)
        .withOutputTags(ACCEPTED, TupleTagList.of(QUARANTINED)));
    return PCollectionTuple.of(REPORT_JSON, json)
        .and(REPORT_HTML, html)
        .and(ACCEPTED, routed.get(ACCEPTED).setCoder(synthetic.getCoder()))
        .and(QUARANTINED, routed.get(QUARANTINED).setCoder(synthetic.getCoder()));
  }

  /** Runs the validator once on the gathered samples. */
  private static final class ValidateFn extends DoFn<Iterable<GenericRecord>, String> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<Iterable<GenericRecord>> realView;
    private final PCollectionView<Iterable<GenericRecord>> holdoutView;
    private final PCollectionView<byte[]> bundleView;
    private final String target;
    private final Map<String, ColumnKind> kinds;
    private final ValidationOptions options;
    private final QualityGates gates;
    private final boolean failOnGate;

    ValidateFn(PCollectionView<Iterable<GenericRecord>> realView,
        PCollectionView<Iterable<GenericRecord>> holdoutView, PCollectionView<byte[]> bundleView,
        String target, Map<String, ColumnKind> kinds, ValidationOptions options,
        QualityGates gates, boolean failOnGate) {
      this.realView = realView;
      this.holdoutView = holdoutView;
      this.bundleView = bundleView;
      this.target = target;
      this.kinds = kinds;
      this.options = options;
      this.gates = gates;
      this.failOnGate = failOnGate;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      List<GenericRecord> synthetic = list(context.element());
      List<GenericRecord> real = list(context.sideInput(realView));
      List<GenericRecord> holdout = list(context.sideInput(holdoutView));
      if (real.isEmpty()) {
        throw new IllegalArgumentException("the real training PCollection is empty; "
            + "validation needs its records");
      }
      ValidationColumns columns = ValidationColumns.fromSchema(real.get(0).getSchema(), kinds,
          target);
      ValidationReport report = new SyntheticValidator(options).validate(columns, real, holdout,
          synthetic);
      GateResult result = gates.evaluate(report);
      if (failOnGate && !result.passed()) {
        throw new QualityGateException("the synthetic table failed a quality gate: "
            + result.failures());
      }
      PrivacyAccount guarantee = bundleView == null ? null
          : privacyOf(context.sideInput(bundleView));
      context.output(ReportJson.toJson(report, result, null, guarantee));
      context.output(REPORT_HTML, HtmlReport.render(report, result, Map.of(), null, guarantee));
    }

    private static PrivacyAccount privacyOf(byte[] bundle) {
      try {
        return ModelBundle.fromBytes(bundle, "the model bundle").summary().privacy();
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
    }

    private static List<GenericRecord> list(Iterable<GenericRecord> records) {
      List<GenericRecord> out = new ArrayList<>();
      records.forEach(out::add);
      return out;
    }
  }

  /** Sends every synthetic record to the accepted or the quarantined output. */
  private static final class RouteFn extends DoFn<GenericRecord, GenericRecord> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<String> report;
    private transient Boolean passed;

    RouteFn(PCollectionView<String> report) {
      this.report = report;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      if (passed == null) {
        try {
          passed = new ObjectMapper().readTree(context.sideInput(report)).path("gates")
              .path("passed").asBoolean(false);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the validation report", e);
        }
      }
      if (passed) {
        context.output(context.element());
      } else {
        context.output(QUARANTINED, context.element());
      }
    }
  }
}
