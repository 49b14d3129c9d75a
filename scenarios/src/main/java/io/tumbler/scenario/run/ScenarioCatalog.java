package io.tumbler.scenario.run;

import io.tumbler.fault.Fault;
import io.tumbler.fault.Schedule;
import io.tumbler.fault.TimedFault;
import io.tumbler.scenario.cluster.ClusterConfig;
import io.tumbler.scenario.workload.ReadMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario library ({@code tumbler list scenarios}). Each entry documents what it exercises and what
 * a correct cluster must show; scripted faults use fixed times, randomized ones draw from the seed.
 */
public final class ScenarioCatalog {
  /** The scenario {@code tumbler run} and {@code tumbler fuzz} use without {@code --scenario}. */
  public static final String DEFAULT = "default";

  private static final Map<String, Scenario> SCENARIOS = build();

  private ScenarioCatalog() {}

  public static List<Scenario> all() {
    return List.copyOf(SCENARIOS.values());
  }

  public static List<String> names() {
    return List.copyOf(SCENARIOS.keySet());
  }

  /** The scenario named {@code name}; an unknown name raises {@link IllegalArgumentException} listing the known ones. */
  public static Scenario named(String name) {
    Scenario s = SCENARIOS.get(name);
    if (s == null) {
      throw new IllegalArgumentException("unknown scenario '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
    return s;
  }

  private static Map<String, Scenario> build() {
    Map<String, Scenario> m = new LinkedHashMap<>();
    addBasics(m);
    addPartitions(m);
    addWorkloads(m);
    addBugHunts(m);
    return m;
  }

  private static void addBasics(Map<String, Scenario> m) {
    ClusterConfig five = ClusterConfig.defaults();
    add(m, new Scenario(DEFAULT,
        "5 nodes, kv workload with linearizable reads, a swarm fault plan drawn from the seed (each run turns on "
            + "a random subset of every fault kind — partitions of every shape, one-way blocks, leader isolation, "
            + "leader kills, crashes, torn writes, pauses, clock skew, jumps and strobe, loss, duplication, delay, "
            + "clogging, fsync failures — at random rates), then a healed liveness phase. Every check on.",
        five, "kv", ReadMode.LINEARIZABLE, RandomFaults.swarm(), 6_000, 8_000, 1_500, Expectation.CORRECT, List.of()));
    add(m, new Scenario("initial-election",
        "5 nodes start together with no faults: exactly one leader must emerge quickly and clients make progress.",
        five, "kv", ReadMode.LINEARIZABLE, FaultScript.none(), 2_000, 3_000, 300, Expectation.CORRECT,
        List.of(ScenarioChecks.leaderWithinMillis(1_000))));
    add(m, new Scenario("leader-failover",
        "The leader is killed at 2 s and restarted at 4 s: a new leader must be elected within 1.5 s of the kill, "
            + "and no acknowledged write may be lost.",
        five, "kv", ReadMode.LINEARIZABLE,
        fixed(at(2_000, new Fault.KillLeader()), at(4_000, new Fault.HealAll())), 6_000, 6_000, 1_000,
        Expectation.CORRECT, List.of(ScenarioChecks.newLeaderAfterFirstFault(1_500))));
    add(m, new Scenario("churn",
        "Random crashes and restarts of any node (at times a majority is down) under concurrent clients.",
        five, "kv", ReadMode.LINEARIZABLE, RandomFaults.churn(), 7_000, 8_000, 1_500, Expectation.CORRECT,
        List.of()));
    add(m, new Scenario("reorder-duplicate",
        "Latency uniform in 0.2..40 ms (heavy reordering), 20% duplication and 5% loss for the whole safety phase.",
        five, "kv", ReadMode.LINEARIZABLE,
        fixed(at(0, new Fault.Delay(200, 40_000)), at(0, new Fault.Duplicate(0.2)), at(0, new Fault.Loss(0.05))),
        6_000, 8_000, 1_200, Expectation.CORRECT, List.of()));
  }

  private static void addPartitions(Map<String, Scenario> m) {
    ClusterConfig five = ClusterConfig.defaults();
    add(m, new Scenario("minority-partition",
        "Nodes {1,2} are cut off from {3,4,5} from 2 s to 5 s: the minority must commit nothing new, the majority "
            + "must keep committing.",
        five, "kv", ReadMode.LINEARIZABLE,
        fixed(at(2_000, new Fault.Partition(List.of(List.of(1, 2), List.of(3, 4, 5)))),
            at(5_000, new Fault.HealNetwork())),
        6_000, 6_000, 1_000, Expectation.CORRECT,
        List.of(ScenarioChecks.minorityStallsMajorityProgresses(List.of(1, 2), List.of(3, 4, 5), 2_000, 5_000))));
    add(m, new Scenario("partitioned-leader-rejoin",
        "The leader is isolated at 2 s while clients keep sending to it, so it gathers an uncommitted tail; at 4.5 s "
            + "it rejoins and must discard that tail in favour of the new leader's log.",
        five, "kv", ReadMode.LINEARIZABLE,
        fixed(at(2_000, new Fault.IsolateLeader()), at(4_500, new Fault.HealNetwork())), 6_000, 6_000, 1_000,
        Expectation.CORRECT, List.of(ScenarioChecks.newLeaderAfterFirstFault(1_500))));
    add(m, new Scenario("figure-8",
        "A scripted schedule in the shape of the Raft paper's Figure 8: leaders are repeatedly pushed into a "
            + "minority right after appending, killed, and replaced, so entries of old terms end up on a majority "
            + "without being committed by their own leader. Only the current-term commit rule keeps it safe.",
        five, "kv", ReadMode.LINEARIZABLE, figure8(), 7_000, 8_000, 1_500, Expectation.CORRECT, List.of()));
    add(m, new Scenario("long-conflicting-suffix",
        "CheckQuorum off, so a leader cut into a minority (with one follower) at 1 s keeps its role for 4 s and "
            + "keeps appending the writes of clients that bounce between the two minority nodes; when they rejoin, "
            + "both must back up over a long conflicting suffix (fast backtracking by conflict term).",
        five.withClients(8).withSnapshotEveryEntries(1_000_000).withCheckQuorum(false), "kv", ReadMode.LINEARIZABLE,
        fixed(at(1_000, new Fault.LeaderToMinority()), at(5_000, new Fault.HealNetwork())), 6_000, 8_000, 3_000,
        Expectation.CORRECT, List.of(ScenarioChecks.someNodeTruncatedAtLeast(20))));
  }

  private static void addWorkloads(Map<String, Scenario> m) {
    ClusterConfig five = ClusterConfig.defaults();
    add(m, new Scenario("vm-placement",
        "VM lifecycle and placement contention: 4 small hosts, 12 VM ids, creates and migrations racing for room "
            + "while hosts are drained, failed and recovered; the leader is killed once. Checked against the vm "
            + "model (placement must fit, no-capacity only when nothing fits) and the VM invariants on every replica.",
        five, "vm", ReadMode.LINEARIZABLE,
        fixed(at(2_500, new Fault.KillLeader()), at(3_500, new Fault.HealAll())), 5_000, 6_000, 800,
        Expectation.CORRECT, List.of()));
    add(m, new Scenario("path-store",
        "Cluster-config use of the path store: get, put, cas, put-if-absent and delete on a few paths, with a "
            + "minority partition of the leader and message loss.",
        five, "paths", ReadMode.LINEARIZABLE,
        fixed(at(1_500, new Fault.LeaderToMinority()), at(3_000, new Fault.HealNetwork()),
            at(3_200, new Fault.Loss(0.1)), at(4_500, new Fault.HealNetwork())), 5_000, 6_000, 1_000,
        Expectation.CORRECT, List.of()));
    add(m, new Scenario("stale-local-reads",
        "Reads served from each replica's local state (fast, allowed to be stale) while the leader is repeatedly "
            + "isolated. The history is expected NOT to be linearizable: the checker finding a stale read is the "
            + "demonstration.",
        five, "kv", ReadMode.LOCAL,
        fixed(at(1_000, new Fault.IsolateLeader()), at(2_500, new Fault.HealNetwork()),
            at(3_000, new Fault.IsolateLeader()), at(4_500, new Fault.HealNetwork())),
        5_000, 6_000, 1_500, Expectation.NON_LINEARIZABLE, List.of()));
  }

  /** Fault shapes no other scenario has, needed to expose a catalogued known bug ({@code tumbler list bugs}). */
  private static void addBugHunts(Map<String, Scenario> m) {
    ClusterConfig five = ClusterConfig.defaults().withClients(8);
    List<TimedFault> faults = new ArrayList<>();
    long[] driftPpm = {-80_000, -40_000, 0, 40_000, 80_000};
    for (int node = 1; node <= 5; node++) {
      faults.add(at(0, new Fault.ClockSkew(node, 0, driftPpm[node - 1])));
    }
    for (long t = 700; t < 6_000; t += 900) {
      faults.add(at(t, new Fault.IsolateLeader()));
      faults.add(at(t + 600, new Fault.HealNetwork()));
    }
    add(m, new Scenario("lease-skew",
        "Lease reads while every node's clock drifts (-8%, -4%, 0, +4%, +8%: within the 20% drift bound the lease "
            + "allows for) and the leader is isolated from its peers every 0.9 s while clients still reach it. A "
            + "lease that honours the drift bound expires before any successor can be elected.",
        five, "kv", ReadMode.LEASE, FaultScript.fixed(Schedule.of(faults)), 6_000, 6_000, 2_500,
        Expectation.CORRECT, List.of()));
    addReadHunt(m);
    addNoopHunt(m);
  }

  /**
   * Clients beside a home node lose the far side of each partition, so those homed with an isolated leader
   * keep reading from it while the majority elects a successor and commits their peers' writes. CheckQuorum
   * is off, so the deposed leader keeps its role for the whole partition: only the ReadIndex heartbeat round
   * stands between it and a stale read.
   */
  private static void addReadHunt(Map<String, Scenario> m) {
    ClusterConfig homed = ClusterConfig.defaults().withClients(8).withCheckQuorum(false).withClientsHomed(true);
    List<TimedFault> faults = new ArrayList<>();
    for (long t = 700; t < 6_000; t += 2_700) {
      faults.add(at(t, new Fault.IsolateLeader()));
      faults.add(at(t + 2_400, new Fault.HealNetwork()));
    }
    add(m, new Scenario("read-hunt",
        "Linearizable reads; clients sit beside a home node and a partition cuts them off from the far side. "
            + "CheckQuorum is off and the leader is isolated twice for 2.4 s, so clients homed with it keep "
            + "asking a deposed leader while their peers write through its successor. A correct ReadIndex "
            + "refuses them: it cannot confirm leadership.",
        homed, "kv", ReadMode.LINEARIZABLE, FaultScript.fixed(Schedule.of(faults)), 6_000, 6_000, 2_500,
        Expectation.CORRECT, List.of()));
  }

  /**
   * Many short leader isolations under slow, reordering links: each brings a new leader whose commit index
   * still lags the writes its predecessor acknowledged (the news of their commit is in flight), and whose
   * no-op takes a slow round trip to commit, while twelve clients hunt for it with reads.
   */
  private static void addNoopHunt(Map<String, Scenario> m) {
    ClusterConfig twelve = ClusterConfig.defaults().withClients(12);
    List<TimedFault> faults = new ArrayList<>();
    faults.add(at(0, new Fault.Delay(200, 40_000)));
    for (long t = 700; t < 6_000; t += 500) {
      faults.add(at(t, new Fault.IsolateLeader()));
      faults.add(at(t + 300, new Fault.HealNetwork()));
      faults.add(at(t + 300, new Fault.Delay(200, 40_000))); // a heal restores the base latency too
    }
    add(m, new Scenario("noop-hunt",
        "Linearizable reads from 12 clients over links of 0.2..40 ms latency while the leader is isolated every "
            + "0.5 s for 0.3 s. Each new leader learns late which of its predecessor's writes committed, and its "
            + "no-op needs a slow round trip; a correct ReadIndex waits for that no-op before it pins a read.",
        twelve, "kv", ReadMode.LINEARIZABLE, FaultScript.fixed(Schedule.of(faults)), 6_000, 6_000, 2_500,
        Expectation.CORRECT, List.of()));
  }

  private static void add(Map<String, Scenario> m, Scenario s) {
    m.put(s.name(), s);
  }

  private static TimedFault at(long millis, Fault fault) {
    return new TimedFault(millis, fault);
  }

  private static FaultScript fixed(TimedFault... faults) {
    return FaultScript.fixed(Schedule.of(List.of(faults)));
  }

  /** Rounds of: leader into the minority, heal, kill the leader, restart everything. */
  private static FaultScript figure8() {
    List<TimedFault> faults = new ArrayList<>();
    for (long t = 800; t < 6_500; t += 900) {
      faults.add(at(t, new Fault.LeaderToMinority()));
      faults.add(at(t + 250, new Fault.KillLeader()));
      faults.add(at(t + 300, new Fault.HealNetwork()));
      faults.add(at(t + 650, new Fault.HealAll()));
    }
    return FaultScript.fixed(Schedule.of(faults));
  }
}
