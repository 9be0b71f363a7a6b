package io.synthbeam.validation;

/** What the utility models predict: a category (classification) or a number (regression). */
public enum Task {
  CLASSIFICATION, REGRESSION
}
