package io.synthbeam.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Instant;

/**
 * A writer that turns each line written to it into one JSON object on the underlying writer:
 * {@code {"time": ISO-8601, "level": "info"|"warning"|"error", "stream": "stdout"|"stderr",
 * "message": the line}}. The level is read from the line: CliLogging's "warning: ..." and
 * "severe: ..." lines, and the command's own error lines ("synthbeam CMD: ...").
 */
final class JsonLinesWriter extends Writer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintWriter target;
  private final String stream;
  private final StringBuilder line = new StringBuilder();

  JsonLinesWriter(PrintWriter target, String stream) {
    this.target = target;
    this.stream = stream;
  }

  @Override
  public synchronized void write(char[] chars, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      char c = chars[i];
      if (c == '\n') {
        emit();
      } else if (c != '\r') {
        line.append(c);
      }
    }
  }

  private void emit() {
    String message = line.toString();
    line.setLength(0);
    ObjectNode node = JSON.createObjectNode();
    node.put("time", Instant.now().toString());
    node.put("level", level(message));
    node.put("stream", stream);
    node.put("message", message);
    target.println(node.toString());
  }

  static String level(String message) {
    if (message.startsWith("warning: ")) {
      return "warning";
    }
    if (message.startsWith("severe: ") || message.matches("synthbeam( \\w+)?: .*")) {
      return "error";
    }
    return "info";
  }

  @Override
  public synchronized void flush() {
    target.flush();
  }

  /** Writes a last unterminated line, if any. */
  @Override
  public synchronized void close() {
    if (line.length() > 0) {
      emit();
    }
    target.flush();
  }
}
