package io.synthbeam.table;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthbeam.privacy.accounting.DpConversion;
import io.synthbeam.table.dp.PreprocessingSpend;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;

/**
 * The encoder's JSON form: {@code {"format": 1, "rowCount", "width", "conditionWidth", "options",
 * "inputSchema", "columns": [...]}}, where a continuous column lists its training counts and
 * range, point masses and Gaussians, and a categorical column its categories with counts. An
 * encoder from a private fit adds {@code "privacy": {"spend": {...}, "columns": {name: {"mode",
 * "budgetShare", "mechanism"}}}}, and its "other" category is {@code {"value": null, "other":
 * true, "count"}}; a non-private encoder's JSON has neither. The streams are left open (the JSON
 * may be one entry of a zip).
 */
final class EncoderJson {
  static final int FORMAT = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

  private EncoderJson() {}

  static void write(TableEncoder encoder, OutputStream out) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("rowCount", encoder.rowCount());
    root.put("width", encoder.width());
    root.put("conditionWidth", encoder.conditionWidth());
    root.set("options", options(encoder.options()));
    root.set("inputSchema", MAPPER.readTree(encoder.spec().inputSchema().toString()));
    ArrayNode columns = root.putArray("columns");
    for (ColumnCodec codec : encoder.codecs()) {
      ObjectNode c = columns.addObject();
      ColumnSpec spec = codec.column();
      c.put("name", spec.name());
      c.put("type", spec.type().name());
      c.put("kind", spec.kind().name());
      c.put("nullable", spec.nullable());
      if (codec instanceof ContinuousColumnCodec continuous) {
        writeModes(c, spec.type(), continuous.modes());
      } else {
        writeCategories(c, (CategoricalColumnCodec) codec);
      }
    }
    encoder.preprocessingSpend().ifPresent(spend -> writePrivacy(root.putObject("privacy"),
        spend, encoder.privacy()));
    MAPPER.writeValue(out, root);
  }

  static TableEncoder read(InputStream in) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (IOException e) {
      throw new IOException("the encoder JSON does not parse: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IOException("the encoder JSON is not an object");
    }
    int format = required(root, "format").asInt();
    if (format != FORMAT) {
      throw new IOException("the encoder JSON has format " + format + "; this version reads format "
          + FORMAT);
    }
    try {
      EncodingOptions options = readOptions(required(root, "options"));
      Schema schema = new Schema.Parser().parse(required(root, "inputSchema").toString());
      TableSpec spec = TableSpec.fromSchema(schema, options);
      JsonNode columns = required(root, "columns");
      if (!columns.isArray() || columns.size() != spec.columns().size()) {
        throw new IOException("the encoder JSON lists " + columns.size() + " columns, its schema"
            + " and options give " + spec.columns().size());
      }
      List<ColumnCodec> codecs = new ArrayList<>();
      for (int j = 0; j < columns.size(); j++) {
        codecs.add(readColumn(columns.get(j), spec, spec.columns().get(j)));
      }
      JsonNode privacy = root.get("privacy");
      TableEncoder encoder = privacy == null
          ? new TableEncoder(spec, options, required(root, "rowCount").asLong(), codecs)
          : new TableEncoder(spec, options, required(root, "rowCount").asLong(), codecs,
              readColumnPrivacy(required(privacy, "columns")),
              readSpend(required(privacy, "spend")));
      if (encoder.width() != required(root, "width").asInt()) {
        throw new IOException("the encoder JSON says width " + root.get("width").asInt()
            + " but its columns make " + encoder.width());
      }
      return encoder;
    } catch (IllegalArgumentException e) {
      throw new IOException("the encoder JSON is inconsistent: " + e.getMessage(), e);
    }
  }

  private static ObjectNode options(EncodingOptions o) {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode categorical = node.putArray("categoricalColumns");
    new TreeSet<>(o.categoricalColumns()).forEach(categorical::add);
    ArrayNode excluded = node.putArray("excludedColumns");
    new TreeSet<>(o.excludedColumns()).forEach(excluded::add);
    node.put("maxModes", o.maxModes());
    node.put("minModeWeight", o.minModeWeight());
    node.put("pointMassMinShare", o.pointMassMinShare());
    node.put("maxPointMasses", o.maxPointMasses());
    node.put("maxCategories", o.maxCategories());
    node.put("reservoirSize", o.reservoirSize());
    node.put("seed", o.seed());
    return node;
  }

  private static EncodingOptions readOptions(JsonNode node) throws IOException {
    return new EncodingOptions(strings(required(node, "categoricalColumns")),
        strings(required(node, "excludedColumns")), required(node, "maxModes").asInt(),
        required(node, "minModeWeight").asDouble(), required(node, "pointMassMinShare").asDouble(),
        required(node, "maxPointMasses").asInt(), required(node, "maxCategories").asInt(),
        required(node, "reservoirSize").asInt(), required(node, "seed").asLong());
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> result = new HashSet<>();
    array.forEach(n -> result.add(n.asText()));
    return result;
  }

  private static void writeModes(ObjectNode c, ValueType type, ContinuousModes m) {
    c.put("values", m.values());
    c.put("nulls", m.nulls());
    putNumber(c, "min", m.min(), type);
    putNumber(c, "max", m.max(), type);
    ArrayNode points = c.putArray("pointMasses");
    for (int i = 0; i < m.points().length; i++) {
      ObjectNode p = points.addObject();
      putNumber(p, "value", m.points()[i], type);
      p.put("share", m.pointShares()[i]);
      p.put("posterior", m.pointPosteriors()[i]);
    }
    ArrayNode gaussians = c.putArray("gaussians");
    for (int k = 0; k < m.means().length; k++) {
      ObjectNode g = gaussians.addObject();
      g.put("mean", m.means()[k]);
      g.put("std", m.stds()[k]);
      g.put("weight", m.weights()[k]);
    }
    c.put("nullMode", m.nullMode());
  }

  /** Integer-valued types as JSON integers (exact and readable), others as doubles. */
  private static void putNumber(ObjectNode node, String name, double value, ValueType type) {
    switch (type) {
      case INT, LONG, DATE, TIMESTAMP_MILLIS, TIMESTAMP_MICROS -> node.put(name, (long) value);
      default -> node.put(name, value);
    }
  }

  private static void writeCategories(ObjectNode c, CategoricalColumnCodec codec) {
    ArrayNode categories = c.putArray("categories");
    Object[] keys = codec.keys();
    long[] counts = codec.counts();
    for (int i = 0; i < keys.length; i++) {
      ObjectNode category = categories.addObject();
      Object key = keys[i];
      if (key == CategoricalColumnCodec.OTHER) {
        category.putNull("value");
        category.put("other", true);
      } else if (key == null) {
        category.putNull("value");
      } else if (key instanceof Long l) {
        category.put("value", l);
      } else if (key instanceof Boolean b) {
        category.put("value", b);
      } else {
        category.put("value", (String) key);
      }
      category.put("count", counts[i]);
    }
  }

  private static ColumnCodec readColumn(JsonNode c, TableSpec spec, ColumnSpec column)
      throws IOException {
    String name = required(c, "name").asText();
    if (!name.equals(column.name()) || !required(c, "type").asText().equals(column.type().name())
        || !required(c, "kind").asText().equals(column.kind().name())
        || required(c, "nullable").asBoolean() != column.nullable()) {
      throw new IOException("the encoder JSON's column '" + name + "' does not match the column "
          + column + " its schema and options give");
    }
    ColumnReader reader = new ColumnReader(column, spec.valueSchema(column));
    if (column.kind() == ColumnKind.CONTINUOUS) {
      return new ContinuousColumnCodec(column, reader, readModes(c));
    }
    JsonNode categories = required(c, "categories");
    Object[] keys = new Object[categories.size()];
    long[] counts = new long[categories.size()];
    for (int i = 0; i < keys.length; i++) {
      JsonNode category = categories.get(i);
      JsonNode value = required(category, "value");
      keys[i] = category.path("other").asBoolean(false) ? CategoricalColumnCodec.OTHER
          : value.isNull() ? null : switch (column.type()) {
        case INT, LONG -> value.asLong();
        case BOOLEAN -> value.asBoolean();
        default -> value.asText();
      };
      counts[i] = required(category, "count").asLong();
    }
    return new CategoricalColumnCodec(column, reader, spec.valueSchema(column), keys, counts);
  }

  private static ContinuousModes readModes(JsonNode c) throws IOException {
    JsonNode points = required(c, "pointMasses");
    double[] values = new double[points.size()];
    double[] shares = new double[points.size()];
    double[] posteriors = new double[points.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = required(points.get(i), "value").asDouble();
      shares[i] = required(points.get(i), "share").asDouble();
      posteriors[i] = required(points.get(i), "posterior").asDouble();
    }
    JsonNode gaussians = required(c, "gaussians");
    double[] means = new double[gaussians.size()];
    double[] stds = new double[gaussians.size()];
    double[] weights = new double[gaussians.size()];
    for (int k = 0; k < means.length; k++) {
      means[k] = required(gaussians.get(k), "mean").asDouble();
      stds[k] = required(gaussians.get(k), "std").asDouble();
      weights[k] = required(gaussians.get(k), "weight").asDouble();
    }
    for (int i = 1; i < values.length; i++) {
      if (!(values[i - 1] < values[i])) {
        throw new IOException("the encoder JSON's point masses are not in ascending order in "
            + abbreviate(c));
      }
    }
    for (int k = 0; k < means.length; k++) {
      if (!(stds[k] > 0) || !(weights[k] > 0) || !Double.isFinite(means[k] + stds[k])) {
        throw new IOException("the encoder JSON has a Gaussian mode with a bad mean, std or"
            + " weight in " + abbreviate(c));
      }
    }
    return new ContinuousModes(required(c, "values").asLong(), required(c, "nulls").asLong(),
        required(c, "min").asDouble(), required(c, "max").asDouble(), values, shares, posteriors,
        means, stds, weights, required(c, "nullMode").asBoolean());
  }

  private static void writePrivacy(ObjectNode node, PreprocessingSpend spend,
      Map<String, ColumnPrivacy> columns) {
    ObjectNode s = node.putObject("spend");
    s.put("epsilon", spend.epsilon());
    s.put("delta", spend.delta());
    s.put("rho", spend.rho());
    s.put("gaussianSigma", spend.gaussianSigma());
    s.put("conversionDelta", spend.conversionDelta());
    s.put("selectionDelta", spend.selectionDelta());
    s.put("mechanisms", spend.mechanisms());
    s.put("selections", spend.selections());
    s.put("conversion", spend.conversion().name());
    s.put("order", spend.order());
    s.put("accountant", PreprocessingSpend.ACCOUNTANT);
    ObjectNode c = node.putObject("columns");
    columns.forEach((name, p) -> {
      ObjectNode column = c.putObject(name);
      column.put("mode", p.mode().name());
      column.put("budgetShare", p.budgetShare());
      column.put("mechanism", p.mechanism());
    });
  }

  private static PreprocessingSpend readSpend(JsonNode s) throws IOException {
    try {
      return new PreprocessingSpend(required(s, "epsilon").asDouble(),
          required(s, "delta").asDouble(), required(s, "rho").asDouble(),
          required(s, "gaussianSigma").asDouble(), required(s, "conversionDelta").asDouble(),
          required(s, "selectionDelta").asDouble(), required(s, "mechanisms").asInt(),
          required(s, "selections").asInt(),
          DpConversion.valueOf(required(s, "conversion").asText()),
          required(s, "order").asDouble());
    } catch (IllegalArgumentException e) {
      throw new IOException("the encoder JSON's privacy spend is invalid: " + e.getMessage(), e);
    }
  }

  private static Map<String, ColumnPrivacy> readColumnPrivacy(JsonNode columns)
      throws IOException {
    Map<String, ColumnPrivacy> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) columns::fields) {
      JsonNode p = e.getValue();
      ColumnPrivacy.Mode mode;
      try {
        mode = ColumnPrivacy.Mode.valueOf(required(p, "mode").asText());
      } catch (IllegalArgumentException x) {
        throw new IOException("the encoder JSON gives column '" + e.getKey()
            + "' an unknown privacy mode " + p.get("mode"), x);
      }
      result.put(e.getKey(), new ColumnPrivacy(mode, required(p, "budgetShare").asDouble(),
          required(p, "mechanism").asText()));
    }
    return result;
  }

  private static JsonNode required(JsonNode node, String field) throws IOException {
    JsonNode value = node.get(field);
    if (value == null) {
      throw new IOException("the encoder JSON lacks \"" + field + "\" in " + abbreviate(node));
    }
    return value;
  }

  private static String abbreviate(JsonNode node) {
    String text = node.toString();
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }
}
