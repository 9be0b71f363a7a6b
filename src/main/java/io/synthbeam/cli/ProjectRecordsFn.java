package io.synthbeam.cli;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Copies each record into a schema with fewer fields (by name), so real rows can be compared
 * with a synthetic table that left some columns out.
 */
final class ProjectRecordsFn extends DoFn<GenericRecord, GenericRecord> {
  private final String schemaJson;
  private transient Schema schema;

  ProjectRecordsFn(Schema schema) {
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
