package io.synthbeam.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import java.util.stream.Stream;

/**
 * Logging for the command line: SynthBeam's INFO lines (epochs, devices) are progress, printed as
 * plain one-line messages on the command's stderr; libraries (Beam, Flink, Avro, Parquet, through
 * SLF4J to java.util.logging) speak only at WARNING and above.
 */
final class CliLogging {
  /** Held so the configuration survives: java.util.logging keeps loggers weakly. */
  private static final Logger SYNTHBEAM = Logger.getLogger("io.synthbeam");
  /**
   * Loggers whose warnings are known to be harmless here and would bury the progress: Flink warns
   * once per operator that Beam's long step names are cut in its metric names, and an embedded
   * Flink cluster that it has no Hadoop configuration, delegation tokens or log file; Hadoop that
   * it has no native library; Beam's file sinks that a temporary folder they already removed is
   * empty. Held strongly, or their levels would be forgotten.
   */
  private static final List<Logger> QUIETED = Stream.of(
      "org.apache.flink.metrics.MetricGroup",
      "org.apache.flink.runtime.util.HadoopUtils",
      "org.apache.flink.runtime.security.token",
      "org.apache.flink.runtime.webmonitor.WebMonitorUtils",
      "org.apache.hadoop.util.NativeCodeLoader",
      "org.apache.beam.sdk.io.FileBasedSink").map(Logger::getLogger).toList();

  private CliLogging() {}

  /** For {@code main}: libraries at WARNING, one line each, on stderr. */
  static void configureProcess() {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(Level.WARNING);
    StreamHandler stderr = new StreamHandler(System.err, new OneLine()) {
      @Override
      public synchronized void publish(LogRecord record) {
        super.publish(record);
        flush();
      }
    };
    stderr.setLevel(Level.ALL);
    root.addHandler(stderr);
    QUIETED.forEach(logger -> logger.setLevel(Level.SEVERE));
  }

  /**
   * Sends SynthBeam's log lines to {@code err} while a command runs: INFO and above, or WARNING
   * and above when {@code quiet}. Close to restore the previous configuration.
   */
  static AutoCloseable progressTo(PrintWriter err, boolean quiet) {
    Level level = SYNTHBEAM.getLevel();
    boolean useParent = SYNTHBEAM.getUseParentHandlers();
    Handler handler = new Handler() {
      private final Formatter format = new OneLine();

      @Override
      public void publish(LogRecord record) {
        if (isLoggable(record)) {
          synchronized (err) {
            err.print(format.format(record));
            err.flush();
          }
        }
      }

      @Override
      public void flush() {
        err.flush();
      }

      @Override
      public void close() {}
    };
    handler.setLevel(Level.ALL);
    SYNTHBEAM.setLevel(quiet ? Level.WARNING : Level.INFO);
    SYNTHBEAM.setUseParentHandlers(false);
    SYNTHBEAM.addHandler(handler);
    return () -> {
      SYNTHBEAM.removeHandler(handler);
      SYNTHBEAM.setUseParentHandlers(useParent);
      SYNTHBEAM.setLevel(level);
    };
  }

  /**
   * SynthBeam's INFO: the message alone; anything else: "warning: message (logger)", with the
   * exception's message when there is one.
   */
  static final class OneLine extends Formatter {
    @Override
    public String format(LogRecord record) {
      String message = formatMessage(record);
      if (record.getLevel().intValue() <= Level.INFO.intValue()
          && record.getLoggerName() != null && record.getLoggerName().startsWith("io.synthbeam")) {
        return message + System.lineSeparator();
      }
      String thrown = record.getThrown() == null ? "" : ": " + record.getThrown();
      return record.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": " + message
          + thrown + " (" + record.getLoggerName() + ")" + System.lineSeparator();
    }
  }
}
