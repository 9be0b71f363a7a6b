package io.synthbeam.table;

/** What an Avro field holds, so that decoding produces the field's own Java type. */
public enum ValueType {
  INT, LONG, FLOAT, DOUBLE, STRING, BOOLEAN, ENUM,
  /** Avro {@code date}: int days since the epoch; modelled as continuous. */
  DATE,
  /** Avro {@code timestamp-millis}: long; modelled as continuous. */
  TIMESTAMP_MILLIS,
  /** Avro {@code timestamp-micros}: long; modelled as continuous. */
  TIMESTAMP_MICROS
}
