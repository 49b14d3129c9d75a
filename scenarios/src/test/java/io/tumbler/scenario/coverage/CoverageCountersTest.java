package io.tumbler.scenario.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.raft.FaultPoint;
import io.tumbler.scenario.run.Outcome;
import io.tumbler.scenario.run.RunResult;
import io.tumbler.scenario.run.ScenarioCatalog;
import io.tumbler.scenario.run.ScenarioRunner;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Known short runs reach the paths they are made of, and only those: the counters are read off real runs. */
class CoverageCountersTest {
  private static Map<String, Long> coverage(String scenario, long seed) {
    RunResult r = new ScenarioRunner(false, Duration.ofSeconds(60)).run(ScenarioCatalog.named(scenario), seed).result();
    assertEquals(Outcome.PASS, r.outcome(), r::replayCommand);
    return r.coverage();
  }

  private static long hits(Map<String, Long> coverage, CoveragePath path) {
    Long count = coverage.get(path.counterName());
    assertTrue(count != null, () -> path.counterName() + " is missing from " + coverage.keySet());
    return count;
  }

  @Test
  void anInitialElectionElectsThroughPreVoteAndNothingCrashes() {
    Map<String, Long> c = coverage("initial-election", 1);
    assertTrue(hits(c, CoveragePath.LEADERS_ELECTED) >= 1, c::toString);
    assertTrue(hits(c, CoveragePath.PRE_VOTES_STARTED) >= 1, c::toString);
    assertTrue(hits(c, CoveragePath.ELECTIONS_STARTED_AFTER_PRE_VOTE) >= 1, c::toString);
    assertTrue(hits(c, CoveragePath.VOTES_GRANTED) >= 2, "a majority of five voted: " + c);
    assertTrue(hits(c, CoveragePath.READS_SERVED_READ_INDEX) > 0, c::toString);
    assertEquals(0, hits(c, CoveragePath.ELECTIONS_STARTED_ON_TIMEOUT), "PreVote is on: every election follows one");
    assertEquals(0, hits(c, CoveragePath.NODE_CRASHES) + hits(c, CoveragePath.NODE_RESTARTS)
        + hits(c, CoveragePath.NODE_PAUSES), "the scenario has no faults");
    assertEquals(0, hits(c, CoveragePath.READS_SERVED_LOCAL) + hits(c, CoveragePath.PLACEMENTS_REFUSED_NO_CAPACITY));
  }

  @Test
  void everyCountedPathIsNamedInEveryRunZerosIncludedAndTheSameSeedCountsTheSame() {
    // A run that changes no membership does not count the membership paths; one that does counts them all.
    Map<String, Long> c = coverage("initial-election", 2);
    assertEquals(expectedNames(false), c.keySet());
    assertEquals(c, coverage("initial-election", 2));
    Map<String, Long> m = coverage("membership", 1);
    assertEquals(expectedNames(true), m.keySet());
    assertTrue(hits(m, CoveragePath.CONFIG_CHANGES_COMMITTED) >= 1, m::toString);
  }

  private static TreeSet<String> expectedNames(boolean membership) {
    TreeSet<String> expected = new TreeSet<>();
    for (CoveragePath path : CoveragePath.values()) {
      if (membership || !path.needsMembershipChanges()) {
        expected.add(path.counterName());
      }
    }
    for (FaultPoint point : FaultPoint.values()) {
      expected.add(CoverageCounters.faultPointName(point));
    }
    return expected;
  }

  @Test
  void aKilledLeaderIsCountedAsACrashAndItsRestartAsARestart() {
    Map<String, Long> c = coverage("leader-failover", 1);
    assertTrue(hits(c, CoveragePath.NODE_CRASHES) >= 1, c::toString);
    assertTrue(hits(c, CoveragePath.NODE_RESTARTS) >= 1, c::toString);
    assertTrue(hits(c, CoveragePath.LEADERS_ELECTED) >= 2, "a second leader after the kill: " + c);
  }

  @Test
  void vmPlacementRunsOutOfCapacity() {
    long refused = 0;
    for (long seed = 1; seed <= 3; seed++) {
      refused += hits(coverage("vm-placement", seed), CoveragePath.PLACEMENTS_REFUSED_NO_CAPACITY);
    }
    assertTrue(refused > 0, "creates and migrations race for four small hosts");
  }

  @Test
  void staleLocalReadsAreServedLocallyAndNeverByReadIndex() {
    Map<String, Long> c = coverage("stale-local-reads", 1);
    assertTrue(hits(c, CoveragePath.READS_SERVED_LOCAL) > 0, c::toString);
    assertEquals(0, hits(c, CoveragePath.READS_SERVED_READ_INDEX) + hits(c, CoveragePath.READS_SERVED_LEASE));
  }

  @Test
  void thePathStoreSeesCompareAndSwapFail() {
    assertTrue(hits(coverage("path-store", 1), CoveragePath.CAS_FAILURES) > 0);
  }
}
