package dev.replaytwin.compare.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.replaytwin.compare.Verdict;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens {@code index.html} in a real browser, headless Chromium, and checks that what it renders is
 * the report: a screenshot of the expected size that is neither blank nor Chromium's error page, and
 * a DOM with the headline and plotted SVG paths. Without Chromium this fails when {@code CI} is set
 * and is skipped otherwise.
 */
class HtmlReportIT {
  private static final long TIMEOUT_SECONDS = 120;
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 2000;
  private static Path chromium;

  @TempDir
  Path dir;

  /** Per test, not {@code @BeforeAll}, so a skip shows up as skipped tests with this message. */
  @BeforeEach
  void findChromium() {
    Optional<Path> found = onPath("chromium", "chromium-browser");
    String message = "headless Chromium is needed to check the HTML report in a real browser: "
        + "apt-get install chromium (neither chromium nor chromium-browser is on PATH)";
    if (found.isEmpty()) {
      if (runningInCi()) {
        fail(message + "; CI is set, so this fails instead of skipping");
      }
      Assumptions.abort(message);
    }
    chromium = found.get();
  }

  @Test
  void rendersAFailingReportAsAPageWithItsHeadlineAndPlottedCharts() throws Exception {
    Verdict v = VerdictFixtures.fail(true);
    Path report = dir.resolve("report");
    Reports.write(v, report, EnumSet.of(ReportFormat.HTML));
    Path html = report.resolve("index.html");

    String dom = dumpDom(html);
    assertThat(dom).contains("<h1 id=\"headline\">" + v.headline() + "</h1>");
    assertThat(count(dom, "<svg")).isEqualTo(8);
    assertThat(count(dom, "<path class=\"line\" fill=\"none\" d=\"M")).isEqualTo(24);

    Path png = screenshot(html, "fail.png");
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("a PNG at " + png).isNotNull();
    assertThat(image.getWidth()).isEqualTo(WIDTH);
    assertThat(image.getHeight()).isEqualTo(HEIGHT);
    Map<Integer, Integer> colors = histogram(image);
    int pixels = WIDTH * HEIGHT;
    assertThat(colors.size()).as("distinct colors").isGreaterThan(100);
    assertThat(colors.values().stream().mapToInt(Integer::intValue).max().orElseThrow())
        .as("pixels of the most common color").isLessThan(pixels * 95 / 100);
    // The FAIL header's background and the candidate's line are there: it is the report, not an error page.
    assertThat(near(image, 0xfdecea)).as("FAIL header background pixels").isGreaterThan(20_000);
    assertThat(near(image, Integer.parseInt(Palette.CANDIDATE.substring(1), 16)))
        .as("candidate line pixels").isGreaterThan(500);
  }

  @Test
  void rendersEmptyChartsAndHostileTextWithoutBreakingThePage() throws Exception {
    Path empty = dir.resolve("empty");
    Reports.write(VerdictFixtures.inconclusiveWithEmptyCharts(), empty, EnumSet.of(ReportFormat.HTML));
    String emptyDom = dumpDom(empty.resolve("index.html"));
    assertThat(emptyDom).contains("INCONCLUSIVE: the replay was not valid, nothing was judged");
    assertThat(count(emptyDom, "no data recorded")).isEqualTo(4);

    Path hostile = dir.resolve("hostile");
    Reports.write(VerdictFixtures.hostile(), hostile, EnumSet.of(ReportFormat.HTML));
    String hostileDom = dumpDom(hostile.resolve("index.html"));
    assertThat(hostileDom.toLowerCase()).doesNotContain("<script").doesNotContain("<img");
    assertThat(hostileDom).contains("GET /&lt;script&gt;alert('ep')&lt;/script&gt;|`x`");
  }

  private String dumpDom(Path html) throws Exception {
    Path out = dir.resolve(html.getParent().getFileName() + "-dom.html");
    run(out, "--dump-dom", html.toUri().toString());
    return Files.readString(out);
  }

  /** Takes the screenshot and keeps a copy under target/report-it for people to look at. */
  private Path screenshot(Path html, String name) throws Exception {
    Path png = dir.resolve(name);
    run(dir.resolve(name + ".out"), "--hide-scrollbars", "--screenshot=" + png, "--window-size=" + WIDTH + "," + HEIGHT,
        html.toUri().toString());
    assertThat(png).exists();
    Path kept = Path.of("target", "report-it", name);
    Files.createDirectories(kept.getParent());
    Files.copy(png, kept, StandardCopyOption.REPLACE_EXISTING);
    return png;
  }

  private void run(Path stdout, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + dir.resolve("profile")));
    command.addAll(List.of(args));
    Path stderr = dir.resolve("chromium.err");
    Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
        .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command + "\n" + tail(stderr));
    }
    assertThat(process.exitValue()).as("chromium exit code; " + command + "\n" + tail(stderr)).isZero();
  }

  private static String tail(Path file) throws IOException {
    String text = Files.exists(file) ? Files.readString(file) : "";
    return text.length() > 2_000 ? text.substring(text.length() - 2_000) : text;
  }

  private static Map<Integer, Integer> histogram(BufferedImage image) {
    Map<Integer, Integer> colors = new HashMap<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        colors.merge(image.getRGB(x, y) & 0xffffff, 1, Integer::sum);
      }
    }
    return colors;
  }

  /** Pixels within a few levels of {@code rgb} on each channel (antialiasing and color management). */
  private static int near(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= 6 && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= 6
            && Math.abs((p & 0xff) - (rgb & 0xff)) <= 6) {
          n++;
        }
      }
    }
    return n;
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }

  private static Optional<Path> onPath(String... names) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String name : names) {
      for (String entry : path.split(File.pathSeparator)) {
        if (!entry.isEmpty()) {
          Path candidate = Path.of(entry, name);
          if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
            return Optional.of(candidate);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** {@code CI} set to anything but empty, {@code false} or {@code 0}, as CI services set it. */
  private static boolean runningInCi() {
    String ci = System.getenv("CI");
    return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
  }
}
