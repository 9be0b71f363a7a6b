package io.synthbeam.beam.io;

import io.synthbeam.io.CsvRows;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.DoFn;

/** A record as one CSV line (fields read by name; cells as SynthBeam's CSV writer writes them). */
final class CsvLineFn extends DoFn<GenericRecord, String> {
  private final Schema schema;
  private transient CsvRows rows;

  CsvLineFn(Schema schema) {
    this.schema = schema;
  }

  @Setup
  public void setup() {
    rows = CsvRows.of(schema);
  }

  @ProcessElement
  public void process(@Element GenericRecord record, OutputReceiver<String> out) {
    out.output(rows.line(record));
  }
}
