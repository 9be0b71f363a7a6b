package io.synthbeam.table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;

/** Reads and checks a field's {@link ColumnDeclaration} properties; errors name the field. */
final class ColumnDeclarations {
  private ColumnDeclarations() {}

  static ColumnDeclaration read(Schema.Field field, ColumnSpec column) {
    Object isPublic = field.getObjectProp(ColumnDeclaration.PUBLIC);
    Object categories = field.getObjectProp(ColumnDeclaration.CATEGORIES);
    Object range = field.getObjectProp(ColumnDeclaration.RANGE);
    Object points = field.getObjectProp(ColumnDeclaration.POINTS);
    if (isPublic == null && categories == null && range == null && points == null) {
      return ColumnDeclaration.NONE;
    }
    if (isPublic != null && !(isPublic instanceof Boolean)) {
      throw bad(column, ColumnDeclaration.PUBLIC, "must be true or false, got " + isPublic);
    }
    boolean continuous = column.kind() == ColumnKind.CONTINUOUS;
    if (categories != null && continuous) {
      throw bad(column, ColumnDeclaration.CATEGORIES, "is for categorical columns, and this "
          + column.type().name().toLowerCase() + " column is continuous"
          + (column.type() == ValueType.INT || column.type() == ValueType.LONG
              ? " (name it in the categorical columns, --categorical " + column.name() + ")"
              : "; declare its range with " + ColumnDeclaration.RANGE + " instead"));
    }
    for (Object p : new Object[] {range, points}) {
      if (p != null && !continuous) {
        throw bad(column, p == range ? ColumnDeclaration.RANGE : ColumnDeclaration.POINTS,
            "is for continuous columns, and this column is categorical; declare its values with "
                + ColumnDeclaration.CATEGORIES);
      }
    }
    ColumnDeclaration.Range declaredRange = range == null ? null : range(column, range);
    List<Double> declaredPoints = points == null ? List.of() : points(column, points,
        declaredRange);
    return new ColumnDeclaration(Boolean.TRUE.equals(isPublic),
        categories == null ? null : categories(column, categories), declaredRange,
        declaredPoints);
  }

  private static List<Object> categories(ColumnSpec column, Object declared) {
    String property = ColumnDeclaration.CATEGORIES;
    if (column.type() == ValueType.ENUM || column.type() == ValueType.BOOLEAN) {
      throw bad(column, property, "is not needed: an " + column.type().name().toLowerCase()
          + " column's values are declared by its type; remove the property");
    }
    List<?> list = list(column, property, declared);
    if (list.isEmpty()) {
      throw bad(column, property, "lists no category");
    }
    List<Object> keys = new ArrayList<>();
    Set<Object> seen = new HashSet<>();
    for (Object v : list) {
      Object key = switch (column.type()) {
        case STRING -> {
          if (!(v instanceof String s)) {
            throw bad(column, property, "must list strings, got " + shown(v));
          }
          yield s;
        }
        case INT, LONG -> {
          double x = number(column, property, v);
          if (x != Math.rint(x) || (column.type() == ValueType.INT
              && (x < Integer.MIN_VALUE || x > Integer.MAX_VALUE))) {
            throw bad(column, property, "must list " + column.type().name().toLowerCase()
                + " values, got " + shown(v));
          }
          yield v instanceof Long l ? l : Long.valueOf((long) x);
        }
        default -> throw new IllegalStateException(column.type().name());
      };
      if (!seen.add(key)) {
        throw bad(column, property, "lists " + shown(v) + " twice");
      }
      keys.add(key);
    }
    return keys;
  }

  private static ColumnDeclaration.Range range(ColumnSpec column, Object declared) {
    String property = ColumnDeclaration.RANGE;
    List<?> list = list(column, property, declared);
    if (list.size() != 2) {
      throw bad(column, property, "must be [min, max], got " + declared);
    }
    double min = value(column, property, list.get(0));
    double max = value(column, property, list.get(1));
    if (!(min < max)) {
      throw bad(column, property, "must have min < max, got " + declared);
    }
    return new ColumnDeclaration.Range(min, max);
  }

  private static List<Double> points(ColumnSpec column, Object declared,
      ColumnDeclaration.Range range) {
    String property = ColumnDeclaration.POINTS;
    TreeSet<Double> points = new TreeSet<>();
    for (Object v : list(column, property, declared)) {
      double x = value(column, property, v);
      if (range != null && (x < range.min() || x > range.max())) {
        throw bad(column, property, "lists " + shown(v) + ", outside the declared range ["
            + range.min() + ", " + range.max() + "]");
      }
      if (!points.add(x)) {
        throw bad(column, property, "lists " + shown(v) + " twice");
      }
    }
    return new ArrayList<>(points);
  }

  /** A number in the column's units: dates and timestamps may be ISO-8601 text. */
  private static double value(ColumnSpec column, String property, Object v) {
    double x;
    if (v instanceof String text) {
      try {
        x = switch (column.type()) {
          case DATE -> LocalDate.parse(text).toEpochDay();
          case TIMESTAMP_MILLIS -> Instant.parse(text).toEpochMilli();
          case TIMESTAMP_MICROS -> {
            Instant t = Instant.parse(text);
            yield t.getEpochSecond() * 1_000_000.0 + t.getNano() / 1000;
          }
          default -> throw bad(column, property, "must list numbers, got " + shown(v));
        };
      } catch (DateTimeParseException e) {
        throw bad(column, property, "has " + shown(v) + ", which is not an ISO-8601 "
            + (column.type() == ValueType.DATE ? "date (2024-01-31)" : "instant"
            + " (2024-01-31T12:00:00Z)"));
      }
    } else {
      x = number(column, property, v);
    }
    boolean integral = column.type() != ValueType.FLOAT && column.type() != ValueType.DOUBLE;
    if (integral && x != Math.rint(x)) {
      throw bad(column, property, "must list whole numbers for this "
          + column.type().name().toLowerCase() + " column, got " + shown(v));
    }
    return x;
  }

  private static double number(ColumnSpec column, String property, Object v) {
    if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw bad(column, property, "must list finite numbers, got " + shown(v));
    }
    return n.doubleValue();
  }

  private static List<?> list(ColumnSpec column, String property, Object declared) {
    if (!(declared instanceof List<?> list)) {
      throw bad(column, property, "must be a JSON array, got " + shown(declared));
    }
    return list;
  }

  private static String shown(Object v) {
    return v == null || v == JsonProperties.NULL_VALUE ? "null"
        : v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
  }

  private static IllegalArgumentException bad(ColumnSpec column, String property, String what) {
    return new IllegalArgumentException("field '" + column.name() + "': the schema property \""
        + property + "\" " + what);
  }
}
