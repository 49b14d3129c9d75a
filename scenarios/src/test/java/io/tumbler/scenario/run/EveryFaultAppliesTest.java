package io.tumbler.scenario.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.fault.AppliedFault;
import io.tumbler.fault.Fault;
import io.tumbler.fault.FaultTypes;
import io.tumbler.fault.Schedule;
import io.tumbler.fault.TimedFault;
import io.tumbler.scenario.cluster.ClusterConfig;
import io.tumbler.scenario.workload.ReadMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every fault kind the sealed hierarchy holds (walked, not listed: a kind added tomorrow is in this test) applied to
 * a real simulated cluster in one schedule: each is recorded as applied with its own schedule name and effect, and
 * the run ends with a verdict, not an exception. A kind whose application were skipped could not compile
 * ({@link Fault#applyTo} is abstract); this shows each one reaches the cluster and the record.
 */
class EveryFaultAppliesTest {

  @Test
  void everyKindIsAppliedAndRecordedAsData() {
    List<Fault> examples = FaultTypes.examples();
    List<TimedFault> timed = new ArrayList<>();
    long at = 400;
    for (Fault f : examples) {
      timed.add(new TimedFault(at, f));
      at += 40;
    }
    Scenario scenario = new Scenario("every-fault", "every fault kind once, 40 ms apart",
        ClusterConfig.defaults(), "kv", ReadMode.LINEARIZABLE, FaultScript.fixed(Schedule.of(timed)),
        at + 200, 4_000, 400, Expectation.CORRECT, List.of());
    RunArtifacts run = new ScenarioRunner(false, Duration.ofSeconds(120)).run(scenario, 5);

    long scheduleEnd = at * 1_000_000L;
    List<AppliedFault> applied = run.appliedFaults().stream().filter(f -> f.timeNanos() < scheduleEnd).toList();
    List<String> types = new ArrayList<>();
    for (AppliedFault f : applied) {
      types.add(f.type());
    }
    for (Fault f : examples) {
      String name = FaultTypes.nameOf(f);
      assertTrue(types.contains(name), () -> name + " was never recorded as applied: " + types);
      AppliedFault a = applied.get(types.indexOf(name));
      assertEquals(f.effect(), a.effect(), name);
      assertEquals(f.describe(), a.fault(), name);
      assertTrue(a.applied().startsWith(f.describe()), () -> name + ": " + a.applied());
    }
    assertTrue(run.result().outcome() != null);
  }
}
