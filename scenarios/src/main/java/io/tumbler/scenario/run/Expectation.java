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
  NON_LINEARIZABLE
}
