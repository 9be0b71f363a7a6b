package io.synthbeam.cli;

import java.util.Locale;

/** Formats durations for progress lines: {@code 45s}, {@code 9m 12s}, {@code 2h 05m}. */
final class Durations {
  private Durations() {}

  /** The time since {@code startNanos} (a {@link System#nanoTime()}). */
  static String since(long startNanos) {
    return format((System.nanoTime() - startNanos) / 1e9);
  }

  static String format(double seconds) {
    if (!Double.isFinite(seconds) || seconds < 0) {
      return "?";
    }
    long total = Math.round(seconds);
    long hours = total / 3600;
    long minutes = (total % 3600) / 60;
    long secs = total % 60;
    if (hours > 0) {
      return String.format(Locale.ROOT, "%dh %02dm", hours, minutes);
    }
    if (minutes > 0) {
      return String.format(Locale.ROOT, "%dm %02ds", minutes, secs);
    }
    return total == 0 && seconds > 0 ? String.format(Locale.ROOT, "%.1fs", seconds)
        : secs + "s";
  }
}
