package io.synthbeam.cli;

import io.synthbeam.beam.ProjectRecords;
import io.synthbeam.beam.RebalanceTable;
import io.synthbeam.beam.SynthesizeTable;
import io.synthbeam.beam.io.TableIO;
import io.synthbeam.table.ColumnKind;
import io.synthbeam.validation.QualityGates;
import io.synthbeam.validation.ValidateSynthetic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.Sample;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * Builds the Beam pipeline a {@link RunPlan} describes, from SynthBeam's transforms: TableIO
 * reads the input, SynthesizeTable (or RebalanceTable) makes the synthetic rows,
 * ValidateSynthetic judges them against the holdout and routes them by its gates, and TableIO
 * and TextIO write the table and the reports. Column names are checked against the input's
 * schema here, before anything runs, each error naming the spec line.
 */
final class SpecPipeline {
  private final RunPlan plan;
  private final Schema schema;
  private final SpecColumns columns;

  private SpecPipeline(RunPlan plan, Schema schema) {
    this.plan = plan;
    this.schema = schema;
    this.columns = new SpecColumns(plan, schema);
  }

  /** The input's schema: given for a CSV, else read from (or inferred from) the file. */
  static SpecPipeline of(RunPlan plan) throws IOException {
    return new SpecPipeline(plan, open(plan, plan.input()).getSchema());
  }

  Schema inputSchema() {
    return schema;
  }

  /**
   * Adds the steps to {@code pipeline}.
   *
   * @param reportJson where the JSON report goes (the spec's, or a temporary file the command
   *     reads the verdict from); ignored without validation
   */
  void build(Pipeline pipeline, Path reportJson) throws IOException {
    columns.check();
    PCollection<GenericRecord> real = limited(pipeline.apply("ReadInput",
        open(plan, plan.input())), "LimitInput");
    PCollection<GenericRecord> output;
    // The bundle lets the reports state the model's privacy guarantee (rebalancing keeps real
    // rows, so its output has none to state).
    PCollection<byte[]> bundle = null;
    if (plan.rebalancing()) {
      output = real.apply("RebalanceTable", rebalance());
    } else {
      SynthesizeTable.Result result = real.apply("SynthesizeTable", synthesize().withResult());
      output = result.getSynthetic();
      bundle = result.getModelBundle();
    }
    if (!plan.validating()) {
      output.apply("WriteTable", TableIO.write(absolute(plan.table())));
      return;
    }
    Schema outputSchema = ((AvroCoder<GenericRecord>) output.getCoder()).getSchema();
    PCollection<GenericRecord> holdout = limited(pipeline.apply("ReadHoldout",
        open(plan, plan.holdout())), "LimitHoldout");
    ValidateSynthetic validate = ValidateSynthetic.of(
            ProjectRecords.to(outputSchema, real, "ProjectReal"),
            ProjectRecords.to(outputSchema, holdout, "ProjectHoldout"),
            columns.field(plan.spec().validation().target(), "validation.target"))
        .withGates(gates())
        .withColumnKinds(validationKinds())
        .withMaxRows(plan.validationRows());
    if (bundle != null) {
      validate = validate.withModelBundle(bundle);
    }
    PCollectionTuple checked = output.apply("ValidateSynthetic", validate);
    checked.get(ValidateSynthetic.REPORT_JSON)
        .apply("WriteJsonReport", TextIO.write().to(absolute(reportJson)).withoutSharding());
    if (plan.htmlReport() != null) {
      checked.get(ValidateSynthetic.REPORT_HTML)
          .apply("WriteHtmlReport", TextIO.write().to(absolute(plan.htmlReport()))
              .withoutSharding());
    }
    if (plan.quarantine()) {
      checked.get(ValidateSynthetic.ACCEPTED)
          .apply("WriteTable", TableIO.write(absolute(plan.table())));
      checked.get(ValidateSynthetic.QUARANTINED)
          .apply("WriteQuarantine", TableIO.write(absolute(plan.quarantineTable())));
    } else {
      output.apply("WriteTable", TableIO.write(absolute(plan.table())));
    }
  }

  private SynthesizeTable synthesize() {
    Jobs.Model model = plan.modelOptions().toModel(schema);
    SynthesizeTable synthesize = SynthesizeTable.create()
        .withCtganOptions(model.ctgan())
        .withEncodingOptions(model.encoding().withExcludedColumns(columns.excluded()))
        .withMaxTrainingRows(model.maxTrainingRows())
        .withConditions(columns.conditions())
        .withDevice(plan.device());
    if (plan.rows() != null) {
      synthesize = synthesize.withRows(plan.rows());
    }
    if (plan.model() != null) {
      synthesize = synthesize.withModelSavedTo(absolute(plan.model()));
    }
    return plan.privacy() == null ? synthesize : synthesize.withDifferentialPrivacy(plan.privacy());
  }

  private RebalanceTable rebalance() {
    Jobs.Model model = plan.modelOptions().toModel(schema);
    RebalanceTable rebalance = RebalanceTable.of(columns.field(
            plan.spec().rebalance().label(), "rebalance.label"))
        .withCtganOptions(model.ctgan())
        .withEncodingOptions(model.encoding().withExcludedColumns(columns.excluded()))
        .withMaxTrainingRows(model.maxTrainingRows())
        .withDevice(plan.device());
    for (Map.Entry<String, Double> share : plan.shares().entrySet()) {
      rebalance = rebalance.withShare(share.getKey(), share.getValue());
    }
    if (plan.balanced()) {
      rebalance = rebalance.balanced();
    }
    if (plan.model() != null) {
      rebalance = rebalance.withModelSavedTo(absolute(plan.model()));
    }
    return plan.privacy() == null ? rebalance : rebalance.withDifferentialPrivacy(plan.privacy());
  }

  private QualityGates gates() {
    PipelineSpec.Validation v = plan.spec().validation();
    QualityGates gates = QualityGates.none();
    if (v.minUtility() != null) {
      gates = gates.withMinUtility(v.minUtility());
    }
    if (v.maxDcrExcess() != null) {
      gates = gates.withMaxDcrExcess(v.maxDcrExcess());
    }
    return gates;
  }

  /** The model's categorical columns and validation's own are compared as categories. */
  private Map<String, ColumnKind> validationKinds() {
    Map<String, ColumnKind> kinds = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(plan.categorical());
    if (plan.spec().validation().categorical() != null) {
      names.addAll(plan.spec().validation().categorical());
    }
    for (String name : names) {
      kinds.put(ColumnNames.toFieldName(schema, name.strip()), ColumnKind.CATEGORICAL);
    }
    return kinds;
  }

  /** The rows, or a sample of at most {@code input.max_rows} of them. */
  private PCollection<GenericRecord> limited(PCollection<GenericRecord> rows, String name) {
    Integer max = plan.maxInputRows();
    if (max == null) {
      return rows;
    }
    return rows.apply(name, Sample.any(max)).setCoder(rows.getCoder());
  }

  static TableIO.Read open(RunPlan plan, Path file) throws IOException {
    String path = absolute(file);
    if (plan.schema() == null) {
      return TableIO.read(path);
    }
    try {
      return TableIO.read(path, new Schema.Parser().parse(plan.schema().toFile()));
    } catch (SchemaParseException e) {
      throw plan.error("input.schema", "cannot parse the Avro schema " + plan.schema() + ": "
          + e.getMessage());
    }
  }

  /** Absolute: a Flink cluster's workers resolve paths against their own working folder. */
  private static String absolute(Path path) {
    return path.toAbsolutePath().toString();
  }
}
