package io.synthbeam.validation.report;

import java.util.Locale;

/** A tiny builder of inline SVG markup (text escaped, numbers in a fixed locale). */
final class Svg {
  private final StringBuilder out = new StringBuilder();

  Svg(String kind, double width, double height) {
    out.append(String.format(Locale.ROOT,
        "<svg class=\"chart\" data-chart=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" "
            + "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\">",
        escape(kind), width, height, width, height));
  }

  /** A rectangle with a hover tooltip (empty tooltip: none). */
  Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
    out.append(String.format(Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">",
        x, y, Math.max(0, w), Math.max(0, h), fill));
    if (!tooltip.isEmpty()) {
      out.append("<title>").append(escape(tooltip)).append("</title>");
    }
    out.append("</rect>");
    return this;
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke, double width,
      boolean dashed) {
    out.append(String.format(Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
            + "stroke-width=\"%.1f\"%s/>",
        x1, y1, x2, y2, stroke, width, dashed ? " stroke-dasharray=\"4 3\"" : ""));
    return this;
  }

  Svg polyline(double[] xs, double[] ys, String stroke) {
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < xs.length; i++) {
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[i], ys[i]));
    }
    out.append("<polyline fill=\"none\" stroke=\"").append(stroke)
        .append("\" stroke-width=\"2\" points=\"").append(points.toString().strip())
        .append("\"/>");
    return this;
  }

  /** Text; anchor is start, middle or end; rotate in degrees around (x, y). */
  Svg text(double x, double y, String text, String anchor, double size, double rotate) {
    out.append(String.format(Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%.0f\"%s>",
        x, y, anchor, size, rotate == 0 ? ""
            : String.format(Locale.ROOT, " transform=\"rotate(%.0f %.1f %.1f)\"", rotate, x, y)));
    out.append(escape(text)).append("</text>");
    return this;
  }

  @Override
  public String toString() {
    return out + "</svg>";
  }

  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
