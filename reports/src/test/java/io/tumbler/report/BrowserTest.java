package io.tumbler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML reports in headless Chromium: after the page's scripts ran, the DOM holds the timeline (made
 * interactive), the verdicts and the counterexample or safety violation; a screenshot of each is kept under
 * reports/target/screenshots. Skipped, saying so, when no Chromium is installed ({@code .ci/run} installs it).
 */
class BrowserTest {
  @TempDir Path temp;

  @Test
  void theLinearizabilityReportShowsTimelineVerdictsAndCounterexampleAfterScriptsRan() throws Exception {
    Path html = temp.resolve("stale.html");
    Reports.write(List.of(Fixtures.run("stale-run")), html, EnumSet.of(ReportFormat.HTML));
    String dom = dumpDom(html);
    assertTrue(dom.contains("data-scripts=\"ran\""), "the page's script ran");
    assertTrue(dom.contains("id=\"timeline\"") && dom.contains("data-ready=\"true\""), "the timeline is set up");
    assertTrue(dom.contains("class=\"op ok cx\""), "the counterexample's operations are outlined");
    assertTrue(dom.contains("data-check=\"linearizability\""), "the verdict table lists linearizability");
    assertTrue(dom.contains("read 1 of key 0 by process 2"), "the plain sentence is there");
    assertTrue(dom.contains("was served by node n3. It saw the value written by #0"),
        "the stale read names the node that served it and the write it saw");
    assertTrue(dom.contains("data-count=\"1\""), "a fault-group row with its count");
    assertTrue(dom.contains("class=\"tick\""), "the script drew the time axis");
    assertTrue(dom.contains("id=\"latency-plot\"") && dom.contains("id=\"throughput-plot\""), "the plots are inline");
    assertTrue(dom.contains("<figure class=\"cluster\"") && dom.contains("link blocked\""),
        "the isolated leader's links are drawn blocked");
    assertTrue(dom.contains("id=\"sequence-graph0\"") && dom.contains("Reply #1 OK"),
        "the message sequence of the failing read is drawn");
    assertTrue(dom.contains("id=\"counterexample-0-states-graph0\"") && dom.contains("✗ cannot apply process 2"),
        "the model-state path ends in the illegal read");
    assertTrue(dom.contains("id=\"diagram-engine\""), "the small print names the diagram engine");
    screenshot(html, "stale-run.png", 4600);
  }

  @Test
  void theSafetyReportShowsTheConflictingLogsSideBySide() throws Exception {
    Path html = temp.resolve("safety.html");
    Reports.write(List.of(Fixtures.run("safety-run")), html, EnumSet.of(ReportFormat.HTML));
    String dom = dumpDom(html);
    assertTrue(dom.contains("Raft safety violation: LOG_MATCHING"));
    assertTrue(dom.contains("class=\"conflict\""), "the conflicting row is marked");
    assertTrue(dom.contains("history.jsonl: 1 unreadable line"), "the note about the cut-short history is shown");
    assertTrue(dom.contains("aria-label=\"cluster during crash n3\""), "a diagram for the crash window");
    assertTrue(dom.contains("No message diagram: trace.jsonl is not in the run directory"), "no trace, and it says so");
    screenshot(html, "safety-run.png");
  }

  @Test
  void theCampaignReportLinksEachFailureToItsRunReport() throws Exception {
    Path parent = Fixtures.campaign(temp);
    Reports.write(List.of(parent), null, EnumSet.of(ReportFormat.HTML));
    String dom = dumpDom(parent.resolve("report.html"));
    assertTrue(dom.contains("href=\"campaign-a/failures/seed-3/report.html\""), "link to the kept run report");
    assertTrue(dom.contains("--seed 5 --bug skip-prev-log-check --out seed-5 &amp;&amp; ./tumbler shrink seed-5"), "no run directory kept: the shrink line recreates one first");
    screenshot(parent.resolve("report.html"), "campaign.png");
  }

  static Path chromium() {
    for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    return null;
  }

  private String dumpDom(Path html) throws IOException, InterruptedException {
    return new String(run(html, "--dump-dom"), StandardCharsets.UTF_8);
  }

  private void screenshot(Path html, String name) throws IOException, InterruptedException {
    screenshot(html, name, 3400);
  }

  /** A screenshot {@code heightPx} tall, enough to show every section of the page. */
  private void screenshot(Path html, String name, int heightPx) throws IOException, InterruptedException {
    Path dir = Path.of(System.getProperty("tumbler.root", "..")).resolve("reports/target/screenshots");
    Files.createDirectories(dir);
    Path png = dir.resolve(name);
    run(html, "--screenshot=" + png, "--window-size=1300," + heightPx, "--hide-scrollbars");
    assertTrue(Files.size(png) > 10_000, "a real screenshot was written to " + png);
  }

  /** Runs headless Chromium on a file URL with a fresh profile; returns its standard output. */
  static byte[] run(Path html, String... extra) throws IOException, InterruptedException {
    Path browser = chromium();
    assumeTrue(browser != null, "no Chromium found (/usr/bin/chromium): the browser test is SKIPPED; "
        + "install it with 'apt-get install -y chromium' (.ci/run does)");
    Path profile = Files.createTempDirectory("tumbler-chromium-");
    List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile));
    cmd.addAll(List.of(extra));
    cmd.add(html.toUri().toString());
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    // A bound on a hung browser, not a timing assertion: the test fails rather than hanging the build.
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not exit");
    assertEquals(0, p.exitValue(), "chromium exit code");
    return out;
  }
}
