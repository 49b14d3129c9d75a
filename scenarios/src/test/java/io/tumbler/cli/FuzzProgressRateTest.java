package io.tumbler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress line of a resumed {@code tumbler fuzz} counts resumed seeds as done but not in its rate: a seed
 * taken from results.jsonl took no time in this process.
 */
class FuzzProgressRateTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LAST = Pattern.compile("4/4 seeds, 0 failed, ([0-9.]+) seeds/s");

  @TempDir Path tmp;

  @Test
  void theProgressRateOfAResumedCampaignCountsOnlyTheSeedsRunNow() throws Exception {
    Path dir = tmp.resolve("fuzz");
    List<String> common = List.of("fuzz", "--scenario", "initial-election", "--jobs", "1", "--out", dir.toString());
    CliRun first = CliRun.of(concat(common, "--seeds", "1..3"));
    assertEquals(0, first.exit(), first.err());

    CliRun resumed = CliRun.of(concat(common, "--seeds", "1..4"));
    assertEquals(0, resumed.exit(), resumed.err());
    assertTrue(resumed.err().contains("resuming: 3 seeds already"), resumed.err());
    Matcher m = LAST.matcher(resumed.err());
    assertTrue(m.find(), resumed.err());
    double printedRate = Double.parseDouble(m.group(1));
    JsonNode seed4 = null;
    for (String line : Files.readAllLines(dir.resolve("results.jsonl"))) {
      JsonNode n = JSON.readTree(line);
      seed4 = n.get("seed").asLong() == 4 ? n : seed4;
    }
    assertTrue(seed4 != null, "seed 4 ran");
    // The progress clock started before seed 4 ran, so one seed in at least its own wall time bounds the rate;
    // counting the three resumed seeds as well would print about four times as much.
    double oneSeedRate = 1000.0 / Math.max(1, seed4.get("wallMillis").asLong());
    assertTrue(printedRate <= oneSeedRate + 0.05, "printed " + printedRate + " seeds/s, but one seed ran in "
        + seed4.get("wallMillis") + " ms: " + resumed.err());
    assertTrue(resumed.out().contains("1 run now at "), resumed.out());
  }

  private static String[] concat(List<String> common, String... more) {
    List<String> all = new java.util.ArrayList<>(common);
    all.addAll(List.of(more));
    return all.toArray(new String[0]);
  }
}
