package io.synthbeam.table;

import java.io.Serializable;

/**
 * A run of the encoded row that one generator head produces: {@code TANH} for a continuous
 * column's scalar (length 1), {@code SOFTMAX} for a one-hot (a continuous column's mode, or a
 * categorical column's category). {@code column} is the index into {@link TableSpec#columns()}.
 */
public record OutputSpan(int offset, int length, Activation activation, int column)
    implements Serializable {
  public enum Activation { TANH, SOFTMAX }
}
