package io.tumbler.scenario.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.fault.Fault;
import io.tumbler.fault.ProtocolStep;
import io.tumbler.fault.Schedule;
import io.tumbler.fault.StepReaction;
import io.tumbler.fault.StepTarget;
import io.tumbler.fault.TimedFault;
import io.tumbler.raft.node.Observation;
import io.tumbler.scenario.cluster.ClusterConfig;
import io.tumbler.scenario.workload.ReadMode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Event-triggered faults land on the protocol step they name: a voter crashed the moment a vote request
 * reaches it (before its vote is synced, so before it can answer), a new leader isolated as it takes office.
 */
class StepTriggerTest {
  private static RunArtifacts run(Fault.OnStep trigger, long seed) {
    Schedule schedule = Schedule.of(List.of(new TimedFault(1_500, trigger),
        new TimedFault(1_500, new Fault.KillLeader()), new TimedFault(2_500, new Fault.HealAll())));
    Scenario s = new Scenario("trigger-test", "a triggered fault around an election", ClusterConfig.defaults(), "kv",
        ReadMode.LINEARIZABLE, FaultScript.fixed(schedule), 3_000, 6_000, 600, Expectation.CORRECT, List.of());
    return new ScenarioRunner(false, Duration.ofSeconds(60)).run(s, seed);
  }

  @Test
  void aVoterCrashesBetweenTheVoteRequestAndTheSyncOfItsVote() {
    RunArtifacts r = run(new Fault.OnStep(ProtocolStep.VOTE_REQUEST_RECEIVED, StepTarget.OBSERVER,
        StepReaction.CRASH, 0, 20, 1, 800), 3);
    assertEquals(Outcome.PASS, r.result().outcome(), r.result().checks().toString());
    List<io.tumbler.fault.AppliedFault> crashes = r.appliedFaults().stream()
        .filter(f -> f.fault().startsWith("crash n")).toList();
    assertEquals(1, crashes.size(), "exactly one triggered crash: " + r.appliedFaults());
    long at = crashes.get(0).timeNanos();
    int voter = Integer.parseInt(crashes.get(0).fault().substring("crash n".length()));
    long candidateTerm = r.journal().stream()
        .filter(e -> e.payload() instanceof Observation.BecameCandidate && e.timeNanos() <= at)
        .mapToLong(e -> ((Observation.BecameCandidate) e.payload()).term()).max().orElseThrow();
    assertFalse(r.journal().stream().anyMatch(e -> e.payload() instanceof Observation.Voted v && v.node() == voter
        && v.term() == candidateTerm && e.timeNanos() <= at), "the vote of n" + voter + " in term " + candidateTerm
        + " was synced before the crash: the trigger did not land between request and sync");
    assertTrue(r.appliedFaults().stream().anyMatch(f -> f.fault().equals("restart n" + voter)), "undone after the hold");
  }

  @Test
  void aNewLeaderIsIsolatedAsItTakesOfficeAndTheTriggerStopsAfterItsCount() {
    RunArtifacts r = run(new Fault.OnStep(ProtocolStep.LEADER_ELECTED, StepTarget.OBSERVER, StepReaction.ISOLATE,
        0, 300, 2, 1_000), 4);
    assertEquals(Outcome.PASS, r.result().outcome(), r.result().checks().toString());
    long isolations = r.appliedFaults().stream().filter(f -> f.fault().startsWith("partition [[")).count();
    assertEquals(2, isolations, "fires at most `times` times: " + r.appliedFaults());
  }
}
