package io.tumbler.scenario.run;

import io.tumbler.fault.Schedule;
import io.tumbler.scenario.cluster.ClusterConfig;
import io.tumbler.sim.random.RandomStream;

/**
 * How a scenario's faults are chosen: a fixed script, or a schedule drawn from the run's {@code nemesis}
 * stream. Either way the result is a {@link Schedule} value, saved with the run and replayable as is.
 */
@FunctionalInterface
public interface FaultScript {
  /** The schedule for one run; {@code safetyMillis} is how long the safety phase lasts. */
  Schedule schedule(RandomStream nemesis, ClusterConfig cluster, long safetyMillis);

  static FaultScript none() {
    return (random, cluster, millis) -> Schedule.empty();
  }

  static FaultScript fixed(Schedule schedule) {
    return (random, cluster, millis) -> schedule;
  }
}
