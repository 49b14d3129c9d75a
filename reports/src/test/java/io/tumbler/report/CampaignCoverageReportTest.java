package io.tumbler.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The campaign page's coverage table: each counted path, the runs that reached it, its hits, zero-hit paths flagged. */
class CampaignCoverageReportTest {
  @TempDir Path temp;

  @Test
  void theCampaignPageTablesEveryCountedPathAndFlagsThoseNeverReached() throws IOException {
    Path parent = Fixtures.campaign(temp);
    Path html = temp.resolve("campaign.html");
    Reports.write(List.of(parent.resolve("campaign-a"), parent.resolve("campaign-b")), html, EnumSet.of(ReportFormat.HTML));
    String page = Files.readString(html);
    assertTrue(page.contains("<section id=\"coverage\">"), "the coverage section is on the page");
    assertTrue(page.contains("1 of the 3 counted paths were never reached: torn-writes."), page);
    assertTrue(page.contains("<tr><td><code>leaders-elected</code></td><td class=\"num\">2 of 2</td>"
        + "<td class=\"num\">6</td></tr>"), "both counted runs elected leaders, 4 + 2 times");
    assertTrue(page.contains("<tr><td><code>reads-served-local</code></td><td class=\"num\">1 of 2</td>"
        + "<td class=\"num\">120</td></tr>"), "one of the two runs served local reads");
    assertTrue(page.contains("<tr class=\"never\"><td><code>torn-writes</code> <span class=\"badge never reached\">"
        + "never reached</span></td><td class=\"num\">0 of 2</td><td class=\"num\">0</td></tr>"), page);
  }

  @Test
  void runsWithoutCountersGetNoCoverageSection() throws IOException {
    Path parent = Fixtures.campaign(temp);
    Path html = temp.resolve("b.html");
    Reports.write(List.of(parent.resolve("campaign-b")), html, EnumSet.of(ReportFormat.HTML));
    assertFalse(Files.readString(html).contains("id=\"coverage\""), "campaign-b's lines predate the counters");
  }
}
