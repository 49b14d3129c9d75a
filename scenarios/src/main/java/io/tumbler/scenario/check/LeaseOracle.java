package io.tumbler.scenario.check;

import io.tumbler.raft.node.Observation.BecameLeader;
import io.tumbler.scenario.journal.HarnessEvent.ReadAnswered;
import io.tumbler.scenario.journal.HarnessEvent.TransferSent;
import io.tumbler.scenario.journal.JournalEntry;
import io.tumbler.scenario.journal.JournalEntry.Stamped;
import java.util.List;
import java.util.TreeMap;

/**
 * {@link SafetyProperty#LEASE_EXCLUSIVE}: a lease read (dissertation §6.4.1) is answered only while no other
 * leader exists, which is everything a lease promises: a majority heard from the leader recently enough that
 * none of them can have helped elect a leader of a later term yet. A lease read is judged when it reached the
 * leader ({@link ReadAnswered#arrivalNanos()}): that is when the leader took it on its lease, and answering
 * later from state at least that fresh stays linearizable. If the journal already shows a leader of a later
 * term by then, the lease was held too long (measured from the wrong heartbeat round,
 * kept across a leadership transfer, stretched by a clock), whether or not the read happened to return a stale
 * value that a client could see.
 *
 * <p>A leader that sent TimeoutNow ({@link TransferSent}) holds no lease for the rest of that term: its target
 * may be elected at any moment, and voters grant a transfer's votes despite having heard from the leader, so
 * the majority's promise the lease stands on is void. A lease read taken after the hand-off is caught even
 * when the transfer failed and no other leader ever appeared, as a ReadIndex read riding an old round is.
 *
 * <p>Sound against the journal's order: a node's role change reaches the journal when its core's state is next
 * handed out, never before it happened, so a later-term leader journaled before the read existed before it. The
 * serving node's term is its last journaled leadership; a lease read from a node the journal does not show
 * leading is not judged here (the freshness oracles see its value).
 */
final class LeaseOracle implements JournalOracle {
  private final Leaderships leaderships = new Leaderships();
  /** The term in which each node last sent TimeoutNow, and to whom. */
  private final TreeMap<Integer, TransferSent> handOffs = new TreeMap<>();
  /** Each term's first journaled leader (a stamped {@code BecameLeader}), by term. */
  private final TreeMap<Long, Stamped> electedByTerm = new TreeMap<>();

  @Override
  public void observe(JournalEntry entry, ViolationSink sink) {
    Object event = entry.payload();
    leaderships.observe(entry);
    if (event instanceof BecameLeader e) {
      electedByTerm.putIfAbsent(e.term(), (Stamped) entry);
    } else if (event instanceof TransferSent e) {
      handOffs.put(e.node(), e);
    } else if (event instanceof ReadAnswered e && "LEASE".equals(e.mode())) {
      check(e, sink);
    }
  }

  private void check(ReadAnswered e, ViolationSink sink) {
    Long term = leaderships.termLedBy(e.node());
    if (term == null) {
      return;
    }
    TransferSent handOff = handOffs.get(e.node());
    if (handOff != null && handOff.term() == term && handOff.timeNanos() < e.arrivalNanos()) {
      sink.report(SafetyProperty.LEASE_EXCLUSIVE, List.of(e.node(), handOff.target()), term, 0, String.format(
          "node %d took a lease read as leader of term %d at t=%.6fs after it sent TimeoutNow to node %d at "
              + "t=%.6fs: the target may be elected at any moment, ignoring stickiness, so the lease is void",
          e.node(), term, e.arrivalNanos() / 1e9, handOff.target(), handOff.timeNanos() / 1e9));
      return;
    }
    for (Stamped later : electedByTerm.tailMap(term, false).values()) {
      if (later.timeNanos() < e.arrivalNanos()) {
        sink.report(SafetyProperty.LEASE_EXCLUSIVE, List.of(e.node(), later.node()), term, 0, String.format(
            "node %d took a lease read as leader of term %d at t=%.6fs, but node %d had been elected leader of "
                + "term %d at t=%.6fs: the lease outlived the leadership it stood for", e.node(), term,
            e.arrivalNanos() / 1e9, later.node(), ((BecameLeader) later.observation()).term(), later.timeNanos() / 1e9));
        return;
      }
    }
  }
}
