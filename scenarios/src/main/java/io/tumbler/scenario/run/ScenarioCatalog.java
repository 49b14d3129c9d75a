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
    addMembership(m);
    HuntScenarios.addAll(m);
    return m;
  }

  private static void addBasics(Map<String, Scenario> m) {
    ClusterConfig five = ClusterConfig.defaults();
    add(m, new Scenario(DEFAULT,
        "5 nodes, kv workload with linearizable reads, a swarm fault plan drawn from the seed (each run turns on "
            + "a random subset of every fault kind — partitions of every shape, one-way blocks, leader isolation, "
            + "the leader muted or clogged or its partner's acknowledgements held, leader kills, crashes, torn "
            + "writes, pauses, clock skew, jumps and strobe, loss, duplication, delay, clogging, fsync failures — "
            + "at random rates), then a healed liveness phase. Every check on. On 3 or more nodes, one run in six "
            + "has operators add, remove and replace hosts instead (the membership script) and one in ten runs the "
            + "rejoin handshake (the rejoin script), on the same drawn deployments.",
        five, "kv", ReadMode.LINEARIZABLE, DefaultFaults.CAMPAIGN, 6_000, 8_000, 1_500, Expectation.CORRECT, List.of())
        .withSwarm(ClusterSwarm.FULL));
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

  private static void addMembership(Map<String, Scenario> m) {
    ClusterConfig cluster = ClusterConfig.defaults().withClients(6).withSnapshotEveryEntries(40);
    add(m, new Scenario("membership",
        "Hosts join, leave and are replaced while the cluster runs: 3, 5 or 7 bootstrap nodes (drawn from the seed), "
            + "and every 0.15 to 0.75 s either a membership change — add a node (a new id joins as a learner and is "
            + "promoted once caught up), remove a member (the leader included), or replace one (removed, wiped, "
            + "added back under a new id) — or a disruption: a crash, the leader killed, isolated or pushed into the "
            + "minority, a node isolated or paused, leadership transferred. Snapshots every 40 entries, so joining "
            + "and lagging nodes install them. Checked against each node's configuration; liveness after the heal "
            + "over the final membership.",
        cluster, "kv", ReadMode.LINEARIZABLE, MembershipFaults.script(), 6_000, 8_000, 1_500, Expectation.CORRECT,
        List.of()).withSwarm(ClusterSwarm.ODD_SIZES));
    add(m, new Scenario("rejoin",
        "Hosts join and rejoin through the authenticated handshake (join request, the leader's nonce, an HMAC-SHA256 "
            + "proof keyed by the cluster secret; admitted as a learner, promoted once caught up): 3, 5 or 7 "
            + "bootstrap nodes, and every 0.15 to 0.75 s either a handshake event — a new host joins, a member loses "
            + "its disk and rejoins under its next incarnation as a new id (the old id removed), a host with a wrong "
            + "secret knocks, a captured join proof is replayed to the leader, a member is removed — or a "
            + "disruption: a crash, the leader killed or isolated, a node isolated or paused, leadership "
            + "transferred. Snapshots every 40 entries. Checked: no host admitted without a verified handshake, no "
            + "nonce admitting twice, incarnations increasing, and everything the membership scenario checks.",
        cluster, "kv", ReadMode.LINEARIZABLE, RejoinFaults.script(), 6_000, 8_000, 1_500, Expectation.CORRECT,
        List.of()).withSwarm(ClusterSwarm.ODD_SIZES));
    addVmMembership(m);
  }

  /**
   * The membership script with the VM workload whose hosts are the members: fewer clients, each patient for up to
   * 5 s (as the default swarm gives its vm runs), because the vm model does not split by key and every
   * indeterminate operation multiplies the checker's search.
   */
  private static void addVmMembership(Map<String, Scenario> m) {
    ClusterConfig cluster = ClusterConfig.defaults().withClients(4).withSnapshotEveryEntries(40);
    io.tumbler.scenario.client.ClientConfig patient = io.tumbler.scenario.client.ClientConfig.defaults();
    patient = new io.tumbler.scenario.client.ClientConfig(patient.attemptTimeoutNanos(), 5_000_000_000L,
        patient.thinkNanosMax(), patient.retryBackoffNanos());
    add(m, new Scenario("vm-membership",
        "The membership scenario's hosts joining, leaving and being replaced (3, 5 or 7 bootstrap nodes, then "
            + "membership changes and disruptions every 0.15 to 0.75 s), with the VM workload whose hosts ARE the "
            + "members (vm-members): host h-<node> is registered when its node joins (the bootstrap members first), "
            + "and when its node leaves it is drained, its VMs migrated off and it is failed, each step after the "
            + "previous one's answer. Checked against the vm model, the VM invariants on every replica, each node's "
            + "configuration, and the final state: every host is a current or former member's and no VM is on a "
            + "host whose node left (member-hosts); liveness waits for every retirement to finish.",
        cluster, "vm-members", ReadMode.LINEARIZABLE, MembershipFaults.script(), 6_000, 8_000, 800,
        Expectation.CORRECT, List.of()).withSwarm(ClusterSwarm.ODD_SIZES).withClientTiming(patient));
  }

  static void add(Map<String, Scenario> m, Scenario s) {
    m.put(s.name(), s);
  }

  static TimedFault at(long millis, Fault fault) {
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
