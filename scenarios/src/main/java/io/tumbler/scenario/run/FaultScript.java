package io.tumbler.scenario.run;

import io.tumbler.fault.Schedule;
import io.tumbler.scenario.cluster.ClusterConfig;
import io.tumbler.sim.random.RandomStream;

/**
 * How a scenario's faults are chosen: a fixed script, or a schedule drawn from the run's {@code nemesis}
 * stream. Either way the result is a {@link Schedule} value, saved with the run and replayable as is. A
 * {@link Pinned} script is a schedule from outside the scenario (a replayed, shrunk or hand-edited
 * schedule.json): the seed alone no longer reproduces the run, its run directory does.
 */
@FunctionalInterface
public interface FaultScript {
  /** The schedule for one run; {@code safetyMillis} is how long the safety phase lasts. */
  Schedule schedule(RandomStream nemesis, ClusterConfig cluster, long safetyMillis);

  /**
   * This script for a system under test that cannot change its membership ({@code --sut}): itself, unless it would
   * add, remove or rejoin hosts.
   */
  default FaultScript withoutMembership() {
    return this;
  }

  static FaultScript none() {
    return (random, cluster, millis) -> Schedule.empty();
  }

  static FaultScript fixed(Schedule schedule) {
    return (random, cluster, millis) -> schedule;
  }

  /** {@code schedule} replacing the scenario's own faults (replay, shrink, an edited schedule.json). */
  static FaultScript pinned(Schedule schedule) {
    return new Pinned(schedule);
  }

  /** A schedule that is not the scenario's own: its run is reproduced by replaying its directory, not by its seed. */
  record Pinned(Schedule schedule) implements FaultScript {
    @Override
    public Schedule schedule(RandomStream nemesis, ClusterConfig cluster, long safetyMillis) {
      return schedule;
    }
  }
}
