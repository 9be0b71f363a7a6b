package io.synthbeam.beam;

import io.synthbeam.table.ColumnKind;
import io.synthbeam.table.TableSpec;
import io.synthbeam.validation.QualityGates;
import io.synthbeam.validation.ValidateSynthetic;
import io.synthbeam.validation.ValidationColumns;
import io.synthbeam.validation.ValidationOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * How {@link SynthesizeTable} validates its synthetic table: against which holdout rows and
 * target column, with which quality gates, and whether a failed gate fails the pipeline or
 * quarantines the table. Immutable; the holdout PCollection belongs to the pipeline being built
 * and is not serialized.
 */
final class ValidationSettings {
  /** Null: no validation. */
  private final PCollection<GenericRecord> holdout;
  private final String target;
  private final QualityGates gates;
  private final boolean quarantine;
  private final ValidationOptions options;

  private ValidationSettings(PCollection<GenericRecord> holdout, String target,
      QualityGates gates, boolean quarantine, ValidationOptions options) {
    this.holdout = holdout;
    this.target = target;
    this.gates = gates;
    this.quarantine = quarantine;
    this.options = options;
  }

  static ValidationSettings none() {
    return new ValidationSettings(null, null, QualityGates.none(), false,
        ValidationOptions.defaults().withCharts(true));
  }

  ValidationSettings withHoldout(PCollection<GenericRecord> rows, String targetColumn) {
    return new ValidationSettings(ModelSettings.notNull(rows, "holdout"),
        ModelSettings.notNull(targetColumn, "targetColumn"), gates, quarantine, options);
  }

  ValidationSettings withGates(QualityGates value) {
    return new ValidationSettings(holdout, target, ModelSettings.notNull(value, "gates"),
        quarantine, options);
  }

  ValidationSettings withQuarantine() {
    return new ValidationSettings(holdout, target, gates, true, options);
  }

  ValidationSettings withOptions(ValidationOptions value) {
    return new ValidationSettings(holdout, target, gates, quarantine,
        ModelSettings.notNull(value, "ValidationOptions"));
  }

  boolean enabled() {
    return holdout != null;
  }

  /**
   * Fails, naming the missing call, when gates or quarantine are set without validation, or
   * quarantine without gates; and when the target is not a modelled column.
   */
  void check(TableSpec spec, Map<String, ColumnKind> kinds) {
    if (!enabled() && (gates.any() || quarantine)) {
      throw new IllegalArgumentException("SynthesizeTable: withGates and withQuarantine need "
          + "withValidation(holdout, targetColumn), the rows the gates are measured against");
    }
    if (quarantine && !gates.any()) {
      throw new IllegalArgumentException("SynthesizeTable: withQuarantine needs withGates: "
          + "without a gate every table passes");
    }
    if (enabled()) {
      // Names the column now rather than when the pipeline runs.
      ValidationColumns.fromSchema(spec.outputSchema(), kinds, target);
    }
  }

  /**
   * The validation of {@code synthetic} against {@code real} (the training rows) and the
   * holdout, both cut to the synthetic table's columns, reporting the bundle's privacy
   * guarantee. Tags as {@link ValidateSynthetic}'s.
   */
  PCollectionTuple validate(PCollection<GenericRecord> synthetic, PCollection<GenericRecord> real,
      PCollection<byte[]> bundle, TableSpec spec, Map<String, ColumnKind> kinds) {
    ValidateSynthetic transform = ValidateSynthetic.of(
            ProjectRecords.to(spec.outputSchema(), real, "ProjectReal"),
            ProjectRecords.to(spec.outputSchema(), holdout, "ProjectHoldout"), target)
        .withColumnKinds(kinds).withOptions(options).withGates(gates).withModelBundle(bundle);
    return synthetic.apply("Validate",
        gates.any() && !quarantine ? transform.failingOnGate() : transform);
  }

  /** Kinds the model uses that the schema alone does not tell: int columns as categories. */
  static Map<String, ColumnKind> kinds(ModelSettings model) {
    Map<String, ColumnKind> kinds = new LinkedHashMap<>();
    model.encoding().categoricalColumns().forEach(c -> kinds.put(c, ColumnKind.CATEGORICAL));
    return kinds;
  }

  void populateDisplayData(DisplayData.Builder builder) {
    if (!enabled()) {
      return;
    }
    builder.add(DisplayData.item("validationTarget", target).withLabel("Validation target"))
        .add(DisplayData.item("gates", gates.toString()).withLabel("Quality gates"))
        .add(DisplayData.item("quarantine", quarantine)
            .withLabel("A failed gate quarantines the table"));
  }
}
