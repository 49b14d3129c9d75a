package io.tumbler.fault;

import java.util.List;

/**
 * What applying a fault did: the description for the journal (with the target it resolved to, e.g. "kill the
 * leader (n3)"), that target ({@code 0} when the fault names no single node), whether anything was done (a
 * leader-targeted fault with no leader, or a membership change on a non-member, does nothing), for a fault that
 * ends by itself how long it lasts, and the nodes it resolved to as data ({@code nodes}: the target first, then
 * where it applies the partner or the rest of the minority; the two ends of a one-way block; empty when the
 * fault names no node or its schedule fields say it all, as a partition's groups do).
 */
public record FaultOutcome(String description, int node, boolean done, long durationNanos, List<Integer> nodes) {
  public FaultOutcome {
    nodes = List.copyOf(nodes);
  }

  /** An outcome whose resolved nodes are {@code node} alone (none when it is 0). */
  public FaultOutcome(String description, int node, boolean done, long durationNanos) {
    this(description, node, done, durationNanos, node == 0 ? List.of() : List.of(node));
  }

  /** Done, on {@code node} (0: no single node). */
  public static FaultOutcome done(String description, int node) {
    return new FaultOutcome(description, node, true, 0);
  }

  /** Done, on {@code node} (0: no single node), resolved to {@code nodes} (the target first). */
  public static FaultOutcome done(String description, int node, List<Integer> nodes) {
    return new FaultOutcome(description, node, true, 0, nodes);
  }

  /** Nothing was done; {@code why} is appended to the fault's description ("no leader: nothing done"). */
  public static FaultOutcome nothingDone(Fault fault, String why) {
    return new FaultOutcome(fault.describe() + " (" + why + ": nothing done)", 0, false, 0);
  }
}
