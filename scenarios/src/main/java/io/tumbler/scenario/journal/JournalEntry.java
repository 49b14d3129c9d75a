package io.tumbler.scenario.journal;

import io.tumbler.raft.node.Observation;

/**
 * One entry of a run's journal, the one vocabulary the online safety checkers and the saved {@code journal.jsonl}
 * share: either a node's own {@link Observation}, stamped with the simulator's true time when the harness received
 * it ({@link Stamped}), or a {@link HarnessEvent} — something only the harness knows (a crash, what crossed the
 * wire). There is no second copy of the node's observations: the checkers read the node's records themselves.
 */
public sealed interface JournalEntry permits JournalEntry.Stamped, HarnessEvent {
  /** The simulator's true time of the entry, in nanoseconds. */
  long timeNanos();

  /** The node the entry is about. */
  int node();

  /** What the entry says, for pattern matching: the {@link Observation} of a {@link Stamped}, else the event. */
  Object payload();

  /** A node's observation, at the true time the harness received it. */
  record Stamped(long timeNanos, Observation observation) implements JournalEntry {
    public Stamped {
      if (observation == null) {
        throw new IllegalArgumentException("a stamped journal entry needs its observation");
      }
    }

    @Override
    public int node() {
      return observation.node();
    }

    @Override
    public Object payload() {
      return observation;
    }
  }
}
