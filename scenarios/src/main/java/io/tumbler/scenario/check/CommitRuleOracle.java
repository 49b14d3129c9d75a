package io.tumbler.scenario.check;

import io.tumbler.scenario.journal.JournalEvent;
import io.tumbler.scenario.journal.JournalEvent.AppendAcked;
import io.tumbler.scenario.journal.JournalEvent.CommitAdvanced;
import io.tumbler.scenario.journal.JournalEvent.Crashed;
import io.tumbler.scenario.journal.JournalEvent.Recovered;
import io.tumbler.scenario.journal.JournalEvent.RoleChanged;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * {@link SafetyProperty#FIGURE_8_RULE}: a leader of term T moves its commit index to {@code c} only when an
 * entry of term T at or after {@code c} is held by a majority: the leader itself and followers that
 * acknowledged it in term T (Raft §5.4.2, Figure 8). Counting replicas of an entry of an older term, or
 * counting acknowledgements of an older term, is caught at the commit, long before a later leader overwrites
 * the entry and Leader Completeness breaks.
 *
 * <p>The cluster is every node that started (each journals a {@code Recovered} at its first start, before any
 * commit). Acknowledgements are the {@link AppendAcked} the followers sent; a leader learns match indexes
 * from nothing else. Like the term rule, it judges only journals that record the wire: one saved before these
 * observations existed shows no acknowledgement at all.
 */
final class CommitRuleOracle {
  private final IntFunction<NodeLogView> logs;
  private final TreeSet<Integer> members = new TreeSet<>();
  /** Per node leading now: its term; absent when the node does not lead. */
  private final TreeMap<Integer, Long> leading = new TreeMap<>();
  /** Per leader: follower -> the highest match index it acknowledged in the leader's term. */
  private final TreeMap<Integer, TreeMap<Integer, Long>> acked = new TreeMap<>();
  private boolean wireRecorded;

  CommitRuleOracle(IntFunction<NodeLogView> logs) {
    this.logs = logs;
  }

  void observe(JournalEvent event, ViolationSink sink) {
    wireRecorded |= event instanceof AppendAcked || event instanceof JournalEvent.VoteGranted
        || event instanceof JournalEvent.TermSeen;
    if (event instanceof Recovered e) {
      members.add(e.node());
      leading.remove(e.node());
    } else if (event instanceof Crashed e) {
      leading.remove(e.node());
    } else if (event instanceof RoleChanged e) {
      onRoleChanged(e);
    } else if (event instanceof AppendAcked e) {
      Long term = leading.get(e.leader());
      if (term != null && term == e.term()) {
        acked.get(e.leader()).merge(e.node(), e.matchIndex(), Math::max);
      }
    } else if (event instanceof CommitAdvanced e && leading.containsKey(e.node()) && wireRecorded) {
      check(e, leading.get(e.node()), sink);
    }
  }

  private void onRoleChanged(RoleChanged e) {
    if ("LEADER".equals(e.role())) {
      leading.put(e.node(), e.term());
      acked.put(e.node(), new TreeMap<>());
    } else {
      leading.remove(e.node());
    }
  }

  private void check(CommitAdvanced e, long term, ViolationSink sink) {
    NodeLogView log = logs.apply(e.node());
    long ownTermIndex = -1;
    for (long i = Math.max(e.commitIndex(), log.baseIndex()); i <= log.lastIndex(); i++) {
      if (log.termAt(i) == term) {
        ownTermIndex = i;
        break;
      }
    }
    int holders = 1; // the leader itself
    for (long match : acked.get(e.node()).values()) {
      holders += ownTermIndex > 0 && match >= ownTermIndex ? 1 : 0;
    }
    int majority = members.size() / 2 + 1;
    if (ownTermIndex > 0 && holders >= majority) {
      return;
    }
    String why = ownTermIndex < 0
        ? "it holds no entry of its term at or after that index"
        : "only " + holders + " of " + members.size() + " nodes hold its entry " + ownTermIndex + " of term " + term
            + " (majority " + majority + ")";
    sink.report(SafetyProperty.FIGURE_8_RULE, List.of(e.node()), term, e.commitIndex(), "leader " + e.node()
        + " of term " + term + " committed up to index " + e.commitIndex() + " but " + why);
  }
}
