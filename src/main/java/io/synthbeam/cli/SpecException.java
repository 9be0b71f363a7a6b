package io.synthbeam.cli;

/**
 * A pipeline spec that cannot run: its message names the file, the line, the key and, where it
 * helps, the allowed keys or values ("pipelines/x.yaml line 7: model.epoch: unknown key; allowed
 * keys: ...").
 */
final class SpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  SpecException(String message) {
    super(message);
  }

  /** "WHERE: KEY: problem", with the key as dotted path ({@code model.epochs}). */
  static SpecException at(String where, String key, String problem) {
    return new SpecException(where + ": " + (key.isEmpty() ? "" : key + ": ") + problem);
  }

  /** {@code /model/epochs} as {@code model.epochs}. */
  static String key(String pointer) {
    return pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.');
  }
}
