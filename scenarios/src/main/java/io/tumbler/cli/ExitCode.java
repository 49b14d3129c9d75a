package io.tumbler.cli;

/** The exit codes every {@code tumbler} subcommand keeps. */
public final class ExitCode {
  /** Every run passed, every history was valid. */
  public static final int PASS = 0;
  /** A safety check or the linearizability checker found a violation. */
  public static final int VIOLATION = 1;
  /**
   * A liveness check failed after faults healed; for {@code check}, a verdict was unknown (a budget ran out, or
   * the JVM ran out of memory reading or checking the history).
   */
  public static final int LIVENESS = 2;
  /** The command line or an input file was wrong; nothing was run or checked. */
  public static final int BAD_INPUT = 3;
  /** Tumbler itself failed (a bug, a budget, an I/O error writing results, a resource such as the heap ran out). */
  public static final int HARNESS_ERROR = 4;

  private ExitCode() {}
}
