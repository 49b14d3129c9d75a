package io.tumbler.scenario.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumbler.scenario.run.RunResult;
import io.tumbler.scenario.run.Scenario;
import io.tumbler.scenario.run.ScenarioCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming a campaign is honest: results recorded by another build are never reused (their seeds run again and
 * the old lines are kept apart), a torn last line of results.jsonl cannot swallow the next seed's line, and the
 * rate counts only the seeds run now. Every campaign here is real: a few seeds of a small scenario.
 */
class CampaignResumeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Scenario SMALL = ScenarioCatalog.named("initial-election");

  @TempDir Path tmp;

  private static Campaign campaign(long first, long last, Path dir) {
    return new Campaign(SMALL, first, last, 0, 1, 2, false, Duration.ofSeconds(30), dir, "test");
  }

  /** Each line of results.jsonl by seed; fails on a line that does not parse or a seed recorded twice. */
  private static TreeMap<Long, JsonNode> results(Path file) throws IOException {
    TreeMap<Long, JsonNode> bySeed = new TreeMap<>();
    for (String line : Files.readAllLines(file)) {
      JsonNode n = JSON.readTree(line);
      assertTrue(bySeed.put(n.get("seed").asLong(), n) == null, "seed twice in " + file + ": " + line);
    }
    return bySeed;
  }

  private static List<Long> seedsRun(CampaignFailuresTest.Recording listener) {
    return listener.finished.stream().map(RunResult::seed).sorted().toList();
  }

  @Test
  void resultsOfAnotherBuildAreNotReusedButKeptApartAndTheirSeedsRunAgain() throws Exception {
    Path dir = tmp.resolve("rebuilt");
    campaign(1, 3, dir).run(new CampaignFailuresTest.Recording());
    // What an older build left behind: the same seeds, recorded under another commit and other code.
    List<String> older = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("results.jsonl"))) {
      ObjectNode n = (ObjectNode) JSON.readTree(line);
      n.put("commit", "0ld0ld0ld0ld");
      n.put("build", "c0ffeec0ffee");
      older.add(n.toString());
    }
    Files.write(dir.resolve("results.jsonl"), older);

    CampaignFailuresTest.Recording again = new CampaignFailuresTest.Recording();
    CampaignSummary summary = campaign(1, 3, dir).run(again);

    assertEquals(List.of(1L, 2L, 3L), seedsRun(again), "another build's results must not be reused");
    assertEquals(0, again.resumed);
    List<String> told = again.notes.stream().filter(n -> n.contains("another build")).toList();
    assertEquals(1, told.size(), "one line says so: " + again.notes);
    assertTrue(told.get(0).contains("3 result(s)") && told.get(0).contains("0ld0ld0ld0ld")
        && told.get(0).contains("c0ffeec0ffee"), told.get(0));
    assertEquals(List.of(1L, 2L, 3L), new ArrayList<>(results(dir.resolve("results.jsonl")).keySet()));
    results(dir.resolve("results.jsonl")).values().forEach(n -> assertEquals("test", n.get("commit").asText()));
    assertEquals(older, Files.readAllLines(dir.resolve("results.0ld0ld0ld0ld.c0ffeec0ffee.jsonl")),
        "the old build's lines are kept, unchanged, under its key");
    assertEquals(3, summary.runs());
    assertTrue(summary.seedsPerSecond() > 0, "three seeds ran now");
  }

  @Test
  void aTornLastLineIsCutOffAndTheNextSeedsResultIsIntact() throws Exception {
    Path dir = tmp.resolve("torn");
    campaign(1, 2, dir).run(new CampaignFailuresTest.Recording());
    Path file = dir.resolve("results.jsonl");
    String first = Files.readAllLines(file).get(0);
    // A kill in the middle of writing seed 3's line: half a line, no newline.
    String seed3 = first.replace("\"seed\":1,", "\"seed\":3,");
    Files.writeString(file, seed3.substring(0, seed3.length() / 2), StandardOpenOption.APPEND);

    CampaignFailuresTest.Recording again = new CampaignFailuresTest.Recording();
    CampaignSummary summary = campaign(1, 3, dir).run(again);

    TreeMap<Long, JsonNode> lines = results(file);
    assertEquals(List.of(1L, 2L, 3L), new ArrayList<>(lines.keySet()));
    assertEquals("PASS", lines.get(3L).get("outcome").asText());
    assertEquals(3, summary.runs(), "seed 3 is counted: " + summary.toJson());
    assertEquals(List.of(3L), seedsRun(again));
    assertEquals(2, again.resumed);
    assertTrue(again.notes.stream().anyMatch(n -> n.contains("last line has no newline") && n.contains("truncated")),
        again.notes.toString());

    // A last line that ends in a newline but is not JSON is cut off too.
    Files.writeString(file, "{\"scenario\":\"initial-election\",\"seed\":4,\"outc\n", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    CampaignFailuresTest.Recording third = new CampaignFailuresTest.Recording();
    assertEquals(4, campaign(1, 4, dir).run(third).runs());
    assertEquals(List.of(4L), seedsRun(third));
    assertTrue(third.notes.stream().anyMatch(n -> n.contains("last line is not JSON")), third.notes.toString());
    assertEquals(List.of(1L, 2L, 3L, 4L), new ArrayList<>(results(file).keySet()));
  }

  @Test
  void theRateCountsOnlyTheSeedsRunNow() throws Exception {
    Path dir = tmp.resolve("rate");
    campaign(1, 2, dir).run(new CampaignFailuresTest.Recording());

    CampaignSummary resumedOnly = campaign(1, 2, dir).run(new CampaignFailuresTest.Recording());
    assertEquals(2, resumedOnly.runs(), "both seeds were validly resumed");
    assertEquals(0.0, resumedOnly.seedsPerSecond(), "nothing ran, so there is no rate: " + resumedOnly.toJson());
    assertTrue(resumedOnly.toText(dir).contains("nothing run now: all 2 resumed"), resumedOnly.toText(dir));

    CampaignSummary half = campaign(1, 4, dir).run(new CampaignFailuresTest.Recording());
    JsonNode json = JSON.readTree(half.toJson());
    assertEquals(4, json.get("runs").asInt());
    assertEquals(2, json.path("executed").asInt(), json.toString());
    assertEquals(2, json.path("resumed").asInt(), json.toString());
    // The JSON rounds both figures to hundredths, so their product is only near 2; the unrounded ones give it exactly.
    assertEquals(2.0, half.seedsPerSecond() * half.wallSeconds(), 1e-9,
        "the rate covers the 2 seeds run now, not all 4: " + json);
    assertTrue(half.toText(dir).contains("2 run now at "), half.toText(dir));
  }
}
