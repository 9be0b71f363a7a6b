package io.synthbeam.validation.report;

import io.synthbeam.validation.ColumnChart;
import java.util.List;
import java.util.Locale;

/** The report's chart kinds, each drawn as one inline SVG element. */
final class Charts {
  static final String REAL = "#4c78a8";
  static final String SYNTHETIC = "#f58518";
  static final String GRID = "#dddddd";
  static final String INK = "#333333";

  private Charts() {}

  /** A named pair of values per group, e.g. TSTR and TRTR per model and figure. */
  record Group(String label, double first, double second) {}

  /**
   * Vertical bars, two per group (first blue, second orange), on a 0..max axis with an optional
   * dashed reference line.
   */
  static String pairedBars(String kind, List<Group> groups, String firstName, String secondName,
      double max, double reference, String referenceLabel) {
    double width = Math.max(360, 90 * groups.size() + 80);
    double height = 260;
    double left = 44;
    double top = 28;
    double plotH = 170;
    double plotW = width - left - 16;
    Svg svg = new Svg(kind, width, height);
    axis(svg, left, top, plotW, plotH, max, false);
    double slot = plotW / groups.size();
    double bar = Math.min(32, slot / 3);
    for (int g = 0; g < groups.size(); g++) {
      Group group = groups.get(g);
      double x = left + slot * g + slot / 2;
      bar(svg, x - bar, top, plotH, max, bar, group.first(), REAL,
          group.label() + " " + firstName + ": " + fmt(group.first()));
      bar(svg, x, top, plotH, max, bar, group.second(), SYNTHETIC,
          group.label() + " " + secondName + ": " + fmt(group.second()));
      valueLabel(svg, x - bar / 2, top, plotH, max, group.first());
      valueLabel(svg, x + bar / 2, top, plotH, max, group.second());
      svg.text(x, top + plotH + 16, group.label(), "middle", 11, 0);
    }
    if (!Double.isNaN(reference)) {
      double y = top + plotH - plotH * reference / max;
      svg.line(left, y, left + plotW, y, "#c00000", 1.5, true);
      svg.text(left + plotW, y - 4, referenceLabel, "end", 10, 0);
    }
    legend(svg, left, height - 14, firstName, REAL, secondName, SYNTHETIC);
    return svg.toString();
  }

  /** One column's real vs synthetic distribution: side-by-side bars per bin or category. */
  static String column(ColumnChart chart, double score) {
    int bars = chart.labels().size();
    double width = 380;
    double height = 230;
    double left = 40;
    double top = 30;
    double plotW = width - left - 10;
    double plotH = chart.categorical() ? 110 : 140;
    double max = 0;
    for (int b = 0; b < bars; b++) {
      max = Math.max(max, Math.max(chart.real()[b], chart.synthetic()[b]));
    }
    max = niceMax(max);
    Svg svg = new Svg(chart.categorical() ? "categorical" : "histogram", width, height);
    svg.text(left, 16, chart.column() + "  (similarity " + fmt(score) + ")", "start", 13, 0);
    axis(svg, left, top, plotW, plotH, max, true);
    double slot = plotW / Math.max(1, bars);
    double bar = Math.max(1, slot * 0.42);
    for (int b = 0; b < bars; b++) {
      double x = left + slot * b + slot / 2;
      String label = chart.labels().get(b);
      bar(svg, x - bar, top, plotH, max, bar, chart.real()[b], REAL,
          label + " real: " + pct(chart.real()[b]));
      bar(svg, x, top, plotH, max, bar, chart.synthetic()[b], SYNTHETIC,
          label + " synthetic: " + pct(chart.synthetic()[b]));
      if (chart.categorical()) {
        svg.text(x, top + plotH + 10, shorten(label, 14), "end", 9, -45);
      } else if (b % 4 == 0 || b == bars - 1 && label.startsWith("(")) {
        svg.text(x - slot / 2, top + plotH + 13, label, "middle", 9, 0);
      }
    }
    legend(svg, left, height - 8, "real", REAL, "synthetic", SYNTHETIC);
    return svg.toString();
  }

  /**
   * A symmetric matrix of values in [0, 1] as coloured cells (white 0, dark 1), labels on the
   * left and rotated on top.
   */
  static String heatMap(String kind, String title, List<String> labels, double[][] values,
      boolean reversed) {
    int n = labels.size();
    double cell = Math.max(12, Math.min(20, 300.0 / Math.max(1, n)));
    double left = 100;
    double top = 110;
    double width = left + cell * n + 20;
    double height = top + cell * n + 20;
    Svg svg = new Svg(kind, width, height);
    svg.text(left, 16, title, "start", 13, 0);
    for (int i = 0; i < n; i++) {
      svg.text(left - 4, top + cell * i + cell * 0.65, shorten(labels.get(i), 16), "end", 10, 0);
      svg.text(left + cell * i + cell * 0.6, top - 4, shorten(labels.get(i), 16), "start", 10,
          -60);
      for (int j = 0; j < n; j++) {
        double v = values[i][j];
        String fill = Double.isNaN(v) ? "#ffffff" : shade(reversed ? 1 - v : v);
        svg.rect(left + cell * j, top + cell * i, cell - 1, cell - 1, fill,
            labels.get(i) + " / " + labels.get(j) + ": " + fmt(v));
      }
    }
    return svg.toString();
  }

