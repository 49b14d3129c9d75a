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
 * The rejoin handshake in the real simulated cluster: a new host and a wiped host (under its next incarnation)
 * are admitted only after the leader verified their proofs and then serve; a host with the wrong secret is refused
 * every time; a replayed proof is refused; every check passes.
 */
class RejoinScenarioTest {
  private static RunArtifacts run(Scenario scenario, long seed) {
    return new ScenarioRunner(false, Duration.ofSeconds(60)).run(scenario, seed);
  }

  @Test
  void joinsAndRejoinsAreAdmittedByHandshakeImpostorsAndReplaysNever() {
    Scenario scripted = ScenarioCatalog.named("rejoin").withSwarm(ClusterSwarm.NONE).withSchedule(Schedule.of(List.of(
        new TimedFault(500, new Fault.JoinNode()), // n6, host 6
        new TimedFault(1_500, new Fault.Rejoin(2)), // n7, host 2 in incarnation 1; n2 wiped and removed
        new TimedFault(2_500, new Fault.RejoinWithBadSecret()), // n8
        new TimedFault(2_600, new Fault.ReplayHandshake()),
        new TimedFault(3_000, new Fault.KillLeader()), new TimedFault(3_400, new Fault.HealAll()))));
    RunArtifacts run = run(scripted, 5);
    RunResult r = run.result();
    assertEquals(Outcome.PASS, r.outcome(), () -> r.checks().toString());
    TreeSet<String> admitted = new TreeSet<>();
    TreeSet<String> refusals = new TreeSet<>();
    TreeSet<Integer> appliedLate = new TreeSet<>();
    for (JournalEntry entry : run.journal()) {
      Object e = entry.payload();
      if (e instanceof Observation.JoinAdmitted a) {
        admitted.add("n" + a.joiner() + " host " + a.hostId() + "/" + a.incarnation());
      } else if (e instanceof Observation.JoinRejected j) {
        refusals.add("n" + j.joiner() + " " + j.reason());
      } else if (e instanceof Observation.Applied a && entry.timeNanos() > 4_500_000_000L) {
        appliedLate.add(a.node());
      }
    }
    assertEquals(new TreeSet<>(List.of("n6 host 6/0", "n7 host 2/1")), admitted);
    assertTrue(refusals.contains("n8 BAD_PROOF"), refusals.toString());
    // n2's host first asks as n7 under the incarnation its stale record names (this seed draws it), refused
    assertTrue(refusals.contains("n7 STALE_INCARNATION"), refusals.toString());
    assertTrue(refusals.stream().allMatch(x -> x.startsWith("n8 ") || x.equals("n7 STALE_INCARNATION")),
        "only the impostor and the stale record are refused: " + refusals);
    assertEquals(new TreeSet<>(List.of(1, 3, 4, 5, 6, 7)), appliedLate, "the admitted serve; n2 and n8 do not");
    assertRejoinedNodeAgreesWithTheOthers(run.journal(), 7);
  }

  /** Every state digest {@code rejoined} reports (installed snapshot or apply) is the others' at that index. */
  private static void assertRejoinedNodeAgreesWithTheOthers(List<JournalEntry> journal, int rejoined) {
    java.util.TreeMap<Long, Long> others = new java.util.TreeMap<>();
    java.util.TreeMap<Long, Long> mine = new java.util.TreeMap<>();
    for (JournalEntry entry : journal) {
      Object e = entry.payload();
      if (e instanceof Observation.Applied a) {
        (a.node() == rejoined ? mine : others).put(a.index(), a.stateDigest());
      } else if (e instanceof Observation.SnapshotInstalled i && i.node() == rejoined) {
        mine.put(i.index(), i.stateDigest());
      }
    }
    long compared = mine.keySet().stream().filter(others::containsKey).count();
    assertTrue(compared > 10, "n" + rejoined + " shares " + compared + " indexes with the others");
    mine.forEach((index, digest) -> {
      if (others.containsKey(index)) {
        assertEquals(others.get(index), digest, "n" + rejoined + "'s state digest at index " + index);
      }
    });
  }

  @Test
  void aVoterIsNotRemovedWhileAWipedOneStillCountsInTheQuorum() {
    // Rejoin seed 8058: three nodes; after n1's removal and n3's wipe (its host rejoining as n5), removing n2 would
    // leave voters {3, 4} with n3's disk gone, from which no Raft recovers. The harness refuses that removal.
    RunArtifacts run = run(ScenarioCatalog.named("rejoin"), 8058);
    RunResult r = run.result();
    assertEquals(Outcome.PASS, r.outcome(), () -> r.replayCommand() + "\n" + r.checks());
  }

  @Test
  void theCatalogScenarioDrawsThreeFiveOrSevenNodesAndPasses() {
    TreeSet<Integer> sizes = new TreeSet<>();
    long admissions = 0;
    for (long seed = 1; seed <= 6; seed++) {
      RunArtifacts run = run(ScenarioCatalog.named("rejoin"), seed);
      RunResult r = run.result();
      assertEquals(Outcome.PASS, r.outcome(), () -> r.replayCommand() + "\n" + r.checks());
      admissions += run.journal().stream().filter(e -> e.payload() instanceof Observation.JoinAdmitted).count();
      sizes.add(run.scenario().cluster().nodes());
    }
    assertTrue(admissions > 0, "some host joined by handshake");
    assertTrue(sizes.size() >= 2 && List.of(3, 5, 7).containsAll(sizes), "sizes drawn: " + sizes);
  }
}
