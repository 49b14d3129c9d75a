package io.tumbler.sut;

import io.tumbler.vm.VmStateMachine;

/**
 * What the harness reads of a live node of any system under test: who leads (the nemesis targets the leader), how
 * far it applied and the replicated state (liveness and convergence: equal applied indexes, equal digests).
 */
public interface NodeView {
  int nodeId();

  /** True while this node believes it leads. */
  boolean isLeader();

  /** The node's current term. */
  long term();

  /** The highest log index whose entry this node applied to {@link #stateMachine()}. */
  long appliedIndex();

  /** The replicated state machine this node applies to (read-only for the harness). */
  VmStateMachine stateMachine();

  /** The node's own account of its state, for a person diagnosing a failed check (empty if it has none). */
  default String describe() {
    return "";
  }
}