  /** Two distributions over the same bins as lines (distances to the closest training row). */
  static String twoHistograms(String kind, double[] edges, double[] first, double[] second,
      String firstName, String secondName) {
    double width = 520;
    double height = 240;
    double left = 44;
    double top = 20;
    double plotW = width - left - 16;
    double plotH = 160;
    double max = 0;
    for (int b = 0; b < first.length; b++) {
      max = Math.max(max, Math.max(first[b], second[b]));
    }
    max = niceMax(max);
    Svg svg = new Svg(kind, width, height);
    axis(svg, left, top, plotW, plotH, max, true);
    int bins = first.length;
    double slot = plotW / bins;
    double[] xs = new double[bins];
    double[] y1 = new double[bins];
    double[] y2 = new double[bins];
    for (int b = 0; b < bins; b++) {
      xs[b] = left + slot * (b + 0.5);
      y1[b] = top + plotH - plotH * first[b] / max;
      y2[b] = top + plotH - plotH * second[b] / max;
      svg.rect(left + slot * b + 1, y1[b], slot - 2, top + plotH - y1[b], REAL + "55",
          String.format(Locale.ROOT, "%s, distance %.3f-%.3f: %s", firstName, edges[b],
              edges[b + 1], pct(first[b])));
    }
    svg.polyline(xs, y2, SYNTHETIC);
    for (int b = 0; b <= bins; b += Math.max(1, bins / 6)) {
      svg.text(left + slot * b, top + plotH + 14, String.format(Locale.ROOT, "%.3f", edges[b]),
          "middle", 10, 0);
    }
    svg.text(left + plotW / 2, top + plotH + 30, "distance to the closest training row",
        "middle", 11, 0);
    legend(svg, left, height - 8, firstName, REAL, secondName, SYNTHETIC);
    return svg.toString();
  }

  /** Horizontal bars of scores in [0, 1], one per label (per-column similarity). */
  static String scoreBars(String kind, List<String> labels, double[] scores) {
    double row = 18;
    double left = 150;
    double width = 560;
    double plotW = width - left - 60;
    double height = 24 + row * labels.size() + 10;
    Svg svg = new Svg(kind, width, height);
    for (int i = 0; i < labels.size(); i++) {
      double y = 14 + row * i;
      double v = Double.isNaN(scores[i]) ? 0 : scores[i];
      svg.text(left - 6, y + 12, shorten(labels.get(i), 22), "end", 11, 0);
      svg.rect(left, y + 2, plotW, row - 4, "#eeeeee", "");
      svg.rect(left, y + 2, plotW * v, row - 4, v >= 0.9 ? "#54a24b" : v >= 0.75 ? "#eeca3b"
          : "#e45756", labels.get(i) + ": " + fmt(scores[i]));
      svg.text(left + plotW + 6, y + 12, fmt(scores[i]), "start", 11, 0);
    }
    return svg.toString();
  }

  private static void axis(Svg svg, double left, double top, double plotW, double plotH,
      double max, boolean percent) {
    for (int t = 0; t <= 4; t++) {
      double y = top + plotH - plotH * t / 4;
      svg.line(left, y, left + plotW, y, GRID, 1, false);
      double v = max * t / 4;
      svg.text(left - 4, y + 3, percent ? compact(v) : fmt(v), "end", 9, 0);
    }
    svg.line(left, top + plotH, left + plotW, top + plotH, INK, 1, false);
  }

  private static void bar(Svg svg, double x, double top, double plotH, double max, double width,
      double value, String fill, String tooltip) {
    double v = Double.isNaN(value) ? 0 : Math.max(0, Math.min(value, max));
    double h = max > 0 ? plotH * v / max : 0;
    svg.rect(x, top + plotH - h, width, h, fill, tooltip);
  }

  private static void valueLabel(Svg svg, double x, double top, double plotH, double max,
      double value) {
    double v = Double.isNaN(value) ? 0 : Math.max(0, Math.min(value, max));
    String text = Double.isNaN(value) ? "n/a"
        : String.format(Locale.ROOT, Math.abs(value) < 0.1 ? "%.3f" : "%.2f", value);
    svg.text(x, top + plotH - plotH * v / max - 3, text, "middle", 9, 0);
  }

  private static void legend(Svg svg, double x, double y, String first, String firstColour,
      String second, String secondColour) {
    svg.rect(x, y - 9, 10, 10, firstColour, "");
    svg.text(x + 14, y, first, "start", 11, 0);
    double offset = 24 + 7 * first.length();
    svg.rect(x + offset, y - 9, 10, 10, secondColour, "");
    svg.text(x + offset + 14, y, second, "start", 11, 0);
  }

  /** White to dark blue. */
  private static String shade(double v) {
    double t = Math.max(0, Math.min(1, v));
    int r = (int) Math.round(255 + t * (8 - 255));
    int g = (int) Math.round(255 + t * (48 - 255));
    int b = (int) Math.round(255 + t * (107 - 255));
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
  }

  static double niceMax(double max) {
    if (!(max > 0)) {
      return 1;
    }
    double step = Math.pow(10, Math.floor(Math.log10(max)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * step >= max) {
        return m * step;
      }
    }
    return 10 * step;
  }

  static String fmt(double x) {
    return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.2f", x);
  }

  static String pct(double x) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * x);
  }

  private static String compact(double v) {
    double percent = 100 * v;
    return String.format(Locale.ROOT, percent == Math.rint(percent) ? "%.0f%%" : "%.1f%%",
        percent);
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
