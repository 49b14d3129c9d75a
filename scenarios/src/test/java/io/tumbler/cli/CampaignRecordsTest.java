package io.tumbler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumbler.runformat.CampaignResult;
import io.tumbler.runformat.CampaignSummary;
import io.tumbler.runformat.RunFormatJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign's results.jsonl and summary.json, written by the real {@code tumbler fuzz}, read as the run-format
 * records the campaign page reads: every line a seed's result with its run record, the failing seed's kept
 * directory, the summary's wall time and fault kinds.
 */
class CampaignRecordsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  @Test
  void resultsLinesAndSummaryReadAsRecords() throws Exception {
    Path dir = tmp.resolve("c");
    CliRun r = CliRun.of("fuzz", "--scenario", "read-hunt", "--bug", "read-without-leadership-check", "--seeds",
        "1..2", "--out", dir.toString());
    assertEquals(1, r.exit(), r.err());
    List<CampaignResult> results = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("results.jsonl"))) {
      CampaignResult read = CampaignResult.read("results.jsonl", JSON.readTree(line));
      assertEquals(JSON.readTree(line).get("seed").asLong(), read.run().seed(), line);
      assertEquals(JSON.readTree(line).get("fingerprint").asText(), read.run().fingerprint(), line);
      results.add(read);
    }
    assertEquals(2, results.size());
    CampaignResult failing = results.stream().filter(x -> !"PASS".equals(x.run().outcome())).findFirst().orElseThrow();
    assertNotNull(failing.failureDir(), "a failing seed's directory is kept and named");
    assertTrue(!failing.run().violated().isEmpty(), "the failed checks are named");
    assertEquals(List.of("read-without-leadership-check"), failing.run().bugs());
    assertTrue(results.stream().allMatch(x -> x.harnessError() == null));
    CampaignSummary summary = RunFormatJson.mapper().readValue(dir.resolve("summary.json").toFile(),
        CampaignSummary.class);
    assertEquals(2, summary.runs());
    assertEquals(2, summary.executed());
    assertTrue(summary.wallSeconds() > 0);
    assertTrue(!summary.faultTypesKnown().isEmpty(), "the scenario's fault kinds");
  }
}
