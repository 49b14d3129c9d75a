package io.tumbler.scenario.run;

import static io.tumbler.scenario.run.ScenarioCatalog.add;
import static io.tumbler.scenario.run.ScenarioCatalog.at;

import io.tumbler.fault.Fault;
import io.tumbler.fault.Schedule;
import io.tumbler.fault.TimedFault;
import io.tumbler.scenario.client.ClientConfig;
import io.tumbler.scenario.cluster.ClusterConfig;
import io.tumbler.scenario.workload.ReadMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fault shapes no general scenario has, each built to expose one or more catalogued known bugs
 * ({@code tumbler list bugs}). They are correct-build scenarios like any other: a correct Raft passes them,
 * and the campaign bench measures how many seeds each bug needs on its hunt. Leader-targeted faults resolve
 * their target when they fire, so one script adapts to whichever node each seed elects.
 */
final class HuntScenarios {
  private static final Fault HEAL_NETWORK = new Fault.HealNetwork();

  private HuntScenarios() {}

  /** {@code heal} at {@code t}, then {@code slowLinks} again: a heal also resets links to the base latency. */
  private static void healKeepingSlowLinks(List<TimedFault> faults, long t, Fault heal, Fault slowLinks) {
    faults.add(at(t, heal));
    faults.add(at(t, slowLinks));
  }

  static void addAll(Map<String, Scenario> m) {
    addLeaseSkew(m);
    addReadHunt(m);
    addNoopHunt(m);
    addFigure8Hunt(m);
    addStaleTermHunt(m);
    addVoteHunt(m);
    addBacktrackHunt(m);
    addStaleAckHunt(m);
  }

  /**
   * Clock drift within the lease's bound: every node runs 4% fast, except that each round the leader is
   * slowed to 4% slow (without a jump) as it is isolated from its peers, while clients still reach it. Half
   * the clients only read, and all give up on a silent node after 8 ms: writers find the successor as soon
   * as it is elected while readers still ask the old leader, so the last milliseconds of its lease are
   * probed. (A slow clock rarely wins an election, so the drift is put on whoever leads, not on a fixed node.)
   */
  private static void addLeaseSkew(Map<String, Scenario> m) {
    ClusterConfig five = ClusterConfig.defaults().withClients(10);
    List<TimedFault> faults = new ArrayList<>();
    for (int node = 1; node <= 5; node++) {
      faults.add(at(0, new Fault.ClockDrift(node, 50_000)));
    }
    for (long t = 700; t < 6_000; t += 400) {
      faults.add(at(t, new Fault.LeaderClockDrift(-50_000)));
      faults.add(at(t, new Fault.IsolateLeader()));
      faults.add(at(t + 250, HEAL_NETWORK));
      for (int node = 1; node <= 5; node++) {
        faults.add(at(t + 250, new Fault.ClockDrift(node, 50_000)));
      }
    }
    add(m, new Scenario("lease-skew",
        "Lease reads under clock drift within the 20% bound the lease allows for: every node runs 4% fast, and "
            + "every 0.6 s the leader is slowed to 4% slow and isolated from its peers for 0.35 s while clients "
            + "still reach it. Half the clients only read and all give up on a silent node after 8 ms, so "
            + "writers move to a successor at once while readers keep probing the old leader. A lease that "
            + "honours the drift bound expires before any successor can be elected.",
        five, "kv-readers", ReadMode.LEASE, FaultScript.fixed(Schedule.of(faults)), 6_000, 6_000, 15_000,
        Expectation.CORRECT, List.of()).withClientTiming(impatientClients()));
  }

