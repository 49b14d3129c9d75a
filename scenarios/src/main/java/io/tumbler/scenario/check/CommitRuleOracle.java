package io.tumbler.scenario.check;

import io.tumbler.raft.node.Observation.CommitAdvanced;
import io.tumbler.raft.node.Observation.Recovered;
import io.tumbler.scenario.journal.HarnessEvent;
import io.tumbler.scenario.journal.HarnessEvent.AppendAcked;
import io.tumbler.scenario.journal.HarnessEvent.Crashed;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * <p>The majority is of the voters of the leader's configuration ({@link NodeConfigurations}): the leader counts
 * its own copy only while it is one of them, and learners never count; a commit that reaches a majority only by
 * counting a non-voter is {@link SafetyProperty#CONFIGURATION_QUORUM}. A leader may append a configuration change
 * and count acknowledgements under it in one step, and the journal shows that step's commit before the change
 * (both are observations of one sync): so a commit short of a majority is judged again, once every event of
 * that instant is in, under the configuration the leader then uses, and reported only if it fails under both.
 *
 * <p>Acknowledgements are the {@link AppendAcked} the followers sent; a leader learns match indexes
 * from nothing else. Like the term rule, it judges only journals that record the wire: one saved before these
 * observations existed shows no acknowledgement at all.
 */
final class CommitRuleOracle implements JournalOracle {
  private final IntFunction<NodeLogView> logs;
  private final NodeConfigurations configurations;
  /** Commits short of a majority under the configuration of their moment, judged again once that instant ends. */
  private final List<PendingCommit> pending = new ArrayList<>();
  /** Per node leading now: its term; absent when the node does not lead. */
  private final TreeMap<Integer, Long> leading = new TreeMap<>();
  /** Per leader: follower -> the highest match index it acknowledged in the leader's term. */
  private final TreeMap<Integer, TreeMap<Integer, Long>> acked = new TreeMap<>();
  private boolean wireRecorded;

  /** A commit by {@code node} resting on {@code holders}, short of a majority of {@code config}'s voters. */
  private record PendingCommit(long timeNanos, int node, long term, long commitIndex, long ownTermIndex,
      TreeSet<Integer> holders, NodeConfigurations.Config config) {}

  CommitRuleOracle(IntFunction<NodeLogView> logs, NodeConfigurations configurations) {
    this.logs = logs;
    this.configurations = configurations;
  }

  @Override
  public void observe(JournalEntry entry, ViolationSink sink) {
    Object event = entry.payload();
    if (!pending.isEmpty() && pending.get(0).timeNanos() < entry.timeNanos()) {
      finish(sink);
    }
    wireRecorded |= event instanceof AppendAcked || event instanceof HarnessEvent.VoteGranted
        || event instanceof HarnessEvent.TermSeen;
    if (event instanceof Recovered e) {
      leading.remove(e.node());
    } else if (event instanceof Crashed e) {
      leading.remove(e.node());
    } else if (RoleChanges.role(event) != null) {
      onRoleChanged(entry.node(), RoleChanges.role(event), RoleChanges.term(event));
    } else if (event instanceof AppendAcked e) {
      Long term = leading.get(e.leader());
      if (term != null && term == e.term()) {
        acked.get(e.leader()).merge(e.node(), e.matchIndex(), Math::max);
      }
    } else if (event instanceof CommitAdvanced e && leading.containsKey(e.node()) && wireRecorded) {
      check(e, entry.timeNanos(), leading.get(e.node()), sink);
    }
  }

  private void onRoleChanged(int node, String role, long term) {
    if ("LEADER".equals(role)) {
      leading.put(node, term);
      acked.put(node, new TreeMap<>());
    } else {
      leading.remove(node);
    }
  }

  private void check(CommitAdvanced e, long timeNanos, long term, ViolationSink sink) {
    NodeLogView log = logs.apply(e.node());
    long ownTermIndex = -1;
    for (long i = Math.max(e.index(), log.baseIndex()); i <= log.lastIndex(); i++) {
      if (log.termAt(i) == term) {
        ownTermIndex = i;
        break;
      }
    }
    if (ownTermIndex < 0) {
      sink.report(SafetyProperty.FIGURE_8_RULE, List.of(e.node()), term, e.index(), "leader " + e.node()
          + " of term " + term + " committed up to index " + e.index()
          + " but it holds no entry of its term at or after that index");
      return;
    }
    TreeSet<Integer> holders = new TreeSet<>();
    holders.add(e.node()); // the leader itself
    for (Map.Entry<Integer, Long> ack : acked.get(e.node()).entrySet()) {
      if (ack.getValue() >= ownTermIndex) {
        holders.add(ack.getKey());
      }
    }
    NodeConfigurations.Shortfall shortfall = NodeConfigurations.shortfall(
        configurations.atInstant(e.node(), timeNanos), holders, SafetyProperty.FIGURE_8_RULE);
    if (shortfall != null) {
      pending.add(new PendingCommit(timeNanos, e.node(), term, e.index(), ownTermIndex, holders,
          shortfall.config()));
    }
  }

  /** Judges the commits still pending under the configuration their leaders use now; call at the end of a run too. */
  void finish(ViolationSink sink) {
    for (PendingCommit p : pending) {
      NodeConfigurations.Config now = configurations.of(p.node());
      SafetyProperty broken = p.config().judge(p.holders(), SafetyProperty.FIGURE_8_RULE);
      if (now.judge(p.holders(), SafetyProperty.FIGURE_8_RULE) == null) {
        continue;
      }
      sink.report(broken, List.of(p.node()), p.term(), p.commitIndex(), "leader " + p.node() + " of term " + p.term()
          + " committed up to index " + p.commitIndex() + " but only " + p.holders() + " hold its entry "
          + p.ownTermIndex() + " of term " + p.term() + ": " + p.config().votersAmong(p.holders()) + " of the "
          + p.config().voters().size() + " voters of its configuration " + p.config() + " (majority "
          + p.config().majority() + ")");
    }
    pending.clear();
  }
}
