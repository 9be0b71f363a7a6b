package io.synthbeam.table;

/** How a column is modelled. */
public enum ColumnKind {
  /** Mode-specific normalization: a scalar plus a one-hot of its mode (Gaussian or point mass). */
  CONTINUOUS,
  /** One-hot over the categories seen in training (null is a category of its own). */
  CATEGORICAL
}
