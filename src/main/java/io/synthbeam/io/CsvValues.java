package io.synthbeam.io;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.avro.generic.GenericData;

/**
 * Converts between CSV cell text and Avro values of one {@link CsvFieldType}.
 *
 * <p>Dates are ISO {@code yyyy-MM-dd}; date-times are ISO 8601 with {@code T} or a space between
 * date and time, with an offset ({@code Z}, {@code +02:00}) or without one (then UTC), and are
 * written as UTC instants ({@code 2024-01-31T12:00:00.250Z}).
 */
final class CsvValues {
  private CsvValues() {}

  /**
   * The Avro value of a non-empty cell. Surrounding spaces are ignored for every kind except
   * strings and enum symbols.
   *
   * @throws IllegalArgumentException saying what the text is not ("'abc' is not an int")
   */
  static Object parse(String text, CsvFieldType type) {
    try {
      Object value = switch (type.kind()) {
        case STRING -> text;
        case ENUM -> type.valueSchema().hasEnumSymbol(text)
            ? new GenericData.EnumSymbol(type.valueSchema(), text) : null;
        case BOOLEAN -> parseBoolean(text.strip());
        case INT -> Integer.parseInt(text.strip());
        case LONG -> Long.parseLong(text.strip());
        case FLOAT -> Float.parseFloat(text.strip());
        case DOUBLE -> Double.parseDouble(text.strip());
        case DATE -> Math.toIntExact(LocalDate.parse(text.strip()).toEpochDay());
        case TIMESTAMP_MILLIS -> parseInstant(text.strip()).toEpochMilli();
        case TIMESTAMP_MICROS -> toMicros(parseInstant(text.strip()));
      };
      if (value != null) {
        return value;
      }
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      // reported below with the expected kind
    }
    String message = "'" + text + "' is not " + type.kind().description();
    if (type.kind() == CsvFieldType.Kind.ENUM) {
      message += " of " + type.valueSchema().getName() + " " + type.valueSchema().getEnumSymbols();
    }
    throw new IllegalArgumentException(message);
  }

  /** The cell text of a non-null Avro value. */
  static String format(Object value, CsvFieldType type) {
    return switch (type.kind()) {
      case DATE -> LocalDate.ofEpochDay(((Number) value).longValue()).toString();
      case TIMESTAMP_MILLIS -> Instant.ofEpochMilli(((Number) value).longValue()).toString();
      case TIMESTAMP_MICROS -> fromMicros(((Number) value).longValue()).toString();
      default -> value.toString();
    };
  }

  /**
   * Parses an ISO 8601 date-time: with an offset it is that instant, without one it is read as
   * UTC.
   *
   * @throws DateTimeParseException if the text is not such a date-time
   */
  static Instant parseInstant(String text) {
    String iso = text.length() > 10 && text.charAt(10) == ' '
        ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    char last = iso.isEmpty() ? ' ' : iso.charAt(iso.length() - 1);
    boolean hasOffset = last == 'Z' || last == 'z' || iso.matches(".*T.*[+-]\\d{2}:\\d{2}$");
    if (hasOffset) {
      return OffsetDateTime.parse(iso.toUpperCase(Locale.ROOT)).toInstant();
    }
    return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
  }

  private static Boolean parseBoolean(String text) {
    if (text.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    return text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
  }

  private static long toMicros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
        instant.getNano() / 1_000L);
  }

  private static Instant fromMicros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
