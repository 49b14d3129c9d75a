package io.tumbler.scenario.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tumbler.scenario.workload.ReadMode;
import io.tumbler.scenario.workload.Workload;
import io.tumbler.scenario.workload.Workloads;
import io.tumbler.sut.SutKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The run's checks are one list merged by priority from what the harness, the scenario and the workload contribute;
 * its order is the order of checks.json, which existing runs fix (the order the checks were judged in before they
 * became values).
 */
class RunChecksTest {
  private static final ScenarioCheck HOLDS = run -> List.of();

  private static List<String> names(List<RunCheck> checks) {
    return checks.stream().map(RunCheck::name).toList();
  }

  private static Workload workload(String name) {
    return Workloads.create(name, 3, ReadMode.LINEARIZABLE);
  }

  @Test
  void aTumblerRunIsJudgedInTheOrderChecksJsonHasAlwaysHad() {
    Scenario scenario = ScenarioCatalog.named(ScenarioCatalog.DEFAULT).withChecks(List.of(HOLDS, HOLDS));
    assertEquals(List.of("sut-exception", "raft-safety", "vm-invariants", "linearizability", "liveness", "convergence",
        "scenario-1", "scenario-2"), names(RunChecks.of(scenario, workload("kv"))));
  }

  @Test
  void theScenarioAndTheWorkloadSlotTheirChecksInByPriority() {
    Scenario scenario = ScenarioCatalog.named(ScenarioCatalog.DEFAULT).withSut(SutKind.MICRORAFT).withChecks(List.of(HOLDS));
    assertEquals(List.of("sut-exception", "raft-safety", "raft-log-safety", "vm-invariants", "linearizability",
        "liveness", "convergence", "member-hosts", "scenario-1"), names(RunChecks.of(scenario, workload("vm-members"))));
  }

  @Test
  void theMergeIsStableWithinAPriority() {
    RunCheck.Judge never = run -> {
      throw new AssertionError("not judged here");
    };
    List<RunCheck> contributed = List.of(new RunCheck("late", 900, never), new RunCheck("b", 10, never),
        new RunCheck("a", 10, never), new RunCheck("first", 1, never), new RunCheck("c", 10, never));
    assertEquals(List.of("first", "b", "a", "c", "late"), names(RunChecks.merged(contributed)));
  }

  @Test
  void aCheckMustReportUnderItsOwnName() {
    RunCheck misnamed = new RunCheck("mine", 1, run -> CheckReport.pass("theirs", 0));
    assertThrows(IllegalStateException.class, () -> misnamed.judged(null));
  }
}
