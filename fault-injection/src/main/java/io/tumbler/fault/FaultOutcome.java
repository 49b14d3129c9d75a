package io.tumbler.fault;

/**
 * What applying a fault did: the description for the journal (with the target it resolved to, e.g. "kill the
 * leader (n3)"), that target ({@code 0} when the fault names no single node), whether anything was done (a
 * leader-targeted fault with no leader, or a membership change on a non-member, does nothing) and, for a fault that
 * ends by itself, how long it lasts.
 */
public record FaultOutcome(String description, int node, boolean done, long durationNanos) {
  /** Done, on {@code node} (0: no single node). */
  public static FaultOutcome done(String description, int node) {
    return new FaultOutcome(description, node, true, 0);
  }

  /** Nothing was done; {@code why} is appended to the fault's description ("no leader: nothing done"). */
  public static FaultOutcome nothingDone(Fault fault, String why) {
    return new FaultOutcome(fault.describe() + " (" + why + ": nothing done)", 0, false, 0);
  }
}
