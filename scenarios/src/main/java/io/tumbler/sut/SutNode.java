package io.tumbler.sut;

import io.tumbler.scenario.workload.ReadMode;
import java.util.function.Consumer;

/**
 * One live incarnation of a node of a system under test. Every call comes from the simulation thread while the
 * incarnation runs; a crash simply drops the instance (its timers die with the process, its disk keeps what was
 * synced), and a restart asks the {@link SystemUnderTest} for a new one.
 */
public interface SutNode extends NodeView {
  /** A peer message sent by node {@code fromNode} through {@link NodeEnvironment#send} arrived. */
  void deliver(int fromNode, Object message);

  /**
   * A client command, identified by its session ({@code clientId}, {@code sequence}: a retry reuses it and must be
   * applied at most once). {@code reply} is called once, later, on the simulation thread — or never if the node
   * crashes first.
   */
  void submit(long clientId, long sequence, byte[] command, Consumer<SutReply> reply);

  /** A read of {@code query} in {@code mode}; {@code reply} as for {@link #submit}. */
  void read(ReadMode mode, byte[] query, Consumer<SutReply> reply);

  /** An operator asks this node, if it leads, to hand leadership to {@code target}; ignored otherwise. */
  void transferLeadership(int target);
}
