package io.tumbler.scenario.check;

import io.tumbler.raft.node.Observation.Applied;
import io.tumbler.raft.node.Observation.ReadServed;
import io.tumbler.raft.node.Observation.Recovered;
import io.tumbler.raft.node.Observation.SnapshotInstalled;
import io.tumbler.raft.node.ReadMode;
import io.tumbler.scenario.journal.HarnessEvent.Crashed;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.List;
import java.util.TreeMap;

/**
 * {@link SafetyProperty#READ_AFTER_APPLY}: a linearizable or lease read is served only once the serving node's
 * state machine has applied at least up to the read's index (dissertation §6.4, step 4: the read index is only
 * as good as the state it is read from). A node that answers as soon as the index is confirmed, before the
 * entries committed in the same step are applied, answers from an older state, however fresh its read index.
 *
 * <p>The applied index is this oracle's own count from the journal — the entries the node reported applying, a
 * snapshot it installed, the snapshot a restart recovered — not what the node says about itself. A node that has
 * crashed and not yet recovered is not judged (it serves nothing). Local reads are not judged: they read
 * whatever is applied, by design.
 */
final class ReadAppliedOracle implements JournalOracle {
  /** Node -> the highest index its state machine holds (absent while down). */
  private final TreeMap<Integer, Long> applied = new TreeMap<>();

  @Override
  public void observe(JournalEntry entry, ViolationSink sink) {
    Object event = entry.payload();
    if (event instanceof Applied e) {
      applied.put(e.node(), e.index());
    } else if (event instanceof SnapshotInstalled e) {
      applied.put(e.node(), e.index());
    } else if (event instanceof Recovered e) {
      applied.put(e.node(), e.snapshotIndex());
    } else if (event instanceof Crashed e) {
      applied.remove(e.node());
    } else if (event instanceof ReadServed e && e.mode() != ReadMode.LOCAL) {
      check(e, sink);
    }
  }

  private void check(ReadServed e, ViolationSink sink) {
    long have = applied.getOrDefault(e.node(), 0L);
    if (have >= e.readIndex()) {
      return;
    }
    sink.report(SafetyProperty.READ_AFTER_APPLY, List.of(e.node()), 0, e.readIndex(), "node " + e.node()
        + " served a " + e.mode().name().toLowerCase(java.util.Locale.ROOT) + " read at read index " + e.readIndex()
        + " from a state machine applied only to index " + have);
  }
}
