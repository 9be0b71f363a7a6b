package io.synthbeam.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each key and value of a YAML spec is written: the line of every JSON pointer
 * ({@code /model/epochs}, {@code /columns/keep/0}), so errors found after binding (a value out of
 * range, a missing file) can name the line too. Keys set with {@code --set} are recorded as such.
 */
final class SpecLocations {
  private final String file;
  private final Map<String, String> where = new HashMap<>();

  private SpecLocations(String file) {
    this.file = file;
  }

  /** The lines of {@code yaml}, whose syntax is assumed to have been checked already. */
  static SpecLocations of(String file, String yaml) throws IOException {
    SpecLocations locations = new SpecLocations(file);
    try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          continue;
        }
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        locations.where.putIfAbsent(pointer,
            file + " line " + parser.currentTokenLocation().getLineNr());
      }
    }
    return locations;
  }

  /** Records that {@code pointer} (and what is under it) was set on the command line. */
  void overridden(String pointer, String setting) {
    where.keySet().removeIf(p -> p.equals(pointer) || p.startsWith(pointer + "/"));
    where.put(pointer, file + " (--set " + setting + ")");
  }

  /**
   * "FILE line N" of the pointer, or of its closest written parent; "FILE" when nothing of it
   * is written.
   */
  String of(String pointer) {
    for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
      String found = where.get(p);
      if (found != null) {
        return found;
      }
      if (p.isEmpty()) {
        return file;
      }
    }
  }
}
