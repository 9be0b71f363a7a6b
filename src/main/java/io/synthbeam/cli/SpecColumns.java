package io.synthbeam.cli;

import io.synthbeam.io.CsvColumnNames;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * The column names a spec uses, checked against the input's schema and turned into field names:
 * a CSV header ({@code education-num}) or a field name ({@code education_num}) both work; an
 * unknown one fails naming its spec line and the table's columns.
 */
final class SpecColumns {
  private final RunPlan plan;
  private final Schema schema;

  SpecColumns(RunPlan plan, Schema schema) {
    this.plan = plan;
    this.schema = schema;
  }

  /** Checks every column name of the spec. */
  void check() {
    checkAll("columns.keep", plan.keep());
    checkAll("columns.exclude", plan.exclude());
    checkAll("columns.categorical", plan.categorical());
    plan.conditions().keySet().forEach(c -> field(c, "conditions." + c));
    PipelineSpec spec = plan.spec();
    if (spec.rebalance() != null) {
      field(spec.rebalance().label(), "rebalance.label");
    }
    if (spec.validation() != null) {
      field(spec.validation().target(), "validation.target");
      if (spec.validation().categorical() != null) {
        checkAll("validation.categorical", spec.validation().categorical());
      }
    }
    if (spec.evaluate() != null) {
      field(spec.evaluate().label(), "evaluate.label");
    }
    if (!plan.keep().isEmpty() && excluded().size() == schema.getFields().size()) {
      throw plan.error("columns.keep", "keeps no column");
    }
  }

  /** The field name of column {@code name}, written at {@code key}. */
  String field(String name, String key) {
    String field = ColumnNames.toFieldName(schema, name.strip());
    if (schema.getField(field) == null) {
      throw plan.error(key, "unknown column '" + name + "'; the input's columns are "
          + schema.getFields().stream().map(CsvColumnNames::csvName)
              .collect(Collectors.joining(", ")));
    }
    return field;
  }

  /** The fields left out of the model: those excluded, or those not kept. */
  Set<String> excluded() {
    Set<String> out = new LinkedHashSet<>();
    plan.exclude().forEach(c -> out.add(ColumnNames.toFieldName(schema, c.strip())));
    if (!plan.keep().isEmpty()) {
      Set<String> kept = new LinkedHashSet<>();
      plan.keep().forEach(c -> kept.add(ColumnNames.toFieldName(schema, c.strip())));
      schema.getFields().stream().map(Schema.Field::name).filter(f -> !kept.contains(f))
          .forEach(out::add);
    }
    return out;
  }

  /** The conditions with field names as keys. */
  Map<String, String> conditions() {
    Map<String, String> out = new LinkedHashMap<>();
    plan.conditions().forEach((c, v) -> out.put(ColumnNames.toFieldName(schema, c.strip()), v));
    return out;
  }

  private void checkAll(String key, List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      field(names.get(i), key + "." + i);
    }
  }
}
