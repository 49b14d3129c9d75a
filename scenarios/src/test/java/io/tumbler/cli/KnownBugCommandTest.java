package io.tumbler.cli;

import io.tumbler.scenario.bugs.BugExposure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumbler.raft.KnownBug;
import io.tumbler.raft.KnownBugs;
import io.tumbler.scenario.campaign.Campaign;
import io.tumbler.scenario.campaign.CampaignSummary;
import io.tumbler.scenario.run.Scenario;
import io.tumbler.scenario.run.ScenarioCatalog;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --bug} on run and fuzz, {@code list bugs}, and bug flags carried through run.json, results and replay. */
class KnownBugCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void listBugsNamesEveryBugWithItsCheckAndScenario() {
    CliRun r = CliRun.of("list", "bugs");
    assertEquals(0, r.exit(), r.err());
    for (KnownBug bug : KnownBug.values()) {
      assertTrue(r.out().contains(bug.bugName() + "\n    caught by: " + BugExposure.of(bug).check()), bug.bugName() + " in\n" + r.out());
      assertTrue(r.out().contains("exposed by scenario: " + BugExposure.of(bug).scenario()), r.out());
    }
  }

  @Test
  void unknownBugIsBadInputListingTheKnownOnes() {
    for (String command : new String[] {"run", "fuzz"}) {
      CliRun r = CliRun.of(command, "--bug", "figure-8-commit,no-such-bug", "--out", tmp.resolve(command).toString());
      assertEquals(3, r.exit(), r.out() + r.err());
      assertTrue(r.err().contains("unknown bug 'no-such-bug'") && r.err().contains("leader-overwrites-own-log"), r.err());
    }
  }

  @Test
  void aCaughtBugIsRecordedAndReplayedWithItsFlags() throws Exception {
    Path dir = tmp.resolve("run");
    CliRun r = CliRun.of("run", "--scenario", "leader-failover", "--seed", "1", "--bug", "leader-overwrites-own-log",
        "--out", dir.toString(), "--json");
    assertEquals(1, r.exit(), r.err());
    JsonNode run = JSON.readTree(dir.resolve("run.json").toFile());
    assertEquals("leader-overwrites-own-log", run.get("bugs").get(0).asText());
    assertTrue(run.get("replay").asText().endsWith("--bug leader-overwrites-own-log"), run.toString());
    assertTrue(run.get("violated").toString().contains("raft-safety"), run.toString());
    CliRun replay = CliRun.of("replay", dir.toString());
    assertEquals(1, replay.exit(), replay.out() + replay.err());
    assertTrue((replay.out() + replay.err()).contains("REPLAY EXACT"), replay.out() + replay.err());
  }

  @Test
  void campaignsStreamBugFlagsIntoResultsAndFailureDirectories() throws Exception {
    Path dir = tmp.resolve("fuzz");
    Scenario s = ScenarioCatalog.named("leader-failover").withBugs(KnownBugs.parse("sticky-leader-forever"));
    CampaignSummary summary = new Campaign(s, 1, 2, 0, 1, 1, false, Duration.ofSeconds(30), dir, "test")
        .run(new Campaign.Listener() {
          @Override
          public void resumed(long alreadyDone) {}

          @Override
          public void finished(io.tumbler.scenario.run.RunResult result, String jsonLine) {}

          @Override
          public void done() {}
        });
    // leader-failover's own check (a new leader within 1.5 s) fails too, so the worst outcome is a violation.
    assertEquals(1, summary.worstOutcome().exitCode());
    for (String line : Files.readAllLines(dir.resolve("results.jsonl"))) {
      JsonNode result = JSON.readTree(line);
      assertEquals("sticky-leader-forever", result.get("bugs").get(0).asText(), line);
      assertTrue(result.get("violated").toString().contains("\"liveness\""), line);
    }
    JsonNode kept = JSON.readTree(dir.resolve("failures/seed-1/run.json").toFile());
    assertEquals("sticky-leader-forever", kept.get("bugs").get(0).asText());
  }
}
