package io.tumbler.scenario.check;

import io.tumbler.raft.node.Observation.ClientAcked;
import io.tumbler.scenario.journal.HarnessEvent.ReadAnswered;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link SafetyProperty#READ_FRESHNESS}: a linearizable (ReadIndex) or lease read reflects every write that
 * any node had acknowledged to a client before the request reached the serving node — its state is applied
 * at least up to the highest such index (dissertation §6.4: the read index is the leader's commit index when
 * the request arrives, and every acknowledged write was committed before then).
 *
 * <p>This judges the read path against the commit/apply history rather than the client history: a stale read
 * is caught whatever key it reads and whether or not the client ever sees the write, so a deposed leader or a
 * new leader that serves before its no-op commits is caught the first time it answers behind. Times are the
 * simulator's true time; an acknowledgement at the very nanosecond the request arrived is not counted (the two
 * are not ordered). Local reads are not reported: they may be stale by design.
 *
 * <p>Lease reads are held to the same standard: a lease is counted in the node's ticks, and the ticker makes up
 * the ticks a pause stopped before the node handles anything that arrived after it (as the production
 * fixed-rate ticker does), so a leader resuming from a pause sees its lease expired.
 */
final class ReadFreshnessOracle implements JournalOracle {
  /** Acknowledgement time to the highest acknowledged index up to then (non-decreasing in both). */
  private final TreeMap<Long, Long> highestAckedByTime = new TreeMap<>();
  private long highestAcked;

  @Override
  public void observe(JournalEntry entry, ViolationSink sink) {
    Object event = entry.payload();
    if (event instanceof ClientAcked e && e.index() > highestAcked) {
      highestAcked = e.index();
      highestAckedByTime.put(entry.timeNanos(), highestAcked);
    } else if (event instanceof ReadAnswered e) {
      check(e, sink);
    }
  }

  private void check(ReadAnswered e, ViolationSink sink) {
    Map.Entry<Long, Long> before = highestAckedByTime.lowerEntry(e.arrivalNanos());
    if (before == null || e.appliedIndex() >= before.getValue()) {
      return;
    }
    sink.report(SafetyProperty.READ_FRESHNESS, List.of(e.node()), 0, before.getValue(), String.format(
        "node %d answered a %s read that arrived at t=%.6fs from state applied to index %d, but index %d had "
            + "been acknowledged to a client at t=%.6fs", e.node(), e.mode().toLowerCase(java.util.Locale.ROOT),
        e.arrivalNanos() / 1e9, e.appliedIndex(), before.getValue(), before.getKey() / 1e9));
  }
}
