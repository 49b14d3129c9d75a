package io.tumbler.scenario.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.scenario.journal.HarnessEvent.CampaignStarted;
import io.tumbler.scenario.journal.HarnessEvent.ElectionTimerReset;
import io.tumbler.scenario.journal.JournalEntry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The election-timer oracle on a real run: the harness journals timer resets of both kinds and campaigns with
 * their triggers, a campaign on a tick comes a full timeout after the reset journaled before it (so the oracle
 * judges real facts, and close to its bound: within [T, 2T) of a reset), and the run passes.
 */
class ElectionTimerOnRealRunsTest {
  @Test
  void aCorrectRunJournalsResetsAndCampaignsAndPasses() {
    RunArtifacts run = new ScenarioRunner(false, Duration.ofSeconds(60)).run(ScenarioCatalog.named("default"), 3);
    List<JournalEntry> journal = run.journal();
    assertTrue(journal.stream().anyMatch(e -> e instanceof ElectionTimerReset r && r.cause().equals("LEADER_MESSAGE")),
        "a leader message before a campaign is journaled");
    boolean tightTickCampaign = false;
    for (int i = 1; i < journal.size(); i++) {
      if (journal.get(i) instanceof CampaignStarted c && c.trigger().equals("TICK")
          && journal.get(i - 1) instanceof ElectionTimerReset r && r.node() == c.node()) {
        long elapsed = c.ticks() - r.ticks();
        assertTrue(elapsed >= c.electionTimeoutTicks(), c + " after " + r);
        tightTickCampaign |= elapsed < 2L * c.electionTimeoutTicks();
      }
    }
    assertTrue(tightTickCampaign, "some campaign on a tick came within [T, 2T) of the reset before it");
    assertEquals(Outcome.PASS, run.result().outcome(), () -> run.result().checks().toString());
  }
}
