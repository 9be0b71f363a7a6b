package io.synthbeam.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a pipeline spec: YAML into a tree, {@code --set KEY=VALUE} settings applied to the tree,
 * then bound to {@link PipelineSpec} with unknown keys and wrong types refused. Every error is a
 * {@link SpecException} naming the file, the line (or the setting) and the key, with the allowed
 * keys or the expected type as a hint.
 */
final class SpecLoader {
  private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .build();

  /** A bound spec and where its keys are written. */
  record Loaded(PipelineSpec spec, SpecLocations locations) {}

  private SpecLoader() {}

  /**
   * @param settings {@code KEY=VALUE} overrides, the key a dotted path ({@code model.epochs=1});
   *     the value is read as YAML ({@code 1} a number, {@code [a, b]} a list)
   */
  static Loaded load(Path file, List<String> settings) {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SpecException(name + ": spec file not found");
    } catch (IOException e) {
      throw new SpecException(name + ": cannot read the spec: " + e.getMessage());
    }
    JsonNode tree;
    SpecLocations locations;
    try {
      tree = YAML.readTree(text);
      locations = SpecLocations.of(name, text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new SpecException(name + (at == null ? "" : " line " + at.getLineNr())
          + ": not valid YAML: " + firstLines(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new SpecException(name + ": cannot read the spec: " + e.getMessage());
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      throw new SpecException(name + ": the spec is empty; it needs at least input: and "
          + "outputs: (see pipelines/README.md)");
    }
    if (!tree.isObject()) {
      throw new SpecException(name + " line 1: a spec is a mapping of keys (" 
          + String.join(", ", keysOf(PipelineSpec.class)) + "), not a "
          + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    for (String setting : settings) {
      set((ObjectNode) tree, setting, locations, name);
    }
    try {
      return new Loaded(YAML.treeToValue(tree, PipelineSpec.class), locations);
    } catch (UnrecognizedPropertyException e) {
      String pointer = pointer(e.getPath());
      String parent = pointer.substring(0, pointer.lastIndexOf('/'));
      throw SpecException.at(locations.of(pointer), SpecException.key(pointer),
          "unknown key" + (parent.isEmpty() ? "" : " in " + SpecException.key(parent))
          + "; allowed keys: " + sorted(e.getKnownPropertyIds()));
    } catch (JsonMappingException e) {
      String pointer = pointer(e.getPath());
      JsonNode value = tree.at(pointer);
      throw SpecException.at(locations.of(pointer), SpecException.key(pointer),
          "expected " + expected(e) + ", not " + describe(value));
    } catch (JsonProcessingException e) {
      throw new SpecException(name + ": " + e.getOriginalMessage());
    }
  }

  /** SnakeYAML's message without its source excerpts: "while scanning ...; found ...". */
  private static String firstLines(String message) {
    return message.lines().filter(l -> !l.isBlank() && !l.startsWith(" ") && !l.equals("^"))
        .collect(Collectors.joining("; "));
  }

  /** Applies one {@code a.b.c=value} setting to the tree. */
  private static void set(ObjectNode root, String setting, SpecLocations locations,
      String file) {
    int eq = setting.indexOf('=');
    if (eq <= 0) {
      throw new SpecException(file + ": --set " + setting + ": expected KEY=VALUE, e.g. "
          + "model.epochs=5");
    }
    String[] keys = setting.substring(0, eq).strip().split("\\.");
    JsonNode value;
    try {
      value = YAML.readTree(setting.substring(eq + 1));
    } catch (JsonProcessingException e) {
      throw new SpecException(file + ": --set " + setting + ": the value is not valid YAML: "
          + e.getOriginalMessage());
    }
    if (value == null || value.isMissingNode()) {
      value = NullNode.getInstance();
    }
    ObjectNode node = root;
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < keys.length; i++) {
      pointer.append('/').append(keys[i]);
      if (i == keys.length - 1) {
        node.set(keys[i], value);
        break;
      }
      JsonNode child = node.get(keys[i]);
      if (child == null || child.isNull()) {
        child = node.putObject(keys[i]);
      } else if (!child.isObject()) {
        throw new SpecException(file + ": --set " + setting + ": "
            + SpecException.key(pointer.toString()) + " is not a mapping of keys");
      }
      node = (ObjectNode) child;
    }
    locations.overridden(pointer.toString(), setting);
  }

  private static String pointer(List<JsonMappingException.Reference> path) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      out.append('/').append(ref.getFieldName() != null ? ref.getFieldName()
          : String.valueOf(ref.getIndex()));
    }
    return out.toString();
  }

  /** What the key's type asks for, in the spec's words. */
  private static String expected(JsonMappingException e) {
    Class<?> type = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
        ? m.getTargetType() : null;
    if (type == null) {
      return "another value";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a text value";
    }
    if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
      return "a list ([a, b] or one '- item' per line)";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "a mapping (key: value lines)";
    }
    if (type.isRecord()) {
      return "a mapping with the keys " + String.join(", ", keysOf(type));
    }
    return "a " + type.getSimpleName();
  }

  private static String describe(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "this";
    }
    if (value.isTextual()) {
      return "the text '" + value.asText() + "'";
    }
    if (value.getNodeType() == JsonNodeType.OBJECT) {
      return "a mapping";
    }
    if (value.isArray()) {
      return "a list";
    }
    return value.toString();
  }

  /** The spec keys of a spec record, in their written order. */
  static List<String> keysOf(Class<?> record) {
    // The annotation sits on the component's field (its targets do not include components).
    return Arrays.stream(record.getDeclaredFields())
        .filter(f -> !java.lang.reflect.Modifier.isStatic(f.getModifiers()))
        .map(f -> f.getAnnotation(JsonProperty.class))
        .map(JsonProperty::value).toList();
  }

  private static String sorted(Collection<Object> keys) {
    return keys.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new))
        .stream().collect(Collectors.joining(", "));
  }
}
