package io.synthbeam.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthbeam.table.ColumnKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Column types and target from a judge.py-style {@code meta.json}:
 * {@code {"target": "class", "columns": {"age": "continuous", "workclass": "categorical",
 * "when": "datetime"}}} (datetime columns are continuous).
 *
 * @param kinds column kind by name (CSV header or field name)
 * @param target the target column, when the file names one
 */
public record ColumnTypesFile(Map<String, ColumnKind> kinds, Optional<String> target) {

  /**
   * Reads the file.
   *
   * @throws IOException naming the file when it cannot be read or parsed
   * @throws IllegalArgumentException naming the file and column for an unknown column type
   */
  public static ColumnTypesFile read(Path path) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(path.toFile());
    } catch (IOException e) {
      throw new IOException("cannot read the column types file " + path + ": " + e.getMessage(),
          e);
    }
    if (root == null || !root.isObject()) {
      throw new IOException("the column types file " + path + " must hold a JSON object with "
          + "\"columns\" (name to continuous|categorical|datetime) and optionally \"target\"");
    }
    Map<String, ColumnKind> kinds = new LinkedHashMap<>();
    JsonNode columns = root.path("columns");
    Iterator<Map.Entry<String, JsonNode>> fields = columns.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      String type = e.getValue().asText().toLowerCase(Locale.ROOT);
      kinds.put(e.getKey(), switch (type) {
        case "categorical" -> ColumnKind.CATEGORICAL;
        case "continuous", "datetime", "numerical" -> ColumnKind.CONTINUOUS;
        default -> throw new IllegalArgumentException("column '" + e.getKey() + "' in " + path
            + " has the type '" + type + "'; use continuous, categorical or datetime");
      });
    }
    JsonNode target = root.get("target");
    return new ColumnTypesFile(kinds, target == null || target.isNull() ? Optional.empty()
        : Optional.of(target.asText()));
  }
}
