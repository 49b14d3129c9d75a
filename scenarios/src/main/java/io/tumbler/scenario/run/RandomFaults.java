package io.tumbler.scenario.run;

import io.tumbler.fault.Fault;
import io.tumbler.fault.FaultPlan;
import io.tumbler.fault.Schedule;
import io.tumbler.fault.TimedFault;
import java.util.ArrayList;
import java.util.List;

/**
 * Randomized fault scripts drawn from the run's {@code nemesis} stream: each fault fires at a random time
 * of the safety phase and is healed after a random while, so the cluster spends time both broken and
 * recovering.
 */
final class RandomFaults {
  private RandomFaults() {}

  /** Crashes and restarts of random nodes, overlapping freely: at times a majority is down. */
  static FaultScript churn() {
    return (random, cluster, safetyMillis) -> {
      List<TimedFault> faults = new ArrayList<>();
      for (long t = 300 + random.nextLong(500); t < safetyMillis - 200; t += 200 + random.nextLong(900)) {
        int node = 1 + random.nextInt(cluster.nodes());
        faults.add(new TimedFault(t, new Fault.Crash(node)));
        faults.add(new TimedFault(Math.min(safetyMillis - 1, t + 100 + random.nextLong(1_500)), new Fault.Restart(node)));
      }
      return Schedule.of(faults);
    };
  }

  /**
   * The swarm used by the default scenario: a {@link FaultPlan} drawn from the seed (which fault kinds are
   * on, how often, how long), expanded into a schedule over the safety phase.
   */
  static FaultScript swarm() {
    return (random, cluster, safetyMillis) -> {
      FaultPlan plan = FaultPlan.draw(random, FaultPlan.kindsFor(cluster.nodes(), cluster.leaseSafeClocks()));
      return plan.expand(random, cluster.nodes(), safetyMillis, cluster.maxClockDriftPpm());
    };
  }
}
