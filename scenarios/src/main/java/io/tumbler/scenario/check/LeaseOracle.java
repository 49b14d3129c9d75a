package io.tumbler.scenario.check;

import io.tumbler.scenario.journal.JournalEvent;
import io.tumbler.scenario.journal.JournalEvent.Crashed;
import io.tumbler.scenario.journal.JournalEvent.ReadAnswered;
import io.tumbler.scenario.journal.JournalEvent.Recovered;
import io.tumbler.scenario.journal.JournalEvent.RoleChanged;
import io.tumbler.scenario.journal.JournalEvent.TransferSent;
import java.util.List;
import java.util.TreeMap;

/**
 * {@link SafetyProperty#LEASE_EXCLUSIVE}: a lease read (dissertation §6.4.1) is answered only while no other
 * leader exists, which is everything a lease promises: a majority heard from the leader recently enough that
 * none of them can have helped elect a leader of a later term yet. If the journal already shows a leader of a
 * later term when a lease read is answered, the lease was held too long (measured from the wrong heartbeat round,
 * kept across a leadership transfer, stretched by a clock), whether or not the read happened to return a stale
 * value that a client could see.
 *
 * <p>A leader that sent TimeoutNow ({@link TransferSent}) holds no lease for the rest of that term: its target
 * may be elected at any moment, and voters grant a transfer's votes despite having heard from the leader, so
 * the majority's promise the lease stands on is void. A lease read served after the hand-off is caught even
 * when the transfer failed and no other leader ever appeared, as a ReadIndex read riding an old round is.
 *
 * <p>Sound against the journal's order: a node's role change reaches the journal when its core's state is next
 * handed out, never before it happened, so a later-term leader journaled before the read existed before it. The
 * serving node's term is its last journaled leadership; a lease read from a node the journal does not show
 * leading is not judged here (the freshness oracles see its value).
 */
final class LeaseOracle {
  /** The term each node last reported leading in, absent when it last reported another role or restarted. */
  private final TreeMap<Integer, Long> leadingTerm = new TreeMap<>();
  /** The term in which each node last sent TimeoutNow, and to whom. */
  private final TreeMap<Integer, TransferSent> handOffs = new TreeMap<>();
  private long newestLeaderTerm;
  private int newestLeader;
  private long newestLeaderNanos;

  void observe(JournalEvent event, ViolationSink sink) {
    if (event instanceof RoleChanged e) {
      onRoleChanged(e);
    } else if (event instanceof Crashed e) {
      leadingTerm.remove(e.node());
    } else if (event instanceof Recovered e) {
      leadingTerm.remove(e.node());
    } else if (event instanceof TransferSent e) {
      handOffs.put(e.node(), e);
    } else if (event instanceof ReadAnswered e && "LEASE".equals(e.mode())) {
      check(e, sink);
    }
  }

  private void onRoleChanged(RoleChanged e) {
    if (!"LEADER".equals(e.role())) {
      leadingTerm.remove(e.node());
      return;
    }
    leadingTerm.put(e.node(), e.term());
    if (e.term() > newestLeaderTerm) {
      newestLeaderTerm = e.term();
      newestLeader = e.node();
      newestLeaderNanos = e.timeNanos();
    }
  }

  private void check(ReadAnswered e, ViolationSink sink) {
    Long term = leadingTerm.get(e.node());
    if (term == null) {
      return;
    }
    TransferSent handOff = handOffs.get(e.node());
    if (handOff != null && handOff.term() == term) {
      sink.report(SafetyProperty.LEASE_EXCLUSIVE, List.of(e.node(), handOff.target()), term, 0, String.format(
          "node %d answered a lease read as leader of term %d at t=%.6fs after it sent TimeoutNow to node %d at "
              + "t=%.6fs: the target may be elected at any moment, ignoring stickiness, so the lease is void",
          e.node(), term, e.timeNanos() / 1e9, handOff.target(), handOff.timeNanos() / 1e9));
      return;
    }
    if (term >= newestLeaderTerm) {
      return;
    }
    sink.report(SafetyProperty.LEASE_EXCLUSIVE, List.of(e.node(), newestLeader), term, 0, String.format(
        "node %d answered a lease read as leader of term %d at t=%.6fs, but node %d had been elected leader of "
            + "term %d at t=%.6fs: the lease outlived the leadership it stood for", e.node(), term,
        e.timeNanos() / 1e9, newestLeader, newestLeaderTerm, newestLeaderNanos / 1e9));
  }
}
