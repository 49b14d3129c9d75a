package io.tumbler.scenario.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumbler.scenario.coverage.CoverageTotals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A campaign sums its runs' coverage counters from results.jsonl and names the paths no run reached. */
class CampaignCoverageTest {
  @TempDir Path dir;

  private static String line(long seed, String coverage) {
    return "{\"scenario\":\"default\",\"seed\":" + seed + ",\"bugs\":[],\"outcome\":\"PASS\",\"events\":10,"
        + "\"simulatedMillis\":5,\"wallMillis\":2" + coverage + "}";
  }

  @Test
  void runsAreSummedPerPathAndZeroHitPathsAreListed() throws Exception {
    Path results = dir.resolve("results.jsonl");
    Files.writeString(results, String.join("\n",
        line(1, ",\"coverage\":{\"leaders-elected\":2,\"snapshots-sent\":0,\"torn-writes\":0}"),
        line(2, ",\"coverage\":{\"leaders-elected\":3,\"snapshots-sent\":4,\"torn-writes\":0}"),
        line(2, ",\"coverage\":{\"leaders-elected\":100,\"snapshots-sent\":100,\"torn-writes\":100}"),
        line(3, ""),
        line(9, ",\"coverage\":{\"torn-writes\":7}")) + "\n");
    CampaignSummary summary = CampaignSummary.fromResults(n -> true, "default", results, List.of(1L, 2L, 3L), 0, 1.0);
    CoverageTotals coverage = summary.coverage();
    assertEquals(2, coverage.runs(), "seed 2 once (its repeat is ignored), seed 3 has no counters, 9 is not asked");
    assertEquals(Map.of("leaders-elected", new CoverageTotals.Total(2, 5), "snapshots-sent", new CoverageTotals.Total(1, 4),
        "torn-writes", new CoverageTotals.Total(0, 0)), coverage.totals());
    assertEquals(List.of("torn-writes"), coverage.neverReached());
    assertTrue(summary.toText(dir).contains("never reached (1 of 3 counted paths): torn-writes\n"),
        summary.toText(dir));
    JsonNode json = new ObjectMapper().readTree(summary.toJson());
    assertEquals(5, json.path("coverage").path("leaders-elected").path("hits").asLong());
    assertEquals(2, json.path("coverage").path("leaders-elected").path("runs").asInt());
    assertEquals("[\"torn-writes\"]", json.path("neverReached").toString());
    assertTrue(summary.toMarkdown().contains("| torn-writes (never) | 0 | 0 |"), summary.toMarkdown());
  }

  @Test
  void aCampaignWhoseRunsReachedEverythingSaysSoAndOneWithoutCountersSaysNothing() throws Exception {
    Path results = dir.resolve("results.jsonl");
    Files.writeString(results, line(1, ",\"coverage\":{\"leaders-elected\":1}") + "\n");
    assertTrue(CampaignSummary.fromResults(n -> true, "default", results, List.of(1L), 0, 1.0).toText(dir)
        .contains("coverage: all 1 counted paths were reached"));
    Files.writeString(results, line(1, "") + "\n");
    CampaignSummary old = CampaignSummary.fromResults(n -> true, "default", results, List.of(1L), 0, 1.0);
    assertEquals("", old.coverageLine());
    assertTrue(!old.toMarkdown().contains("Coverage"));
  }

  @Test
  void aNegativeCountIsRefused() {
    CoverageTotals totals = new CoverageTotals();
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> totals.add(Map.of("leaders-elected", -1L)));
  }
}
