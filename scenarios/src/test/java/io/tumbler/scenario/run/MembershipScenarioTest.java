package io.tumbler.scenario.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.fault.Fault;
import io.tumbler.fault.Schedule;
import io.tumbler.fault.TimedFault;
import io.tumbler.raft.node.Observation;
import io.tumbler.scenario.journal.JournalEntry;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Hosts joining, leaving and being replaced in the real simulated cluster: the changes commit through the leader,
 * the new ids take part, the removed ones stop, clients keep being served, and every check passes.
 */
class MembershipScenarioTest {
  private static RunArtifacts run(Scenario scenario, long seed) {
    return new ScenarioRunner(false, Duration.ofSeconds(60)).run(scenario, seed);
  }

  @Test
  void addRemoveAndReplaceCommitAndTheNewMembersServe() {
    Scenario scripted = ScenarioCatalog.named("membership").withSwarm(ClusterSwarm.NONE).withSchedule(Schedule.of(List.of(
        new TimedFault(500, new Fault.AddNode()), // n6
        new TimedFault(1_200, new Fault.RemoveNode(1)),
        new TimedFault(2_000, new Fault.ReplaceNode(2)), // n7
        new TimedFault(3_000, new Fault.KillLeader()), new TimedFault(3_400, new Fault.HealAll()))));
    RunArtifacts run = run(scripted, 5);
    RunResult r = run.result();
    assertEquals(Outcome.PASS, r.outcome(), () -> r.checks().toString());
    assertEquals(2L, r.coverage().get("nodes-added"), "n6 and n7 promoted");
    assertEquals(2L, r.coverage().get("nodes-removed"), "n1 removed, n2 replaced");
    assertEquals(6L, r.coverage().get("config-changes-committed"), "two adds of two steps, two removals");
    TreeSet<Integer> appliedBy = new TreeSet<>();
    for (JournalEntry e : run.journal()) {
      if (e.payload() instanceof Observation.Applied a && e.timeNanos() > 4_000_000_000L) {
        appliedBy.add(a.node());
      }
    }
    assertEquals(new TreeSet<>(List.of(3, 4, 5, 6, 7)), appliedBy, "the final members apply; the removed do not");
  }

  @Test
  void theCatalogScenarioDrawsThreeFiveOrSevenNodesAndPasses() {
    TreeSet<Integer> sizes = new TreeSet<>();
    for (long seed = 1; seed <= 6; seed++) {
      RunArtifacts run = run(ScenarioCatalog.named("membership"), seed);
      RunResult r = run.result();
      assertEquals(Outcome.PASS, r.outcome(), () -> r.replayCommand() + "\n" + r.checks());
      assertTrue(r.coverage().get("config-changes-committed") > 0, r.coverage().toString());
      sizes.add(run.scenario().cluster().nodes());
    }
    assertTrue(sizes.size() >= 2 && List.of(3, 5, 7).containsAll(sizes), "sizes drawn: " + sizes);
  }
}
