package io.synthbeam.validation;

/** A synthetic table failed a quality gate; the message names the figure, value and bound. */
public final class QualityGateException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public QualityGateException(String message) {
    super(message);
  }
}
