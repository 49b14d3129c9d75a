package io.tumbler.scenario.workload;

import java.util.List;

/**
 * What a {@link MembershipAware} workload knows about the hosts it follows, for the harness's final-state check.
 * Host ids are {@link #hostOf(int) h-<node>}.
 *
 * @param everMembers nodes that were members at some point (bootstrap or joined), ascending
 * @param registered  nodes whose host registration got a definite answer, ascending
 * @param retired     nodes that left and whose host was drained, emptied and failed (definite answers), ascending
 * @param departing   nodes that left but whose host's retirement had not finished, ascending
 */
public record HostMembership(List<Integer> everMembers, List<Integer> registered, List<Integer> retired,
    List<Integer> departing) {
  public HostMembership {
    everMembers = List.copyOf(everMembers);
    registered = List.copyOf(registered);
    retired = List.copyOf(retired);
    departing = List.copyOf(departing);
  }

  /** The VM state machine's id for the host that runs node {@code node}. */
  public static String hostOf(int node) {
    return "h-" + node;
  }
}
