package io.tumbler.scenario.cluster;

import java.nio.ByteBuffer;

/**
 * The byte form of {@link Wire}: a tag byte, then for Raft traffic the production
 * {@link io.tumbler.raft.MessageCodec} frame, and for the client protocol a fixed header and payload.
 */
public final class WireCodec implements io.tumbler.sim.net.MessageCodec<Wire> {
  private static final byte PEER = 1;
  private static final byte REQUEST = 2;
  private static final byte REPLY = 3;
  private static final byte FOREIGN = 4;
  /** {@link Wire.Foreign} messages by ticket (the ticket is the index): one run's, in the order they were sent. */
  private final java.util.ArrayList<Object> foreign = new java.util.ArrayList<>();

  @Override
  public byte[] encode(Wire message) {
    if (message instanceof Wire.Peer p) {
      byte[] body = io.tumbler.raft.MessageCodec.encode(p.message());
      return ByteBuffer.allocate(1 + body.length).put(PEER).put(body).array();
    }
    if (message instanceof Wire.Foreign f) {
      foreign.add(f.message());
      return ByteBuffer.allocate(1 + 4).put(FOREIGN).putInt(foreign.size() - 1).array();
    }
    if (message instanceof Wire.Request r) {
      byte[] payload = r.payload();
      return ByteBuffer.allocate(1 + 8 + 8 + 1 + 4 + payload.length).put(REQUEST)
          .putLong(r.clientId()).putLong(r.sequence()).put((byte) r.kind().ordinal())
          .putInt(payload.length).put(payload).array();
    }
    Wire.Reply r = (Wire.Reply) message;
    byte[] payload = r.payload();
    return ByteBuffer.allocate(1 + 8 + 8 + 1 + 4 + 4 + payload.length).put(REPLY)
        .putLong(r.clientId()).putLong(r.sequence()).put((byte) r.status().ordinal())
        .putInt(r.leaderHint()).putInt(payload.length).put(payload).array();
  }

  @Override
  public Wire decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    byte tag = in.get();
    if (tag == PEER) {
      byte[] body = new byte[in.remaining()];
      in.get(body);
      return new Wire.Peer(io.tumbler.raft.MessageCodec.decode(body));
    }
    if (tag == FOREIGN) {
      return new Wire.Foreign(foreign.get(in.getInt()));
    }
    long clientId = in.getLong();
    long sequence = in.getLong();
    int code = in.get();
    if (tag == REQUEST) {
      return new Wire.Request(clientId, sequence, Wire.RequestKind.values()[code], rest(in));
    }
    if (tag == REPLY) {
      int hint = in.getInt();
      return new Wire.Reply(clientId, sequence, Wire.ReplyStatus.values()[code], hint, rest(in));
    }
    throw new IllegalArgumentException("unknown wire tag " + tag);
  }

  private static byte[] rest(ByteBuffer in) {
    byte[] payload = new byte[in.getInt()];
    in.get(payload);
    return payload;
  }
}
