package io.synthbeam.beam;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Copies records into a schema with fewer fields (by name), so real rows can be compared with a
 * synthetic table that left some columns out.
 */
public final class ProjectRecords {
  private ProjectRecords() {}

  /**
   * {@code rows} with only {@code target}'s fields, under an AvroCoder of {@code target}; the
   * rows themselves when their AvroCoder's schema has as many fields.
   */
  public static PCollection<GenericRecord> to(Schema target, PCollection<GenericRecord> rows,
      String stepName) {
    if (rows.getCoder() instanceof AvroCoder<?> avro
        && avro.getSchema().getFields().size() == target.getFields().size()) {
      return rows;
    }
    return rows.apply(stepName, ParDo.of(new ProjectFn(target))).setCoder(AvroCoder.of(target));
  }

  /** The schema travels as JSON text (Avro 1.11's Schema is not serializable), parsed once. */
  private static final class ProjectFn extends DoFn<GenericRecord, GenericRecord> {
    private final String schemaJson;
    private transient Schema schema;

    ProjectFn(Schema schema) {
      this.schemaJson = schema.toString();
    }

    @Setup
    public void setup() {
      schema = new Schema.Parser().parse(schemaJson);
    }

    @ProcessElement
    public void process(@Element GenericRecord record, OutputReceiver<GenericRecord> out) {
      GenericData.Record copy = new GenericData.Record(schema);
      for (Schema.Field field : schema.getFields()) {
        copy.put(field.pos(), record.get(field.name()));
      }
      out.output(copy);
    }
  }
}
