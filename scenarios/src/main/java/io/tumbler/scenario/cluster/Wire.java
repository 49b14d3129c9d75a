package io.tumbler.scenario.cluster;

import io.tumbler.raft.Message;

/**
 * Everything that crosses the simulated network: Raft traffic between nodes, and the client protocol
 * (requests from client processes, replies from nodes). Every value is encoded to bytes by
 * {@link WireCodec} at send time and decoded afresh at delivery, so Raft messages travel in the
 * production wire format ({@link io.tumbler.raft.MessageCodec}).
 */
public sealed interface Wire {

  /** A Raft message between two nodes. */
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
   * A client request. {@code kind} says how the node must serve it: a replicated command, or a read
   * in one of the three read modes. {@code sequence} is the client's session sequence number; a retry
   * of the same operation reuses it so the node applies it once.
   */
  record Request(long clientId, long sequence, RequestKind kind, byte[] payload) implements Wire {
    public Request {
      payload = payload.clone();
    }

    @Override
    public byte[] payload() {
      return payload.clone();
    }

    /** Deterministic (the trace records it): the payload by size, never by identity. */
    @Override
    public String toString() {
      return "Request[clientId=" + clientId + ", sequence=" + sequence + ", kind=" + kind + ", payload="
          + payload.length + " bytes]";
    }
  }

  /** A node's answer to a request. {@code leaderHint} is set on {@link ReplyStatus#NOT_LEADER} (0: unknown). */
  record Reply(long clientId, long sequence, ReplyStatus status, int leaderHint, byte[] payload) implements Wire {
    public Reply {
      payload = payload.clone();
    }

    @Override
    public byte[] payload() {
      return payload.clone();
    }

    /** Deterministic (the trace records it): the payload by size, never by identity. */
    @Override
    public String toString() {
      return "Reply[clientId=" + clientId + ", sequence=" + sequence + ", status=" + status + ", leaderHint="
          + leaderHint + ", payload=" + payload.length + " bytes]";
    }
  }

  /** How a request is served. */
  enum RequestKind {
    COMMAND,
    READ_LINEARIZABLE,
    READ_LEASE,
    READ_LOCAL
  }

  /** What became of a request. */
  enum ReplyStatus {
    /** Done; the payload is the state machine's result. */
    OK,
    /** This node cannot serve it; try {@code leaderHint}. The request had no effect. */
    NOT_LEADER,
    /** This attempt had no effect and never will (refused, dropped, or a read not served); retry. */
    REFUSED,
    /** The node gave up on it (leadership lost, proposal dropped); it may or may not take effect. */
    UNKNOWN
  }
}
