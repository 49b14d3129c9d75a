package io.tumbler.sut;

/**
 * A Raft implementation the simulated cluster can host: it builds one node incarnation at every (re)start of a
 * node's process. The node must do all its work on the simulation thread through {@code env} — no threads, no
 * wall clock, no unseeded randomness — so a run stays a pure function of its seed.
 */
public interface SystemUnderTest {
  /** The kind's name, as {@link SutKind#cliName()}. */
  String name();

  /**
   * Starts one incarnation of node {@code env.nodeId()}: recovers what the node's disk holds (nothing at the first
   * start), sets its timers and returns the live node. A node that refuses to start (a damaged disk) calls
   * {@link NodeEnvironment#halt} and returns a node that serves nothing.
   */
  SutNode start(NodeEnvironment env);
}
