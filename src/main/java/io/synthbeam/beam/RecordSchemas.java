package io.synthbeam.beam;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.values.PCollection;

/** Finds the Avro schema of an input and checks that records carry it. */
final class RecordSchemas {
  private RecordSchemas() {}

  /**
   * The schema of {@code input}'s records: {@code given} when set (it must then agree with the
   * input's AvroCoder, if it has one), else the AvroCoder's.
   *
   * @throws IllegalArgumentException when neither is known, or they disagree
   */
  static Schema of(PCollection<GenericRecord> input, Schema given, String transform) {
    Coder<GenericRecord> coder = input.getCoder();
    Schema fromCoder = coder instanceof AvroCoder<?> avro ? avro.getSchema() : null;
    if (given != null) {
      if (fromCoder != null && !compatible(fromCoder, given)) {
        throw new IllegalArgumentException(transform + ".withSchema(...) does not match the"
            + " schema of the input's AvroCoder: " + differences(fromCoder, given)
            + "; leave withSchema out to use the coder's schema");
      }
      return given;
    }
    if (fromCoder == null) {
      throw new IllegalArgumentException(transform + " needs the Avro schema of its input "
          + input.getName() + ", whose coder is " + coder + ": give the input an AvroCoder"
          + " (records.setCoder(AvroCoder.of(schema))) or call withSchema(schema)");
    }
    return fromCoder;
  }

  /** Same field names, in the same order, with equal types (docs and properties may differ). */
  static boolean compatible(Schema actual, Schema expected) {
    if (actual == expected) {
      return true;
    }
    if (actual.getType() != Schema.Type.RECORD
        || actual.getFields().size() != expected.getFields().size()) {
      return false;
    }
    for (int i = 0; i < expected.getFields().size(); i++) {
      Schema.Field a = actual.getFields().get(i);
      Schema.Field e = expected.getFields().get(i);
      if (!a.name().equals(e.name()) || !a.schema().equals(e.schema())) {
        return false;
      }
    }
    return true;
  }

  /** What differs between two record schemas, field by field, for messages. */
  static String differences(Schema actual, Schema expected) {
    if (actual.getType() != Schema.Type.RECORD) {
      return "a " + actual.getType().getName() + " is not a record";
    }
    List<String> out = new ArrayList<>();
    for (Schema.Field e : expected.getFields()) {
      Schema.Field a = actual.getField(e.name());
      if (a == null) {
        out.add("field '" + e.name() + "' is missing");
      } else if (!a.schema().equals(e.schema())) {
        out.add("field '" + e.name() + "' is " + a.schema() + " instead of " + e.schema());
      } else if (a.pos() != e.pos()) {
        out.add("field '" + e.name() + "' is at position " + a.pos() + " instead of " + e.pos());
      }
    }
    for (Schema.Field a : actual.getFields()) {
      if (expected.getField(a.name()) == null) {
        out.add("field '" + a.name() + "' is not in the table's schema");
      }
    }
    return out.isEmpty() ? "the schemas differ" : String.join("; ", out);
  }

  /**
   * Checks that records carry the table's schema; caches the last schema that passed, so a
   * stream of records sharing one Schema instance costs one comparison.
   */
  static final class Check implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final Schema expected;
    private transient Schema lastPassed;

    Check(Schema expected) {
      this.expected = expected;
    }

    /** @throws IllegalArgumentException naming the fields that differ */
    void check(GenericRecord record) {
      Schema actual = record.getSchema();
      if (actual == lastPassed) {
        return;
      }
      if (!compatible(actual, expected)) {
        throw new IllegalArgumentException("a record of schema " + actual.getFullName()
            + " does not match the table's schema " + expected.getFullName() + ": "
            + differences(actual, expected)
            + "; every input record must have the schema of the input's AvroCoder"
            + " (or the one given with withSchema)");
      }
      lastPassed = actual;
    }
  }
}
