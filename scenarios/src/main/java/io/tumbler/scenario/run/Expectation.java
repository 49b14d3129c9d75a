package io.tumbler.scenario.run;

/** What a scenario expects of a correct cluster. */
public enum Expectation {
  /** Every check passes. */
  CORRECT,
  /**
   * The history is expected NOT to be linearizable (stale local reads under a partition): finding the
   * violation is the demonstration. A run where the checker finds it passes; a run where the schedule
   * happened not to expose it also passes, and says so in its notes.
   */
  NON_LINEARIZABLE,
  /**
   * Every check passes, but reads served from one replica's local state (marked {@code served=local} in the
   * history) are left out of the linearizability check: they may be stale by design. Set by the default
   * scenario's swarm when it draws local reads; a run asked for local reads ({@code --read-mode local}) or a
   * scenario written for them keeps them in, so their staleness is found.
   */
  CORRECT_EXCEPT_LOCAL_READS
}
