package io.tumbler.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 100,000-operation history yields a page that stays small: the timeline is binned, not drawn bar by bar. */
class LongHistoryTest {
  @TempDir Path temp;

  @Test
  void aHundredThousandOperationsMakeABinnedPageUnderTwoMegabytes() throws Exception {
    LongHistoryBenchmark.write(temp, 100_000);
    Path html = temp.resolve("report.html");
    Reports.write(List.of(temp), html, EnumSet.of(ReportFormat.HTML));
    String page = Files.readString(html);
    assertTrue(page.length() < 2_000_000, "page is " + page.length() + " characters");
    assertTrue(page.contains("class=\"op bin ok\"") && page.contains("class=\"op bin info\""), "binned strips drawn");
    assertTrue(!page.contains("<rect class=\"op ok\""), "no per-operation bars beyond the detail limit");
    assertTrue(page.contains("isolate the leader (n1)") && page.contains("n3 leads t2"), "faults and leaders still marked");
  }
}