  /** Clients that wait 8 ms for a reply, retry after 1 ms and think at most 5 ms between operations. */
  static ClientConfig impatientClients() {
    return new ClientConfig(8_000_000L, 1_000_000_000L, 5_000_000L, 1_000_000L);
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
      faults.add(at(t + 2_400, HEAL_NETWORK));
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
      healKeepingSlowLinks(faults, t + 300, HEAL_NETWORK, new Fault.Delay(200, 40_000));
    }
    add(m, new Scenario("noop-hunt",
        "Linearizable reads from 12 clients over links of 0.2..40 ms latency while the leader is isolated every "
            + "0.5 s for 0.3 s. Each new leader learns late which of its predecessor's writes committed, and its "
            + "no-op needs a slow round trip; a correct ReadIndex waits for that no-op before it pins a read.",
        twelve, "kv", ReadMode.LINEARIZABLE, FaultScript.fixed(Schedule.of(faults)), 6_000, 6_000, 2_500,
        Expectation.CORRECT, List.of()));
  }

  /**
   * Raft's Figure 8 from a cascade of leader isolations with CheckQuorum off. An isolated leader keeps its
   * role and keeps appending the commands of clients that still reach it: an uncommitted tail of its own
   * term. For 0.6 s of every second, whichever leader has the highest term is isolated every 5 to 12 ms, so
   * each new leader is cut off moments after taking office and its predecessor rejoins. A rejoining leader
   * with an old tail is often re-elected and re-replicates that tail, then is cut off in its turn, and a
   * node holding a newer-term tail may win next: exactly the paper's Figure 8. A correct leader never counts
   * old-term entries committed before an entry of its own term is on a majority, and that entry outranks the
   * newer tail. The gaps are drawn from the seed.
   */
  private static void addFigure8Hunt(Map<String, Scenario> m) {
    FaultScript cascade = (random, cluster, safetyMillis) -> {
      List<TimedFault> faults = new ArrayList<>();
      for (long r = 500; r + 800 < safetyMillis; r += 1_000) {
        for (long t = r; t < r + 600; t += 5 + random.nextLong(8)) {
          faults.add(at(t, new Fault.IsolateLeader()));
        }
        faults.add(at(r + 700, HEAL_NETWORK));
      }
      return Schedule.of(faults);
    };
    add(m, new Scenario("figure-8-hunt",
        "Raft's Figure 8 from a cascade of leader isolations with CheckQuorum off (an isolated leader keeps "
            + "appending its clients' commands: an uncommitted tail of its own term). For 0.6 s of every second "
            + "the newest leader is isolated every 5 to 12 ms, moments after taking office, while its predecessor "
            + "rejoins: old tails are re-replicated by re-elected leaders while newer tails wait on isolated "
            + "nodes. Only the current-term commit rule keeps a re-replicated old tail from being called "
            + "committed before a newer tail overwrites it.",
        ClusterConfig.defaults().withCheckQuorum(false), "kv", ReadMode.LINEARIZABLE, cascade, 6_500, 8_000, 2_500,
        Expectation.CORRECT, List.of()));
  }

  /**
   * The leader's traffic is held back (not dropped) for 0.1 to 0.3 s and released around its successor's
   * election, over slow reordering links: the old leader's appends arrive, in an older term, at followers
   * that have acknowledged the new leader's first entries but not yet learned that they committed.
   */
  private static void addStaleTermHunt(Map<String, Scenario> m) {
    Fault delay = new Fault.Delay(200, 30_000);
    FaultScript clogs = (random, cluster, safetyMillis) -> {
      List<TimedFault> faults = new ArrayList<>();
      faults.add(at(0, delay));
      for (long r = 500; r + 500 < safetyMillis; r += 450) {
        faults.add(at(r, new Fault.ClogLeader()));
        long release = r + 100 + random.nextLong(200);
        healKeepingSlowLinks(faults, release, HEAL_NETWORK, delay);
      }
      return Schedule.of(faults);
    };
    add(m, new Scenario("stale-term-hunt",
        "Links of 0.2..30 ms latency; every 0.45 s the leader's messages are held back (clogged, not dropped) "
            + "for 0.1 to 0.3 s, so they are released around the election of its successor: the old leader's "
            + "appends reach followers that have just acknowledged the new leader's first entries, in an older "
            + "term. A correct node rejects every one of them.",
        ClusterConfig.defaults().withClients(8), "kv", ReadMode.LINEARIZABLE, clogs, 6_000, 8_000, 2_500,
        Expectation.CORRECT, List.of()));
  }

  /**
   * Elections over slow, reordering links while random nodes crash and restart within a few milliseconds:
   * a node that voted, crashed and came back must still remember its vote when a rival candidate of the same
   * term asks, whose request was still in flight.
   */
  private static void addVoteHunt(Map<String, Scenario> m) {
    Fault delay = new Fault.Delay(200, 30_000);
    FaultScript bounces = (random, cluster, safetyMillis) -> {
      List<TimedFault> faults = new ArrayList<>();
      faults.add(at(0, delay));
      for (long r = 500; r + 500 < safetyMillis; r += 500) {
        faults.add(at(r, new Fault.KillLeader()));
        for (long t = r + 60 + random.nextLong(20); t < r + 360; t += 8 + random.nextLong(12)) {
          int node = 1 + random.nextInt(cluster.nodes());
          faults.add(at(t, new Fault.Crash(node)));
          faults.add(at(t + 1 + random.nextLong(4), new Fault.Restart(node)));
        }
        healKeepingSlowLinks(faults, r + 400, new Fault.HealAll(), delay);
      }
      return Schedule.of(faults);
    };
    add(m, new Scenario("vote-hunt",
        "Links of 0.2..30 ms latency; every 0.5 s the leader is killed and, through the election that follows, "
            + "a random node crashes and restarts within 1..5 ms every 8..20 ms. Rival candidates' vote requests "
            + "are still in flight when a voter comes back: it must remember the vote it gave before the crash.",
        ClusterConfig.defaults(), "kv", ReadMode.LINEARIZABLE, bounces, 6_000, 8_000, 2_000, Expectation.CORRECT,
        List.of()));
  }

  /**
   * Followers that diverge behind a stretch of entries they have not yet seen committed, and leaders that
   * must back up over the divergence. Over slow links the news of a commit trails the entries by many
   * milliseconds, so when the leader is cut into the minority with one follower, that follower holds entries
   * the majority has (uncommitted as far as it knows) followed by the old leader's tail. The cuts cascade
   * without a heal in between (each new leader is cut off in turn, a moment after it has appended entries of
   * its own term), so the leader that finally reaches such a follower holds entries of a term the follower
   * never saw, and its first probe is rejected: it backs up by the follower's hint, and with the
   * slow-backtrack fault point one batch further. Appends carry one entry, so that probe verifies entries
   * that end before the divergence: a correct follower commits no further than the last entry it verified.
   */
  private static void addBacktrackHunt(Map<String, Scenario> m) {
    Fault delay = new Fault.Delay(200, 30_000);
    FaultScript rounds = (random, cluster, safetyMillis) -> {
      List<TimedFault> faults = new ArrayList<>();
      faults.add(at(0, delay));
      for (long r = 500; r + 1_000 < safetyMillis; r += 1_000) {
        for (long t = r; t < r + 800; t += 250 + random.nextLong(100)) {
          faults.add(at(t, new Fault.LeaderToMinority()));
        }
        healKeepingSlowLinks(faults, r + 900, HEAL_NETWORK, delay);
      }
      return Schedule.of(faults);
    };
    add(m, new Scenario("backtrack-hunt",
        "Links of 0.2..30 ms latency, one entry per append, CheckQuorum off; for 0.8 s of every second the "
            + "newest leader is cut into the minority with one follower every 0.25..0.35 s. The followers cut "
            + "off hold entries they have not seen committed followed by an old leader's tail, and the leader "
            + "that reaches them holds a term they never saw, so it backs up over the tail (sometimes below the "
            + "divergence) in one-entry appends. A correct follower commits no further than the last entry an "
            + "append verified.",
        ClusterConfig.defaults().withClients(10).withCheckQuorum(false).withMaxEntriesPerAppend(1), "kv",
        ReadMode.LINEARIZABLE, rounds, 6_000, 8_000, 2_500, Expectation.CORRECT, List.of()));
  }

  /**
   * Acknowledgements that arrive terms late. The leader is cut into the minority with one follower whose
   * messages to it are held back (clogged, not dropped): the follower acknowledges the leader's growing,
   * uncommitted tail, but the leader hears nothing. The rest elect a successor; everyone is reconnected (the
   * clog stays), so the old leader and its follower take the successor's log and lose the tail; the
   * successor is isolated, and a third term's leader is elected, sometimes the old leader again. Then the held
   * acknowledgements are released: for entries long gone, from an old term. A correct leader ignores them.
   */
  private static void addStaleAckHunt(Map<String, Scenario> m) {
    FaultScript rounds = (random, cluster, safetyMillis) -> {
      List<TimedFault> faults = new ArrayList<>();
      List<Integer> all = new ArrayList<>();
      for (int node = 1; node <= cluster.nodes(); node++) {
        all.add(node);
      }
      for (long r = 500; r + 1_000 < safetyMillis; r += 1_000) {
        faults.add(at(r, new Fault.LeaderToMinority()));
        faults.add(at(r, new Fault.ClogMinorityToLeader()));
        long rejoin = r + 250 + random.nextLong(150);
        faults.add(at(rejoin, new Fault.Partition(List.of(all)))); // one group: reconnected, the clog stays
        faults.add(at(rejoin + 30 + random.nextLong(40), new Fault.IsolateLeader()));
        faults.add(at(r + 900, HEAL_NETWORK));
      }
      return Schedule.of(faults);
    };
    add(m, new Scenario("stale-ack-hunt",
        "CheckQuorum off. Every second the leader is cut into the minority with one follower whose messages to "
            + "it are held back; 0.25..0.4 s later everyone is reconnected (the follower's old acknowledgements "
            + "still held), so both lose the leader's uncommitted tail to the successor's log; the successor "
            + "is then isolated and a new leader elected, sometimes the old one. At 0.9 s the held "
            + "acknowledgements are released, from an old term, for entries its log no longer holds. A correct "
            + "leader counts no acknowledgement from an earlier term.",
        ClusterConfig.defaults().withClients(10).withCheckQuorum(false), "kv", ReadMode.LINEARIZABLE, rounds, 6_000,
        8_000, 2_500, Expectation.CORRECT, List.of()));
  }
}
