package io.synthbeam.validation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in headless Chromium (Debian's {@code /usr/bin/chromium}): the DOM it
 * builds holds every chart, and the screenshot shows bars in the real (blue) and synthetic
 * (orange) colours. Skipped, with the reason, where Chromium is not installed.
 */
class ChromiumRenderTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  @TempDir static Path dir;
  private static Path page;

  @BeforeAll
  static void writeReport() throws IOException {
    page = Files.writeString(dir.resolve("report.html"), HtmlReport.render(SmallReport.REPORT,
        SmallReport.GATES, Map.of(), null), StandardCharsets.UTF_8);
  }

  private static String chromium(String... extra) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM
        + "; the rendering check needs it");
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
    command.addAll(List.of(extra));
    command.add(page.toUri().toString());
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    byte[] out = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "Chromium did not finish in 2 minutes");
    assertEquals(0, process.exitValue(), "Chromium's exit code");
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void theRenderedDomHoldsEveryChart() throws Exception {
    String dom = chromium("--dump-dom");
    Matcher charts = Pattern.compile("<svg class=\"chart\" data-chart=\"([a-z-]+)\"").matcher(dom);
    List<String> kinds = new ArrayList<>();
    while (charts.find()) {
      kinds.add(charts.group(1));
    }
    assertEquals(List.of("utility", "privacy", "distances", "column-scores", "histogram",
        "histogram", "categorical", "categorical", "categorical", "heatmap-real",
        "heatmap-synthetic", "heatmap-similarity"), kinds);
    assertTrue(dom.contains("id=\"verdict\""));
  }

  @Test
  void theScreenshotShowsRealAndSyntheticBars() throws Exception {
    Path png = dir.resolve("report.png");
    chromium("--screenshot=" + png, "--window-size=1400,3000");
    BufferedImage image = ImageIO.read(png.toFile());
    int real = 0;
    int synthetic = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        real += near(rgb, 0x4c78a8) ? 1 : 0;
        synthetic += near(rgb, 0xf58518) ? 1 : 0;
      }
    }
    assertTrue(real > 5000, "real-coloured pixels: " + real);
    assertTrue(synthetic > 5000, "synthetic-coloured pixels: " + synthetic);
  }

  private static boolean near(int rgb, int colour) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((rgb >> shift) & 0xff) - ((colour >> shift) & 0xff)) > 6) {
        return false;
      }
    }
    return true;
  }
}
