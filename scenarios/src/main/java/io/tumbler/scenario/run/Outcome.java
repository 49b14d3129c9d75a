package io.tumbler.scenario.run;

/** How a run ended; the order is the severity order used when a campaign sums up its runs. */
public enum Outcome {
  /** Every check passed (or a scenario that expects a violation found it). */
  PASS,
  /** A correctness check failed: Raft safety, VM invariants, linearizability, or a scenario expectation. */
  VIOLATION,
  /** The cluster did not recover after the faults healed: no leader, or pending work never completed. */
  LIVENESS,
  /** The harness failed: an exception, a budget exceeded, an unknown checker verdict. */
  ERROR;

  /** The process exit code for this outcome (see ExitCode in the CLI). */
  public int exitCode() {
    return switch (this) {
      case PASS -> 0;
      case VIOLATION -> 1;
      case LIVENESS -> 2;
      case ERROR -> 4;
    };
  }

  public Outcome worse(Outcome other) {
    return rank(other) > rank(this) ? other : this;
  }

  private static int rank(Outcome o) {
    return switch (o) {
      case PASS -> 0;
      case LIVENESS -> 1;
      case VIOLATION -> 2;
      case ERROR -> 3;
    };
  }
}
