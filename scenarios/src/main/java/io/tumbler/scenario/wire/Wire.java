package io.tumbler.scenario.wire;

import io.tumbler.raft.Message;

/**
 * Everything that crosses the simulated network: peer traffic between nodes, and the production client protocol
 * between client processes and nodes. Every value is encoded to bytes by {@link WireCodec} at send time and decoded
 * afresh at delivery, so Raft messages travel in the production wire format ({@link io.tumbler.raft.MessageCodec})
 * and client requests and responses as the production {@link io.tumbler.raft.runtime.ClientProtocol} frames.
 */
public sealed interface Wire {

  /** A message of Tumbler's Raft between two nodes. */
  record Peer(Message message) implements Wire {}

  /**
   * A peer message of another system under test ({@link io.tumbler.sut.SutNode}), carried as the object it is: the
   * codec puts it in its table and sends the ticket, so each receiver gets the sender's (immutable) message.
   */
  record Foreign(Object message) implements Wire {
    /** Deterministic (the trace records it): the message's type, never an identity hash. */
    @Override
    public String toString() {
      return "Foreign[" + message + "]";
    }
  }

  /**
   * A client request: a {@link io.tumbler.raft.runtime.ClientProtocol} request frame, as a client would write it
   * on its connection. A simulated client has no connection, so the envelope names what the connection would:
   * the {@code caller} (the client's session) and the {@code call}'s number, which the node's {@link Answer} repeats
   * (a client tells the answer to its current call from a late or duplicated one by them).
   */
  record Call(long caller, long call, byte[] frame) implements Wire {
    public Call {
      frame = frame.clone();
    }

    @Override
    public byte[] frame() {
      return frame.clone();
    }

    /** Deterministic (the trace records it): the frame by size, never by identity. */
    @Override
    public String toString() {
      return "Call[caller=" + caller + ", call=" + call + ", frame=" + frame.length + " bytes]";
    }
  }

  /** A node's answer to a {@link Call}: the {@link io.tumbler.raft.runtime.ClientProtocol} response frame. */
  record Answer(long caller, long call, byte[] frame) implements Wire {
    public Answer {
      frame = frame.clone();
    }

    @Override
    public byte[] frame() {
      return frame.clone();
    }

    /** Deterministic (the trace records it): the frame by size, never by identity. */
    @Override
    public String toString() {
      return "Answer[caller=" + caller + ", call=" + call + ", frame=" + frame.length + " bytes]";
    }
  }
}
