package io.synthbeam.table;

import java.io.Serializable;

/**
 * One modelled column: its Avro field name, value type, how it is modelled, and whether the field
 * accepts null. {@code fieldIndex} is the field's position in the (output) Avro schema.
 */
public record ColumnSpec(String name, int fieldIndex, ValueType type, ColumnKind kind,
    boolean nullable) implements Serializable {}
