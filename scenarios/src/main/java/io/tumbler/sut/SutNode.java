package io.tumbler.sut;

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
   * A client request in the production client protocol ({@link io.tumbler.raft.runtime.ClientProtocol} request
   * frame), as Tumbler's own server gets it on a client connection. {@code answer} is called once with the response
   * frame, later, on the simulation thread — or never if the node crashes first. A command carries its session
   * ({@code clientId}, {@code sequence}: a retry reuses it and must be applied at most once). A kind whose node
   * serves only commands and reads can answer through {@link ClientFrames}.
   */
  void serve(byte[] requestFrame, Consumer<byte[]> answer);

  /** An operator asks this node, if it leads, to hand leadership to {@code target}; ignored otherwise. */
  void transferLeadership(int target);
}
