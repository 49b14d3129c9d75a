package io.tumbler.sut.microraft;

/**
 * What MicroRaft replicates and queries for the bridged state machine ({@link KvStateMachine}): a client command
 * with its session, a read-only query, and the no-op a new leader commits at the start of its term. Byte arrays are
 * copied in and out; toString never shows an identity hash (the trace may record it).
 */
public sealed interface KvOperation {
  /** A client command: applied once per ({@code clientId}, {@code sequence}), however often it is retried. */
  record Command(long clientId, long sequence, byte[] payload) implements KvOperation {
    public Command {
      payload = payload.clone();
    }

    @Override
    public byte[] payload() {
      return payload.clone();
    }

    @Override
    public String toString() {
      return "Command[client=" + clientId + ", sequence=" + sequence + ", " + payload.length + " bytes]";
    }
  }

  /** A read-only query of the state machine (never in the log). */
  record Query(byte[] query) implements KvOperation {
    public Query {
      query = query.clone();
    }

    @Override
    public byte[] query() {
      return query.clone();
    }

    @Override
    public String toString() {
      return "Query[" + query.length + " bytes]";
    }
  }

  /** The entry a new leader appends to commit its term's first entry (MicroRaft's new-term operation). */
  record NewTerm() implements KvOperation {}

  /** The state machine's whole image (one snapshot chunk): the VM state and the client sessions. */
  record Image(byte[] bytes) implements KvOperation {
    public Image {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public String toString() {
      return "Image[" + bytes.length + " bytes]";
    }
  }
}
