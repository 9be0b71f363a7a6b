package io.synthbeam.io;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * A table read into memory: its Avro record schema and its rows.
 *
 * @param schema the record schema every row has
 * @param records the rows, in file order (unmodifiable)
 */
public record Table(Schema schema, List<GenericRecord> records) {
  public Table {
    records = List.copyOf(records);
  }
}
