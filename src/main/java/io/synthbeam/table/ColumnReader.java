package io.synthbeam.table;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;

/**
 * Checks one column's raw values (the Java types Avro's generic representation uses, with Avro's
 * lossless promotions int to long/float/double, long to float/double, float to double) and turns
 * them into what the encoding works on: a finite double for continuous columns, a category key
 * (String, Long or Boolean) for categorical ones. Errors name the column.
 */
final class ColumnReader implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  private final ColumnSpec column;
  /** The enum's symbols, for enum columns; null otherwise. */
  private final Set<String> symbols;

  ColumnReader(ColumnSpec column, Schema valueSchema) {
    this.column = column;
    this.symbols = column.type() == ValueType.ENUM ? Set.copyOf(valueSchema.getEnumSymbols()) : null;
  }

  ColumnSpec column() {
    return column;
  }

  /** Throws unless the column may hold null. */
  void checkNullAllowed() {
    if (!column.nullable()) {
      throw new IllegalArgumentException("column '" + column.name()
          + "' is not nullable in the schema, but a record has null in it");
    }
  }

  /** A non-null value of a continuous column as a finite double (-0.0 read as 0.0). */
  double number(Object raw) {
    double x = switch (column.type()) {
      case INT -> raw instanceof Integer i ? i : wrongType(raw);
      case DATE -> raw instanceof Integer i ? i
          : raw instanceof LocalDate d ? d.toEpochDay() : wrongType(raw);
      case LONG -> raw instanceof Long l ? l : raw instanceof Integer i ? i : wrongType(raw);
      case TIMESTAMP_MILLIS -> raw instanceof Long l ? l : raw instanceof Integer i ? i
          : raw instanceof Instant t ? t.toEpochMilli() : wrongType(raw);
      case TIMESTAMP_MICROS -> raw instanceof Long l ? l : raw instanceof Integer i ? i
          : raw instanceof Instant t ? t.getEpochSecond() * 1_000_000L + t.getNano() / 1000
          : wrongType(raw);
      case FLOAT -> raw instanceof Float f ? f : raw instanceof Integer i ? i
          : raw instanceof Long l ? l : wrongType(raw);
      case DOUBLE -> raw instanceof Double d ? d : raw instanceof Float f ? f
          : raw instanceof Integer i ? i : raw instanceof Long l ? l : wrongType(raw);
      default -> throw new IllegalStateException("column '" + column.name() + "' is categorical");
    };
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("column '" + column.name() + "' has the value " + x
          + "; continuous columns need finite numbers (drop or fix those rows, or leave the column"
          + " out with --exclude " + column.name() + ")");
    }
    return x + 0.0;
  }

  /** A non-null value of a categorical column as its category key. */
  Object key(Object raw) {
    return switch (column.type()) {
      case STRING -> raw instanceof CharSequence s ? s.toString() : wrongType(raw);
      case ENUM -> {
        if (!(raw instanceof GenericEnumSymbol<?>) && !(raw instanceof CharSequence)) {
          wrongType(raw);
        }
        String symbol = raw.toString();
        if (!symbols.contains(symbol)) {
          throw new IllegalArgumentException("column '" + column.name() + "' has the value '"
              + symbol + "', which is not a symbol of its enum " + List.copyOf(symbols));
        }
        yield symbol;
      }
      case BOOLEAN -> raw instanceof Boolean b ? b : wrongType(raw);
      case INT -> raw instanceof Integer i ? Long.valueOf(i) : wrongType(raw);
      case LONG -> raw instanceof Long l ? l
          : raw instanceof Integer i ? Long.valueOf(i) : wrongType(raw);
      default -> throw new IllegalStateException("column '" + column.name() + "' is continuous");
    };
  }

  private <T> T wrongType(Object raw) {
    String shown = String.valueOf(raw);
    if (shown.length() > 40) {
      shown = shown.substring(0, 40) + "...";
    }
    throw new IllegalArgumentException("column '" + column.name() + "' holds "
        + column.type().name().toLowerCase() + " values, but a record has a "
        + raw.getClass().getSimpleName() + " (" + shown + ") in it");
  }
}
