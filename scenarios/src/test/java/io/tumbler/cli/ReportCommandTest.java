package io.tumbler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tumbler report} through the real CLI, on a real run and a real campaign; and its refusals. */
class ReportCommandTest {
  @TempDir Path tmp;

  private static CliRun tumbler(String... args) {
    return CliRun.of(args);
  }

  @Test
  void aRecordedRunGetsEveryFormatBesideItAndExitsWithItsOutcome() throws Exception {
    Path run = tmp.resolve("run");
    assertEquals(0, tumbler("run", "--scenario", "initial-election", "--seed", "4", "--out", run.toString()).exit());
    CliRun r = tumbler("report", run.toString(), "--format", "all");
    assertEquals(0, r.exit(), r.out() + r.err());
    for (String file : new String[] {"report.html", "report.json", "report.junit.xml", "report.md"}) {
      assertTrue(Files.size(run.resolve(file)) > 0, file);
    }
    String html = Files.readString(run.resolve("report.html"));
    assertTrue(html.contains("./tumbler run --scenario initial-election --seed 4"), "the replay line is on the page");
    assertTrue(html.contains("<svg id=\"timeline\""), "the timeline is on the page");
    assertTrue(!html.contains("http://") || html.indexOf("http://") == html.indexOf("http://www.w3.org/2000/svg"),
        "no external resource: the only URL is the SVG namespace");
  }

  @Test
  void fuzzEndsWithACampaignReport() throws Exception {
    Path camp = tmp.resolve("camp");
    CliRun r = tumbler("fuzz", "--scenario", "initial-election", "--seeds", "1..2", "--jobs", "1", "--out", camp.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("report: " + camp.resolve("report.html")), r.err());
    assertTrue(Files.readString(camp.resolve("report.json")).contains("\"kind\" : \"campaign\""));
  }

  @Test
  void aPathThatIsNotARunOrCampaignExitsThreeNamingIt() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    CliRun r = tumbler("report", empty.toString());
    assertEquals(ExitCode.BAD_INPUT, r.exit());
    assertTrue(r.err().contains(empty + " is neither a run directory"), r.err());
    CliRun format = tumbler("report", empty.toString(), "--format", "pdf");
    assertEquals(ExitCode.BAD_INPUT, format.exit());
    assertTrue(format.err().contains("--format expects html, json, junit, markdown or all"), format.err());
  }
}
