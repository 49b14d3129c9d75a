package io.tumbler.scenario.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumbler.scenario.replay.RecordedRun;
import io.tumbler.scenario.replay.Replay;
import io.tumbler.scenario.replay.Shrinker;
import io.tumbler.scenario.run.Outcome;
import io.tumbler.scenario.run.RunResult;
import io.tumbler.scenario.run.Scenario;
import io.tumbler.scenario.run.ScenarioCatalog;
import io.tumbler.scenario.run.ScenarioCheck;
import io.tumbler.scenario.testing.ThrowingStateMachines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign over a system under test that throws on some seeds finishes every seed and reports those seeds as
 * replayable failures; a harness error is one seed's verdict, never the campaign's end; a seed's verdict is in
 * results.jsonl before its failure directory is written, and a rerun rewrites a missing or incomplete one.
 */
class CampaignFailuresTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration LIMIT = Duration.ofSeconds(30);

  @TempDir Path tmp;

  /** Records every callback, so a test can see what a person would have been told. */
  static final class Recording implements Campaign.Listener {
    final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    final List<RunResult> finished = Collections.synchronizedList(new ArrayList<>());
    long resumed;

    @Override
    public void resumed(long alreadyDone) {
      resumed = alreadyDone;
    }

    @Override
    public void finished(RunResult result, String jsonLine) {
      finished.add(result);
    }

    @Override
    public void done() {}

    @Override
    public void note(String message) {
      notes.add(message);
    }
  }

  private static TreeMap<Long, JsonNode> results(Path dir) throws IOException {
    TreeMap<Long, JsonNode> bySeed = new TreeMap<>();
    for (String line : Files.readAllLines(dir.resolve("results.jsonl"))) {
      JsonNode n = JSON.readTree(line);
      assertTrue(bySeed.put(n.get("seed").asLong(), n) == null, "seed twice in results.jsonl: " + line);
    }
    return bySeed;
  }

  private static Campaign campaign(Scenario s, long first, long last, Path dir) {
    return new Campaign(s, first, last, 0, 1, 2, false, LIMIT, dir, "test");
  }

  @Test
  void aStateMachineThatThrowsOnSomeSeedsFailsThemReplayablyAndEverySeedFinishes() throws Exception {
    Scenario s = ScenarioCatalog.named(ScenarioCatalog.DEFAULT).withStateMachines(new ThrowingStateMachines(30, 2, false));
    Path dir = tmp.resolve("throws");
    CampaignSummary summary = campaign(s, 1, 6, dir).run(new Recording());
    TreeMap<Long, JsonNode> lines = results(dir);
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), new ArrayList<>(lines.keySet()));
    List<Long> failing = lines.values().stream().filter(n -> !n.get("outcome").asText().equals("PASS"))
        .map(n -> n.get("seed").asLong()).toList();
    assertFalse(failing.isEmpty(), "some seeds throw: " + lines.values());
    assertTrue(failing.size() < 6, "and some do not: " + lines.values());
    assertEquals(Outcome.VIOLATION, summary.worstOutcome());
    assertEquals(0, summary.harnessErrors());
    for (long seed : failing) {
      JsonNode line = lines.get(seed);
      assertEquals("VIOLATION", line.get("outcome").asText(), line.toString());
      assertEquals("sut-exception", line.get("violated").get(0).asText(), line.toString());
      Path failureDir = dir.resolve("failures").resolve("seed-" + seed);
      assertTrue(Campaign.complete(failureDir), failureDir.toString());
      RecordedRun recorded = RecordedRun.load(failureDir);
      Replay.Verdict v = Replay.replay(recorded, recorded.scenario().withStateMachines(s.stateMachines()), LIMIT);
      assertTrue(v.exact(), "seed " + seed + ": " + v.differences());
      assertEquals(line.get("fingerprint").asText(), v.rerun().result().fingerprint());
    }
    RecordedRun first = RecordedRun.load(dir.resolve("failures").resolve("seed-" + failing.get(0)));
    Shrinker.Result shrunk = new Shrinker(first.seed(), "sut-exception", LIMIT, step -> { })
        .shrink(first.scenario().withStateMachines(s.stateMachines()));
    assertTrue(shrunk.run().result().violated().contains("sut-exception"), shrunk.run().result().violated().toString());
    assertTrue(shrunk.run().schedule().faults().size() <= first.schedule().faults().size());
  }

  @Test
  void aCampaignStoppedAtItsFirstFailureSaysWhichSeedsItNeverRan() throws Exception {
    Scenario s = ScenarioCatalog.named(ScenarioCatalog.DEFAULT).withStateMachines(new ThrowingStateMachines(30, 2, false));
    Path dir = tmp.resolve("stopped");
    CampaignSummary summary = new Campaign(s, 1, 6, 0, 1, 1, true, LIMIT, dir, "test").run(new Recording());
    TreeMap<Long, JsonNode> lines = results(dir);
    long firstFailure = lines.values().stream().filter(n -> !n.get("outcome").asText().equals("PASS"))
        .mapToLong(n -> n.get("seed").asLong()).min().orElseThrow();
    assertEquals(firstFailure, lines.lastKey(), "one job stops right after the first failure: " + lines.keySet());
    List<Long> expected = new ArrayList<>();
    for (long seed = firstFailure + 1; seed <= 6; seed++) {
      expected.add(seed);
    }
    assertFalse(expected.isEmpty(), "seed " + firstFailure + " is the first failure of 1..6: some seeds are left");
    assertEquals(expected, summary.notRun());
    JsonNode json = JSON.readTree(summary.toJson());
    assertEquals(expected.size(), json.get("notRunCount").asInt());
    assertTrue(summary.toMarkdown().contains("Not run: (" + expected.size() + " seeds"), summary.toMarkdown());
    assertTrue(json.get("faultTypesKnown").toString().contains("pause-leader"), json.toString());
    assertTrue(lines.firstEntry().getValue().has("faultTypes"), lines.firstEntry().getValue().toString());
  }

  @Test
  void aHarnessErrorIsOneSeedsVerdictAndTheCampaignGoesOn() throws Exception {
    Scenario base = ScenarioCatalog.named(ScenarioCatalog.DEFAULT);
    ScenarioCheck brokenCheck = run -> {
      if (run.faults().size() % 2 == 0) {
        throw new IllegalStateException("a bug in a scenario check");
      }
      return List.of();
    };
    List<ScenarioCheck> checks = new ArrayList<>(base.checks());
    checks.add(brokenCheck);
    Scenario s = base.withChecks(checks);
    Path dir = tmp.resolve("harness");
    Recording listener = new Recording();
    CampaignSummary summary = campaign(s, 1, 6, dir).run(listener);
    TreeMap<Long, JsonNode> lines = results(dir);
    assertEquals(6, lines.size(), "every seed finished: " + lines.keySet());
    List<JsonNode> errors = lines.values().stream().filter(n -> n.hasNonNull("harnessError")).toList();
    assertFalse(errors.isEmpty(), lines.values().toString());
    assertTrue(errors.size() < 6, "some seeds pass: " + lines.values());
    assertEquals(errors.size(), summary.harnessErrors());
    assertEquals(errors.size(), summary.count(Outcome.ERROR));
    assertEquals(4, summary.worstOutcome().exitCode());
    for (JsonNode e : errors) {
      assertEquals("ERROR", e.get("outcome").asText());
      assertEquals("harness-error", e.get("violated").get(0).asText());
      assertTrue(e.get("harnessError").asText().contains("a bug in a scenario check"), e.toString());
      assertTrue(e.get("frames").get(0).asText().startsWith("at io.tumbler.scenario.campaign.CampaignFailuresTest"),
          e.toString());
      assertFalse(Files.exists(dir.resolve("failures").resolve("seed-" + e.get("seed").asLong())));
    }
    assertTrue(summary.toText(dir).contains(errors.size() + " harness errors"), summary.toText(dir));
    assertTrue(JSON.readTree(summary.toJson()).get("harnessErrors").asInt() == errors.size());
    assertTrue(summary.toMarkdown().contains("harness error"), summary.toMarkdown());
  }

  @Test
  void theVerdictIsAppendedBeforeTheFailureDirectoryAndAResumeRewritesAMissingOrIncompleteOne() throws Exception {
    Scenario s = ScenarioCatalog.named(ScenarioCatalog.DEFAULT).withStateMachines(new ThrowingStateMachines(20, 1, true));
    Path dir = tmp.resolve("order");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("failures"), "a file where the failures directory should be");
    Recording first = new Recording();
    CampaignSummary summary = campaign(s, 1, 2, dir).run(first);
    TreeMap<Long, JsonNode> lines = results(dir);
    assertEquals(List.of(1L, 2L), new ArrayList<>(lines.keySet()), "no verdict lost: " + first.notes);
    lines.values().forEach(n -> assertEquals("sut-exception", n.get("violated").get(0).asText(), n.toString()));
    assertEquals(Outcome.VIOLATION, summary.worstOutcome());
    assertEquals(2, first.notes.stream().filter(n -> n.contains("could not be written")).count(), first.notes.toString());

    Files.delete(dir.resolve("failures"));
    Recording resumed = new Recording();
    campaign(s, 1, 2, dir).run(resumed);
    assertEquals(2, resumed.resumed);
    assertEquals(List.of(), resumed.finished, "no seed runs again");
    assertEquals(2, Files.readAllLines(dir.resolve("results.jsonl")).size());
    for (long seed = 1; seed <= 2; seed++) {
      assertTrue(Campaign.complete(dir.resolve("failures").resolve("seed-" + seed)), "seed " + seed + " rewritten");
    }

    Path incomplete = dir.resolve("failures").resolve("seed-2");
    Files.delete(incomplete.resolve("run.json"));
    Recording again = new Recording();
    campaign(s, 1, 2, dir).run(again);
    assertEquals(1, again.notes.stream().filter(n -> n.startsWith("seed 2: its failure directory is missing")).count(),
        again.notes.toString());
    assertTrue(Campaign.complete(incomplete));
    RecordedRun recorded = RecordedRun.load(incomplete);
    assertEquals(lines.get(2L).get("fingerprint").asText(), recorded.fingerprint());
  }
}
