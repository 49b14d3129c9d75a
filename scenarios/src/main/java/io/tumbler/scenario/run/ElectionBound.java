package io.tumbler.scenario.run;

import io.tumbler.raft.node.Observation;
import io.tumbler.raft.node.Observation.HardStateSynced;
import io.tumbler.raft.node.Observation.Recovered;
import io.tumbler.raft.node.Observation.Voted;
import io.tumbler.scenario.cluster.ClusterConfig;
import io.tumbler.scenario.journal.HarnessEvent.Crashed;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.List;
import java.util.TreeSet;

/**
 * ELECTION_LIVENESS_BOUND: once every fault is healed, the cluster settles on a leader within {@code k}
 * election timeouts — far tighter than the liveness phase's overall budget, so an election that limps
 * (votes lost, timers not reset, split votes forever) fails even when a leader turns up in the end.
 *
 * <p>"Settled" is read from the journal: some running node is leader in a term no running node has passed.
 * That holds at the heal if the leader of the majority side stays; a stale leader of an older term, or a
 * node that campaigned its term past the leader's while cut off, needs a new election first. The bound is
 * {@code k} times the longest election timeout a node may draw ({@code 2 * electionTimeoutTicks} ticks,
 * {@code RaftConfig}).
 */
final class ElectionBound {
  private final int nodes;
  private final long boundNanos;
  private final int timeouts;

  ElectionBound(ClusterConfig cluster, int timeouts) {
    this.nodes = cluster.nodes();
    this.timeouts = timeouts;
    this.boundNanos = timeouts * 2L * cluster.electionTimeoutTicks() * cluster.tickNanos();
  }

  long boundNanos() {
    return boundNanos;
  }

  /** Failures (empty if settled in time, or if the run ended before the bound and before settling). */
  List<String> problems(List<JournalEntry> journal, long healedAtNanos, long endNanos) {
    int highestId = nodes;
    for (JournalEntry e : journal) {
      highestId = Math.max(highestId, e.node()); // nodes added after the bootstrap ones
    }
    long[] terms = new long[highestId + 1];
    String[] roles = new String[highestId + 1]; // null while down
    TreeSet<Integer> candidates = new TreeSet<>();
    boolean checkedAtHeal = false;
    for (JournalEntry e : journal) {
      if (e.timeNanos() >= healedAtNanos && !checkedAtHeal) {
        checkedAtHeal = true;
        if (settled(terms, roles)) {
          return List.of();
        }
      }
      fold(e, terms, roles);
      if (e.timeNanos() >= healedAtNanos && "CANDIDATE".equals(roles[e.node()])) {
        candidates.add(e.node());
      }
      if (checkedAtHeal && settled(terms, roles)) {
        return judge(e.timeNanos() - healedAtNanos, candidates);
      }
    }
    if (!checkedAtHeal && settled(terms, roles) || endNanos - healedAtNanos <= boundNanos) {
      return List.of();
    }
    return List.of(String.format("ELECTION_LIVENESS_BOUND: no leader settled in the %.3f s after the heal "
        + "(bound %d election timeouts = %.3f s); candidates after the heal: %s", (endNanos - healedAtNanos) / 1e9,
        timeouts, boundNanos / 1e9, candidates));
  }

  private List<String> judge(long tookNanos, TreeSet<Integer> candidates) {
    if (tookNanos <= boundNanos) {
      return List.of();
    }
    return List.of(String.format("ELECTION_LIVENESS_BOUND: a leader settled %.3f s after the heal, beyond the "
        + "bound of %d election timeouts (%.3f s); candidates after the heal: %s", tookNanos / 1e9, timeouts,
        boundNanos / 1e9, candidates));
  }

  private static void fold(JournalEntry entry, long[] terms, String[] roles) {
    int n = entry.node();
    if (n <= 0 || n >= terms.length) {
      return;
    }
    Object e = entry.payload();
    if (e instanceof Observation.BecameFollower r) {
      roles[n] = "FOLLOWER";
      terms[n] = Math.max(terms[n], r.term());
    } else if (e instanceof Observation.BecamePreCandidate r) {
      roles[n] = "PRE_CANDIDATE";
      terms[n] = Math.max(terms[n], r.term());
    } else if (e instanceof Observation.BecameCandidate r) {
      roles[n] = "CANDIDATE";
      terms[n] = Math.max(terms[n], r.term());
    } else if (e instanceof Observation.BecameLeader r) {
      roles[n] = "LEADER";
      terms[n] = Math.max(terms[n], r.term());
    } else if (e instanceof HardStateSynced h) {
      terms[n] = Math.max(terms[n], h.term());
    } else if (e instanceof Voted v) {
      terms[n] = Math.max(terms[n], v.term());
    } else if (e instanceof Recovered r) {
      roles[n] = "FOLLOWER";
      terms[n] = r.term();
    } else if (e instanceof Crashed) {
      roles[n] = null;
    }
  }

  /** Some running node leads in a term that no running node has passed. */
  private static boolean settled(long[] terms, String[] roles) {
    long highest = 0;
    for (int n = 1; n < terms.length; n++) {
      if (roles[n] != null) {
        highest = Math.max(highest, terms[n]);
      }
    }
    for (int n = 1; n < terms.length; n++) {
      if ("LEADER".equals(roles[n]) && terms[n] == highest) {
        return true;
      }
    }
    return false;
  }
}
