package io.tumbler.scenario.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;

/**
 * The byte form of {@link Wire}: a tag byte, then for Raft traffic the production {@link io.tumbler.raft.MessageCodec}
 * frame, for the client protocol the envelope ({@code caller}, {@code call}) and the production
 * {@link io.tumbler.raft.runtime.ClientProtocol} frame, and for another system's peer message its ticket.
 */
public final class WireCodec implements io.tumbler.sim.net.MessageCodec<Wire> {
  private static final byte PEER = 1;
  private static final byte CALL = 2;
  private static final byte ANSWER = 3;
  private static final byte FOREIGN = 4;
  /** {@link Wire.Foreign} messages by ticket (the ticket is the index): one run's, in the order they were sent. */
  private final ArrayList<Object> foreign = new ArrayList<>();

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
    if (message instanceof Wire.Call c) {
      return envelope(CALL, c.caller(), c.call(), c.frame());
    }
    Wire.Answer a = (Wire.Answer) message;
    return envelope(ANSWER, a.caller(), a.call(), a.frame());
  }

  private static byte[] envelope(byte tag, long caller, long call, byte[] frame) {
    return ByteBuffer.allocate(1 + 8 + 8 + frame.length).put(tag).putLong(caller).putLong(call).put(frame).array();
  }

  @Override
  public Wire decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    byte tag = in.get();
    if (tag == PEER) {
      return new Wire.Peer(io.tumbler.raft.MessageCodec.decode(rest(in)));
    }
    if (tag == FOREIGN) {
      return new Wire.Foreign(foreign.get(in.getInt()));
    }
    long caller = in.getLong();
    long call = in.getLong();
    if (tag == CALL) {
      return new Wire.Call(caller, call, rest(in));
    }
    if (tag == ANSWER) {
      return new Wire.Answer(caller, call, rest(in));
    }
    throw new IllegalArgumentException("unknown wire tag " + tag);
  }

  private static byte[] rest(ByteBuffer in) {
    byte[] bytes = new byte[in.remaining()];
    in.get(bytes);
    return bytes;
  }
}
