package io.tumbler.scenario.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.raft.KnownBug;
import io.tumbler.raft.KnownBugs;
import io.tumbler.scenario.journal.HarnessEvent;
import io.tumbler.scenario.journal.JournalEntry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The journal oracles on real simulated runs: a correct run journals what the oracles judge (so their passing is
 * not vacuous) and passes; the driver that sends before it syncs is caught on the first seed.
 */
class OraclesOnRealRunsTest {
  private static RunArtifacts run(Scenario scenario, long seed) {
    return new ScenarioRunner(false, Duration.ofSeconds(60)).run(scenario, seed);
  }

  @Test
  void aCorrectRunRecordsTheWireAndPassesEveryOracle() {
    RunArtifacts run = run(ScenarioCatalog.named("default"), 3);
    List<JournalEntry> journal = run.journal();
    for (Class<?> kind : List.of(HarnessEvent.TermSeen.class, HarnessEvent.VoteRequested.class,
        HarnessEvent.VoteGranted.class, HarnessEvent.AppendAcked.class, HarnessEvent.ReadAnswered.class)) {
      assertTrue(journal.stream().anyMatch(kind::isInstance), "the journal records " + kind.getSimpleName());
    }
    assertEquals(Outcome.PASS, run.result().outcome(), () -> run.result().checks().toString());
  }

  @Test
  void sendingBeforeSyncingIsCaughtWithoutACrash() {
    Scenario buggy = ScenarioCatalog.named("default").withBugs(KnownBugs.of(KnownBug.ACK_BEFORE_SYNC));
    RunResult r = run(buggy, 1).result();
    String safety = String.join("\n", r.checks().stream().filter(c -> c.check().equals("raft-safety"))
        .findFirst().orElseThrow().details());
    assertTrue(safety.contains("ACK_DURABLE_BEFORE_SENT") && safety.contains("VOTE_DURABLE_BEFORE_SENT"), safety);
  }
}
