package io.tumbler.sut.microraft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.lin.CheckResult;
import io.tumbler.raft.node.Observation;
import io.tumbler.scenario.journal.JournalEntry;
import io.tumbler.scenario.run.CheckReport;
import io.tumbler.scenario.run.Outcome;
import io.tumbler.scenario.run.RunArtifacts;
import io.tumbler.scenario.run.Scenario;
import io.tumbler.scenario.run.ScenarioCatalog;
import io.tumbler.scenario.run.ScenarioRunner;
import io.tumbler.scenario.run.SutCompatibility;
import io.tumbler.sut.SutKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MicroRaft 0.7 runs in the simulator behind the SUT seam: its history is checked by the same linearizability
 * checker, a new leader is elected after the leader is killed, crashed nodes recover from their simulated disks,
 * and what cannot be judged for it is reported SKIPPED, never PASS.
 */
class MicroRaftScenarioTest {
  private static RunArtifacts run(String scenario, long seed) {
    Scenario s = ScenarioCatalog.named(scenario).withSut(SutKind.MICRORAFT);
    return new ScenarioRunner(false, Duration.ofSeconds(60)).run(s, seed);
  }

  private static long term(JournalEntry becameLeader) {
    return ((Observation.BecameLeader) becameLeader.payload()).term();
  }

  private static CheckReport check(RunArtifacts run, String name) {
    return run.result().checks().stream().filter(c -> c.check().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + run.result().checks()));
  }

  @Test
  void aNewLeaderIsElectedAfterTheLeaderIsKilledAndTheHistoryIsLinearizable() {
    RunArtifacts run = run("leader-failover", 1);
    assertEquals(Outcome.PASS, run.result().outcome(), () -> run.result().checks().toString());
    assertTrue(run.linearizability() instanceof CheckResult.Valid, run.linearizability().toString());
    assertTrue(run.result().operations() > 200, "clients should get real work done: " + run.result().operations());
    assertEquals(CheckReport.Verdict.PASS, check(run, "scenario-1").verdict()); // a new leader within 1.5 s of the kill
    long killNanos = run.appliedFaults().get(0).timeNanos();
    List<JournalEntry> leaders = run.journal().stream()
        .filter(e -> e.payload() instanceof Observation.BecameLeader).toList();
    JournalEntry before = leaders.stream().filter(l -> l.timeNanos() < killNanos).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no leader before the kill: " + leaders));
    assertTrue(leaders.stream().anyMatch(l -> l.timeNanos() > killNanos && term(l) > term(before)
        && l.node() != before.node()), "no other node led a later term after the kill at " + killNanos + ": " + leaders);
  }

  @Test
  void crashedNodesRecoverFromTheirDisksAndConverge() {
    RunArtifacts run = run("churn", 1);
    assertEquals(Outcome.PASS, run.result().outcome(), () -> run.result().checks().toString());
    assertTrue(run.result().coverage().getOrDefault("node-restarts", 0L) > 3, () -> run.result().coverage().toString());
    assertEquals(CheckReport.Verdict.PASS, check(run, "convergence").verdict());
  }

  @Test
  void logPropertiesAreSkippedWithTheReasonNotPassed() {
    RunArtifacts run = run("initial-election", 2);
    CheckReport log = check(run, "raft-log-safety");
    assertEquals(CheckReport.Verdict.SKIPPED, log.verdict());
    assertTrue(log.details().get(0).contains("not judged"), log.details().toString());
    assertTrue(check(run, "raft-safety").details().get(0).contains("election safety"));
  }

  @Test
  void sameSeedSameFingerprintTwiceInOneJvm() {
    RunArtifacts a = run("default", 3);
    RunArtifacts b = run("default", 3);
    assertEquals(a.result().fingerprint(), b.result().fingerprint());
    assertEquals(a.result().events(), b.result().events());
    assertTrue(a.result().events() > 10_000, "the run should do real work: " + a.result().events());
  }

  @Test
  void scenariosMicroRaftCannotTakeAreRefusedWithTheReason() {
    assertNotNull(SutCompatibility.refusal(ScenarioCatalog.named("membership"), SutKind.MICRORAFT));
    assertNotNull(SutCompatibility.refusal(ScenarioCatalog.named("vote-hunt"), SutKind.MICRORAFT));
    assertNotNull(SutCompatibility.refusal(ScenarioCatalog.named("default")
        .withBugs(io.tumbler.raft.KnownBugs.of(io.tumbler.raft.KnownBug.values()[0])),
        SutKind.MICRORAFT));
    assertNull(SutCompatibility.refusal(ScenarioCatalog.named("default"), SutKind.MICRORAFT));
    assertNull(SutCompatibility.refusal(ScenarioCatalog.named("membership"), SutKind.TUMBLER));
  }
}
