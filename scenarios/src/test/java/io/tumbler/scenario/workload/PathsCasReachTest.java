package io.tumbler.scenario.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.lin.history.OpType;
import io.tumbler.lin.history.Operation;
import io.tumbler.scenario.run.Outcome;
import io.tumbler.scenario.run.RunArtifacts;
import io.tumbler.scenario.run.Scenario;
import io.tumbler.scenario.run.ScenarioCatalog;
import io.tumbler.scenario.run.ScenarioRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code paths} workload drives version- and mod-revision-conditioned compare-and-swap to both of their
 * outcomes, read off the histories of a default-style campaign (the default scenario's swarm of clusters and
 * faults, workload pinned to paths) — and the correct cluster passes every check on those runs, versions
 * reported by reads and writes included.
 */
class PathsCasReachTest {
  private static final int SEEDS = 10;
  private static final List<RunArtifacts> RUNS = new ArrayList<>();

  @BeforeAll
  static void run() {
    ScenarioRunner runner = new ScenarioRunner(false, Duration.ofSeconds(60));
    Scenario paths = ScenarioCatalog.named(ScenarioCatalog.DEFAULT).withWorkload("paths", ReadMode.LINEARIZABLE);
    for (long seed = 1; seed <= SEEDS; seed++) {
      RUNS.add(runner.run(paths, seed));
    }
  }

  @Test
  void theCorrectClusterPassesEveryRun() {
    for (RunArtifacts run : RUNS) {
      assertEquals(Outcome.PASS, run.result().outcome(), () -> "seed " + run.result().seed() + ": "
          + run.result().checks());
    }
  }

  @Test
  void versionAndModRevisionCasBothSwapAndAreRefused() {
    Map<String, Integer> outcomes = new TreeMap<>();
    for (RunArtifacts run : RUNS) {
      for (Operation op : run.history().operations()) {
        Map<?, ?> v = (Map<?, ?>) op.value();
        if (!op.f().equals("cas") || !(v.get("compare") instanceof String compare)) {
          continue;
        }
        boolean beyondAbsent = compare.equals("version") ? (Long) v.get("expected-version") > 0
            : v.get("expected") != null;
        String outcome = op.type() == OpType.OK ? "ok" : op.type() == OpType.FAIL ? "fail " + op.extra().get("error")
            : op.type().toString().toLowerCase(java.util.Locale.ROOT);
        outcomes.merge(compare + " " + outcome + (beyondAbsent ? "" : " (absent)"), 1, Integer::sum);
      }
    }
    for (String expected : List.of("version ok", "version fail mismatch", "mod-revision ok",
        "mod-revision fail mismatch")) {
      assertTrue(outcomes.getOrDefault(expected, 0) >= 20, expected + " on a present path, in " + outcomes);
    }
  }

  @Test
  void readsAndWritesReportTheVersion() {
    int versionsAboveOne = 0;
    for (RunArtifacts run : RUNS) {
      for (Operation op : run.history().operations()) {
        Map<?, ?> v = (Map<?, ?>) op.value();
        if (op.type() == OpType.OK && !op.f().equals("delete")) {
          assertTrue(v.get("version") instanceof Long, () -> "ok " + op.f() + " without a version: " + op);
          versionsAboveOne += (Long) v.get("version") > 1 ? 1 : 0;
        }
      }
    }
    assertTrue(versionsAboveOne >= 100, "ok operations at version 2 or later: " + versionsAboveOne);
  }
}
