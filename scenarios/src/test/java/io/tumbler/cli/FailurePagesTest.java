package io.tumbler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pages of real failing runs stay under 1 MB and fit a 1400 px wide window: the two largest failure pages of
 * the catalogue's hunts (read-hunt's thousands of operations, figure-8-hunt's 426 faults) are made by the real
 * {@code run} and {@code report} commands, weighed, and, where Chromium is installed, laid out at 1400 px to see that
 * nothing makes the page scroll sideways.
 */
class FailurePagesTest {
  private static final long ONE_MB = 1_000_000;
  private static final int WIDTH = 1400;
  private static final Pattern MEASURED = Pattern.compile("data-scroll-width=\"(\\d+)\" data-inner-width=\"(\\d+)\"");

  @TempDir Path temp;

  @ParameterizedTest(name = "{0} seed {1} with {2}")
  @CsvSource({"read-hunt, 1, read-without-leadership-check", "figure-8-hunt, 1, figure-8-commit"})
  void aFailurePageIsUnderOneMegabyteAndFitsAWindow1400PixelsWide(String scenario, long seed, String bug)
      throws Exception {
    Path dir = temp.resolve(scenario);
    CliRun run = CliRun.of("run", "--scenario", scenario, "--seed", Long.toString(seed), "--bug", bug, "--out",
        dir.toString());
    assertEquals(1, run.exit(), "the run finds its bug: " + run.err());
    CliRun report = CliRun.of("report", dir.toString());
    assertEquals(1, report.exit(), "report passes the run's verdict through: " + report.err());
    Path page = dir.resolve("report.html");
    long bytes = Files.size(page);
    System.out.printf("%s seed %d: report.html %d KB%n", scenario, seed, bytes / 1024);
    assertTrue(bytes < ONE_MB, page + " is " + bytes + " bytes");

    Path chromium = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser")).stream()
        .filter(Files::isExecutable).findFirst().orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(chromium != null,
        "no Chromium (/usr/bin/chromium): the page's width is not measured; .ci/run installs it");
    int[] widths = laidOutWidths(chromium, page);
    assertTrue(widths[0] <= widths[1], "the page is " + widths[0] + " px wide in a window showing " + widths[1]
        + " px: it scrolls sideways");
  }

  /** The page's scroll width and the window's inner width once it loaded in a 1400 px wide headless window. */
  private int[] laidOutWidths(Path chromium, Path page) throws IOException, InterruptedException {
    String html = Files.readString(page, StandardCharsets.UTF_8);
    String probe = "<script>addEventListener('load', () => { document.body.setAttribute('data-scroll-width', "
        + "document.documentElement.scrollWidth); document.body.setAttribute('data-inner-width', innerWidth); });"
        + "</script></body>";
    Path measured = temp.resolve("measured-" + page.getParent().getFileName() + ".html");
    Files.writeString(measured, html.replace("</body>", probe), StandardCharsets.UTF_8);
    Path profile = Files.createTempDirectory(temp, "chromium-");
    Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--window-size=" + WIDTH + ",1000",
        "--virtual-time-budget=5000", "--dump-dom", measured.toUri().toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // A bound on a hung browser, not a timing assertion.
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not exit");
    Matcher m = MEASURED.matcher(dom);
    assertTrue(m.find(), "the page loaded and its width was measured");
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }
}
