package io.tumbler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run, fuzz and list commands: their files, exit codes and errors, driven through the real CLI. */
class RunFuzzCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static CliRun tumbler(String... args) {
    return CliRun.of(args);
  }

  @Test
  void runWritesARunDirectoryAndJson() throws Exception {
    Path dir = tmp.resolve("run");
    CliRun r = tumbler("run", "--scenario", "initial-election", "--seed", "4", "--out", dir.toString(), "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode json = JSON.readTree(r.out().trim());
    for (String field : List.of("scenario", "seed", "fingerprint", "outcome", "violated", "events", "simulatedMillis", "wallMillis")) {
      assertTrue(json.has(field), "missing " + field + " in " + json);
    }
    assertEquals("PASS", json.get("outcome").asText());
    for (String file : List.of("run.json", "checks.json", "schedule.json", "history.jsonl", "journal.jsonl", "trace.jsonl", "linearizability.json")) {
      assertTrue(Files.size(dir.resolve(file)) > 0, file + " missing or empty");
    }
    assertEquals(json.get("fingerprint"), JSON.readTree(dir.resolve("run.json").toFile()).get("fingerprint"));
  }

  @Test
  void expectedViolationScenarioPassesAndSaysSo() {
    CliRun r = tumbler("run", "--scenario", "stale-local-reads", "--seed", "1", "--out", tmp.resolve("s").toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("expected violation found"), r.out());
  }

  @Test
  void badInputExitsThreeWithAClearMessage() {
    CliRun unknown = tumbler("run", "--scenario", "nope");
    assertEquals(3, unknown.exit());
    assertTrue(unknown.err().contains("unknown scenario 'nope'") && unknown.err().contains("initial-election"), unknown.err());
    CliRun seeds = tumbler("fuzz", "--seeds", "9..3", "--out", tmp.toString());
    assertEquals(3, seeds.exit());
    assertTrue(seeds.err().contains("empty"), seeds.err());
    assertEquals(3, tumbler("fuzz", "--shard", "4/4").exit());
    assertEquals(3, tumbler("run", "--seed", "x").exit());
  }

  @Test
  void shardsCoverTheRangeExactlyOnceAndResumeSkipsDoneSeeds() throws Exception {
    TreeSet<Long> seen = new TreeSet<>();
    for (int i = 0; i < 3; i++) {
      Path dir = tmp.resolve("shard-" + i);
      CliRun r = tumbler("fuzz", "--scenario", "initial-election", "--seeds", "1..7", "--shard", i + "/3",
          "--jobs", "2", "--out", dir.toString());
      assertEquals(0, r.exit(), r.err());
      assertTrue(r.out().contains("never reached ("), "a fault-free scenario never crashes a node: " + r.out());
      for (String line : Files.readAllLines(dir.resolve("results.jsonl"))) {
        assertTrue(seen.add(JSON.readTree(line).get("seed").asLong()), "seed run twice: " + line);
        assertTrue(JSON.readTree(line).path("coverage").path("leaders-elected").asLong() >= 1, line);
      }
    }
    assertEquals(new TreeSet<>(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L)), seen);
    Path again = tmp.resolve("shard-0");
    CliRun rerun = tumbler("fuzz", "--scenario", "initial-election", "--seeds", "1..7", "--shard", "0/3", "--out", again.toString());
    assertTrue(rerun.err().contains("resuming: 3 seeds already"), rerun.err());
    assertEquals(3, Files.readAllLines(again.resolve("results.jsonl")).size(), "a rerun must not repeat finished seeds");
    assertTrue(Files.readString(again.resolve("summary.md")).contains("| 3 | 3 | 0 | 0 | 0 |"));
    JsonNode summary = JSON.readTree(again.resolve("summary.json").toFile());
    assertEquals(3, summary.path("coverage").path("leaders-elected").path("runs").asInt(), "resumed seeds are summed too");
    assertTrue(summary.path("neverReached").toString().contains("node-crashes"), summary.toString());
  }

  @Test
  void readModeOverrideIsRecordedAndReplayed() throws Exception {
    Path dir = tmp.resolve("local");
    CliRun r = tumbler("run", "--scenario", "minority-partition", "--seed", "3", "--read-mode", "local", "--out", dir.toString());
    assertEquals(1, r.exit(), "local reads under a partition are not linearizable: " + r.out());
    JsonNode run = JSON.readTree(dir.resolve("run.json").toFile());
    assertEquals("./tumbler run --scenario minority-partition --seed 3 --read-mode local", run.get("replay").asText());
    assertTrue(tumbler("replay", dir.toString()).out().contains("REPLAY EXACT"));
    assertEquals(3, tumbler("run", "--workload", "nope").exit());
  }

  @Test
  void listShowsTheCatalog() {
    CliRun r = tumbler("list", "scenarios");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("default  (default)") && r.out().contains("figure-8"), r.out());
  }
}
