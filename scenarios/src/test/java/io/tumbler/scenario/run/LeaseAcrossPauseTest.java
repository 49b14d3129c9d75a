package io.tumbler.scenario.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.fault.Fault;
import io.tumbler.fault.ProtocolStep;
import io.tumbler.fault.Schedule;
import io.tumbler.fault.StepReaction;
import io.tumbler.fault.StepTarget;
import io.tumbler.fault.TimedFault;
import io.tumbler.scenario.cluster.ClusterConfig;
import io.tumbler.scenario.journal.HarnessEvent;
import io.tumbler.scenario.workload.ReadMode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A leader that serves lease reads is paused for far longer than an election timeout while the others elect a
 * successor and acknowledge writes. When it resumes, the reads that reached it during the pause must not be
 * served from its old lease: the simulated ticker makes up the missed ticks first, as the production
 * fixed-rate ticker does (default seeds 10, 637 and 940 served such stale reads before the ticker did).
 */
class LeaseAcrossPauseTest {
  @Test
  void aLeaderResumingFromALongPauseServesNoStaleLeaseRead() {
    int served = 0;
    for (long seed = 1; seed <= 4; seed++) {
      Schedule schedule = Schedule.of(List.of(new TimedFault(500, new Fault.OnStep(ProtocolStep.READ_SERVED,
          StepTarget.LEADER, StepReaction.PAUSE, 0, 1_500, 1, 2_000))));
      Scenario s = new Scenario("lease-pause-test", "the lease holder paused 1.5 s", ClusterConfig.defaults()
          .withClients(8).withLeaseSafeClocks(true), "kv-readers", ReadMode.LEASE, FaultScript.fixed(schedule), 3_000,
          6_000, 3_000, Expectation.CORRECT, List.of()).withClientTiming(HuntScenarios.impatientClients());
      RunArtifacts r = new ScenarioRunner(false, Duration.ofSeconds(60)).run(s, seed);
      assertEquals(Outcome.PASS, r.result().outcome(), "seed " + seed + ": " + r.result().checks());
      assertTrue(r.appliedFaults().stream().anyMatch(f -> f.fault().startsWith("pause n")), "the leader was paused");
      served += (int) r.journal().stream().filter(e -> e instanceof HarnessEvent.ReadAnswered a
          && a.mode().equals("LEASE")).count();
    }
    assertTrue(served > 100, "lease reads were served: " + served);
  }
}
