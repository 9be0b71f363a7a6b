package io.synthbeam.validation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private final String html = HtmlReport.render(SmallReport.REPORT, SmallReport.GATES,
      Map.of("synthetic", "fresh <draws>.csv"), null);

  private int count(String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void startsWithTheVerdict() {
    int verdict = html.indexOf("id=\"verdict\"");
    assertTrue(verdict > 0);
    assertTrue(verdict < html.indexOf("<svg"), "the verdict comes before any chart");
    assertTrue(html.contains(">PASS: utility ") || html.contains(">FAIL: "), html.substring(
        verdict, verdict + 200));
  }

  @Test
  void drawsEveryChartAsInlineSvg() {
    assertEquals(1, count("data-chart=\"utility\""));
    assertEquals(1, count("data-chart=\"privacy\""));
    assertEquals(1, count("data-chart=\"distances\""));
    assertEquals(1, count("data-chart=\"column-scores\""));
    // Five columns: two continuous (histograms), three categorical (bar charts).
    assertEquals(2, count("data-chart=\"histogram\""));
    assertEquals(3, count("data-chart=\"categorical\""));
    assertEquals(1, count("data-chart=\"heatmap-real\""));
    assertEquals(1, count("data-chart=\"heatmap-synthetic\""));
    assertEquals(1, count("data-chart=\"heatmap-similarity\""));
    // 5 x 5 cells per heat map.
    assertTrue(count("<rect") > 3 * 25);
  }

  @Test
  void isSelfContainedAndEscapesText() {
    assertFalse(html.contains("<script"), "no scripts");
    assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(),
        "nothing loaded from the network");
    assertFalse(html.contains("@import") || html.contains("url("), "no external CSS resources");
    assertTrue(html.contains("fresh &lt;draws&gt;.csv"));
    assertTrue(html.startsWith("<!DOCTYPE html>"));
  }
}
