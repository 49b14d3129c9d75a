package io.tumbler.scenario.run;

import io.tumbler.fault.Fault;
import io.tumbler.fault.Schedule;
import io.tumbler.fault.TimedFault;
import io.tumbler.scenario.cluster.ClusterConfig;
import io.tumbler.sim.random.RandomStream;
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
   * The swarm used by the default scenario: each run turns on a random subset of fault kinds (swarm
   * testing), then draws faults of those kinds at random times, each followed by its heal.
   */
  static FaultScript swarm() {
    return (random, cluster, safetyMillis) -> {
      List<Kind> enabled = new ArrayList<>();
      for (Kind kind : Kind.values()) {
        if (random.chance(0.5)) {
          enabled.add(kind);
        }
      }
      List<TimedFault> faults = new ArrayList<>();
      if (enabled.isEmpty()) {
        return Schedule.empty();
      }
      for (long t = 200 + random.nextLong(600); t < safetyMillis - 300; t += 300 + random.nextLong(1_200)) {
        Fault fault = draw(random.pick(enabled), random, cluster);
        long healAt = Math.min(safetyMillis - 1, t + 100 + random.nextLong(1_500));
        faults.add(new TimedFault(t, fault));
        faults.add(new TimedFault(healAt, fault.heal()));
      }
      return Schedule.of(faults);
    };
  }

  enum Kind { PARTITION, ONE_WAY, CRASH, KILL_LEADER, ISOLATE_LEADER, PAUSE, CLOCK, LOSS, DUPLICATE, DELAY, CLOG, TORN_WRITE }

  private static Fault draw(Kind kind, RandomStream random, ClusterConfig cluster) {
    int n = cluster.nodes();
    int node = 1 + random.nextInt(n);
    return switch (kind) {
      case PARTITION -> randomHalves(random, n);
      case ONE_WAY -> new Fault.OneWay(node, 1 + (node % n));
      case CRASH -> new Fault.Crash(node);
      case KILL_LEADER -> new Fault.KillLeader();
      case ISOLATE_LEADER -> random.chance(0.5) ? new Fault.IsolateLeader() : new Fault.LeaderToMinority();
      case PAUSE -> new Fault.Pause(node, (50 + random.nextLong(800)) * 1_000_000L);
      case CLOCK -> new Fault.ClockSkew(node, (random.nextLong(400) - 200) * 1_000_000L, random.nextLong(200_000) - 100_000);
      case LOSS -> new Fault.Loss(0.05 + 0.3 * random.nextDouble());
      case DUPLICATE -> new Fault.Duplicate(0.05 + 0.3 * random.nextDouble());
      case DELAY -> new Fault.Delay(200, 5_000 + random.nextLong(60_000));
      case CLOG -> new Fault.Clog(node);
      case TORN_WRITE -> new Fault.TornWrite(node);
    };
  }

  private static Fault randomHalves(RandomStream random, int n) {
    List<Integer> nodes = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      nodes.add(i);
    }
    random.shuffle(nodes);
    int cut = 1 + random.nextInt(n - 1);
    return new Fault.Partition(List.of(nodes.subList(0, cut), nodes.subList(cut, n)));
  }
}
