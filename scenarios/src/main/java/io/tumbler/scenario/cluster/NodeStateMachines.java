package io.tumbler.scenario.cluster;

import io.tumbler.raft.node.StateMachine;
import io.tumbler.vm.VmStateMachine;

/**
 * A seam of the simulated cluster only: which {@link StateMachine} each node incarnation's driver is given
 * around its real {@link VmStateMachine}. {@link #PRODUCTION} gives the real one, as the production server
 * does; a test gives a wrapper that makes the system under test fail (an apply that throws on some command)
 * to prove the harness turns that into a checked, replayable verdict, without editing production code.
 *
 * <p>Why it cannot leak into production: the type lives in the {@code scenarios} module, which
 * {@code raft-impl}'s {@code RaftServer} cannot see; it is not in {@code run.json} or on the command line, so
 * only code that builds a {@code Scenario} in-process (a test) can set it. A run with anything but
 * {@link #PRODUCTION} says so in its notes.
 */
public interface NodeStateMachines {
  /** The real state machine, unwrapped. */
  NodeStateMachines PRODUCTION = new NodeStateMachines() {
    @Override
    public StateMachine forNode(int nodeId, VmStateMachine vm) {
      return vm;
    }

    @Override
    public String describe() {
      return "production";
    }
  };

  /**
   * The state machine node {@code nodeId}'s driver applies to, given the incarnation's fresh {@code vm}
   * (which the harness keeps checking for VM invariants). Must be deterministic: called once per incarnation.
   */
  StateMachine forNode(int nodeId, VmStateMachine vm);

  /** Words for the run's notes ("apply throws at index 40 on n2"). */
  String describe();
}
