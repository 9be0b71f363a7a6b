package io.synthbeam.io;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Infers the Avro type of one CSV column from its cells, one cell at a time.
 *
 * <p>A column is the narrowest of int, long, double, boolean, date, timestamp-millis that every
 * non-empty cell parses as, else string; with any empty cell it becomes a union with null. The
 * number patterns are strict ({@code 007}, {@code +5} and {@code " 5"} are not numbers) so that a
 * CSV written back from the records has the same text, and codes with leading zeros stay strings.
 */
final class CsvColumnGuess {
  private static final Pattern INTEGER = Pattern.compile("-?(?:0|[1-9][0-9]*)");
  private static final Pattern DECIMAL =
      Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern DATE_TIME = Pattern.compile(
      "[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]{1,9})?)?"
          + "(?:Z|[+-][0-9]{2}:[0-9]{2})?");

  private boolean canInt = true;
  private boolean canLong = true;
  private boolean canDouble = true;
  private boolean canBoolean = true;
  private boolean canDate = true;
  private boolean canTimestamp = true;
  private boolean sawValue;
  private boolean sawEmpty;

  /** Takes one cell into account; the empty string is a null. */
  void add(String cell) {
    if (cell.isEmpty()) {
      sawEmpty = true;
      return;
    }
    sawValue = true;
    if (canLong) {
      boolean integer = INTEGER.matcher(cell).matches();
      canInt &= integer && fitsInt(cell);
      canLong = integer && fitsLong(cell);
    }
    if (canDouble) {
      canDouble = DECIMAL.matcher(cell).matches() && Double.isFinite(Double.parseDouble(cell));
    }
    if (canBoolean) {
      canBoolean = cell.equalsIgnoreCase("true") || cell.equalsIgnoreCase("false");
    }
    if (canDate) {
      canDate = DATE.matcher(cell).matches() && isDate(cell);
    }
    if (canTimestamp) {
      canTimestamp = DATE_TIME.matcher(cell).matches() && isDateTime(cell);
    }
  }

  /** The field schema for what was seen; a column without any value is a nullable string. */
  Schema schema() {
    Schema value;
    if (!sawValue) {
      value = Schema.create(Schema.Type.STRING);
    } else if (canInt) {
      value = Schema.create(Schema.Type.INT);
    } else if (canLong) {
      value = Schema.create(Schema.Type.LONG);
    } else if (canDouble) {
      value = Schema.create(Schema.Type.DOUBLE);
    } else if (canBoolean) {
      value = Schema.create(Schema.Type.BOOLEAN);
    } else if (canDate) {
      value = LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
    } else if (canTimestamp) {
      value = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
    } else {
      value = Schema.create(Schema.Type.STRING);
    }
    return nullable() ? Schema.createUnion(Schema.create(Schema.Type.NULL), value) : value;
  }

  /** Whether the field is a union with null (some cell was empty, or none had a value). */
  boolean nullable() {
    return sawEmpty || !sawValue;
  }

  /** The field default: null for a nullable field, none otherwise. */
  Object defaultValue() {
    return nullable() ? JsonProperties.NULL_VALUE : null;
  }

  private static boolean fitsInt(String digits) {
    try {
      Integer.parseInt(digits);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean fitsLong(String digits) {
    try {
      Long.parseLong(digits);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isDate(String text) {
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isDateTime(String text) {
    try {
      CsvValues.parseInstant(text);
      return true;
    } catch (DateTimeParseException | ArithmeticException e) {
      return false;
    }
  }
}
