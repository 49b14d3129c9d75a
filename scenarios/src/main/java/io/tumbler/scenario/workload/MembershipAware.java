package io.tumbler.scenario.workload;

/**
 * A workload whose world follows the cluster's membership: in a VM-orchestration control plane the Raft members
 * ARE the hosts VMs run on, so a host is registered when its node joins and drained and retired when it leaves.
 *
 * <p>The harness tells it what the operator's side of membership changes saw committed, at the same simulated
 * instants in every run of a seed: the bootstrap members once before the run starts (after {@link Workload#begin}),
 * then each node promoted to voter and each node whose removal committed, in commit order. A workload queues the
 * commands these call for and sends them through its ordinary clients; it draws nothing from the clients' streams
 * to do so. Workloads that ignore membership simply do not implement this interface, so their runs are untouched.
 */
public interface MembershipAware {
  /** The bootstrap members, ascending; called once, before the first operation. */
  void bootstrapped(int[] members);

  /** Node {@code node} became a voting member (its promotion committed). Called at most once per node. */
  void joined(int node);

  /** Node {@code node}'s removal committed (a removal, or the first half of a replacement). */
  void left(int node);

  /**
   * True when it has a membership command ready to send: clients then send it even beyond the run's operation
   * allowance, so that a host is not left half retired because random operations used the allowance up.
   */
  boolean hasMembershipWork();

  /** True when every command membership called for has had a definite answer (nothing queued or in flight). */
  boolean membershipSettled();

  /** What the workload did about membership so far, for the final-state check. */
  HostMembership hostMembership();
}
