package io.synthbeam.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Turns raw Avro values into what the metrics compare, the way judge.py reads a CSV cell: a
 * continuous value becomes a double (dates and timestamps as seconds since the epoch; null or
 * text that is not a number NaN), a categorical value becomes its text with a trailing
 * {@code ".0"} removed (so 3, 3L and 3.0 are one category) and null becomes {@value #NULL}.
 */
final class Values {
  /** The category standing for a missing value (pandas' {@code <NA>} text). */
  static final String NULL = "<NA>";

  private static final double SECONDS_PER_DAY = 86_400.0;

  private Values() {}

  /** How a field's raw values are scaled to seconds when they are dates or timestamps. */
  static double secondsPerUnit(Schema fieldSchema) {
    Schema value = nonNull(fieldSchema);
    LogicalType logical = value.getLogicalType();
    if (logical instanceof LogicalTypes.Date) {
      return SECONDS_PER_DAY;
    }
    if (logical instanceof LogicalTypes.TimestampMillis
        || logical instanceof LogicalTypes.LocalTimestampMillis) {
      return 1e-3;
    }
    if (logical instanceof LogicalTypes.TimestampMicros
        || logical instanceof LogicalTypes.LocalTimestampMicros) {
      return 1e-6;
    }
    return 1.0;
  }

  /** A continuous value: a finite double, or NaN for null and for what is not a number. */
  static double number(Object raw, double secondsPerUnit) {
    double x;
    if (raw == null) {
      return Double.NaN;
    } else if (raw instanceof Number n) {
      x = n.doubleValue() * secondsPerUnit;
    } else if (raw instanceof Boolean b) {
      x = b ? 1 : 0;
    } else if (raw instanceof LocalDate d) {
      x = d.toEpochDay() * SECONDS_PER_DAY;
    } else if (raw instanceof Instant t) {
      x = t.getEpochSecond() + t.getNano() * 1e-9;
    } else if (raw instanceof LocalDateTime t) {
      x = t.toEpochSecond(ZoneOffset.UTC) + t.getNano() * 1e-9;
    } else {
      x = parse(raw.toString().strip());
    }
    return Double.isFinite(x) ? x : Double.NaN;
  }

  /** A categorical value's text (pandas' {@code astype(str)} without a trailing ".0"). */
  static String category(Object raw) {
    if (raw == null) {
      return NULL;
    }
    String text;
    if (raw instanceof Double || raw instanceof Float) {
      double x = ((Number) raw).doubleValue();
      text = x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x)
          : raw instanceof Float f ? Float.toString(f) : Double.toString(x);
    } else if (raw instanceof Boolean b) {
      text = b ? "True" : "False";
    } else {
      text = raw.toString();
    }
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }

  private static double parse(String text) {
    if (text.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException notANumber) {
      // Dates and date-times in ISO form, as pandas' to_datetime reads them.
    }
    try {
      return LocalDate.parse(text).toEpochDay() * SECONDS_PER_DAY;
    } catch (DateTimeParseException notADate) {
      // try the next form
    }
    try {
      OffsetDateTime t = OffsetDateTime.parse(text);
      return t.toEpochSecond() + t.getNano() * 1e-9;
    } catch (DateTimeParseException notAnOffsetDateTime) {
      // try the next form
    }
    try {
      LocalDateTime t = LocalDateTime.parse(text.replace(' ', 'T'));
      return t.toEpochSecond(ZoneOffset.UTC) + t.getNano() * 1e-9;
    } catch (DateTimeParseException notADateTime) {
      return Double.NaN;
    }
  }

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    for (Schema branch : schema.getTypes()) {
      if (branch.getType() != Schema.Type.NULL) {
        return branch;
      }
    }
    return schema;
  }
}
