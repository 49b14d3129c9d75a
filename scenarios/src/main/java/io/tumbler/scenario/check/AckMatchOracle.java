package io.tumbler.scenario.check;

import io.tumbler.scenario.journal.HarnessEvent.AppendAcked;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.List;
import java.util.function.IntFunction;

/**
 * {@link SafetyProperty#ACK_MATCHES_LEADER}: a follower that acknowledges match index M to the leader of term T
 * holds, at M, the very entry the leader holds there (Raft §5.3: success means the follower's log matches the
 * leader's through M). An acknowledgement of entries the append never verified — a stale tail of an older
 * term, or an index beyond the leader's log — would let the leader count a replica that does not exist; it is
 * caught when it is sent, whether or not the leader then commits on it.
 *
 * <p>The leader's log is judged only while it still leads in T (its log has then only grown since it sent the
 * append); indexes covered by either node's snapshot are not compared. Entries are compared by term and digest.
 */
final class AckMatchOracle implements JournalOracle {
  private final IntFunction<NodeLogView> logs;
  private final Leaderships leaderships = new Leaderships();

  AckMatchOracle(IntFunction<NodeLogView> logs) {
    this.logs = logs;
  }

  @Override
  public void observe(JournalEntry entry, ViolationSink sink) {
    Object event = entry.payload();
    leaderships.observe(entry);
    if (event instanceof AppendAcked e && leaderships.leadsIn(e.leader(), e.term())) {
      check(e, sink);
    }
  }

  private void check(AppendAcked e, ViolationSink sink) {
    NodeLogView leader = logs.apply(e.leader());
    NodeLogView follower = logs.apply(e.node());
    long m = e.matchIndex();
    if (!follower.holds(m)) {
      return; // an acknowledgement of entries the follower does not hold is the durability rule's
    }
    if (m > leader.lastIndex()) {
      sink.report(SafetyProperty.ACK_MATCHES_LEADER, List.of(e.node(), e.leader()), e.term(), m, "node " + e.node()
          + " acknowledged index " + m + " to leader " + e.leader() + " of term " + e.term()
          + ", whose log ends at " + leader.lastIndex());
      return;
    }
    if (!leader.holds(m)) {
      return;
    }
    if (leader.termAt(m) != follower.termAt(m) || leader.digestAt(m) != follower.digestAt(m)) {
      sink.report(SafetyProperty.ACK_MATCHES_LEADER, List.of(e.node(), e.leader()), e.term(), m, "node " + e.node()
          + " acknowledged index " + m + " to leader " + e.leader() + " of term " + e.term() + " holding an entry of "
          + "term " + follower.termAt(m) + " there, where the leader holds one of term " + leader.termAt(m));
    }
  }
}
