package io.tumbler.sut.microraft;

import io.microraft.RaftEndpoint;
import io.microraft.model.RaftModelFactory;
import io.microraft.model.log.LogEntry;
import io.microraft.model.log.RaftGroupMembersView;
import io.microraft.model.log.SnapshotChunk;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The byte form of what {@link SimStore} appends to its log file: one framed record per store call
 * ({@code length, CRC-32, tag, fields}), operations as {@link KvOperation}s. A record whose frame or checksum does
 * not hold is where the readable log ends (a torn, unsynced tail) or, followed by more bytes, a damaged log.
 */
final class StoreRecord {
  static final byte ENDPOINT = 1;
  static final byte MEMBERS = 2;
  static final byte TERM = 3;
  static final byte ENTRIES = 4;
  static final byte CHUNK = 5;
  static final byte TRUNCATE_FROM = 6;
  static final byte TRUNCATE_UNTIL = 7;
  static final byte DELETE_CHUNKS = 8;

  private static final byte OP_COMMAND = 1;
  private static final byte OP_NEW_TERM = 2;
  private static final byte OP_IMAGE = 3;

  private ByteBuffer out = ByteBuffer.allocate(256);

  private StoreRecord(byte tag) {
    out.position(8);
    out.put(tag);
  }

  /** Grows the buffer to hold {@code bytes} more. */
  private ByteBuffer room(int bytes) {
    if (out.remaining() < bytes) {
      ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + bytes));
      out.flip();
      bigger.put(out);
      out = bigger;
    }
    return out;
  }

  static StoreRecord of(byte tag) {
    return new StoreRecord(tag);
  }

  StoreRecord putLong(long v) {
    room(8).putLong(v);
    return this;
  }

  StoreRecord putInt(int v) {
    room(4).putInt(v);
    return this;
  }

  StoreRecord putEndpoint(RaftEndpoint e) {
    return putInt(e == null ? 0 : ((SimEndpoint) e).id());
  }

  StoreRecord putMembers(RaftGroupMembersView view) {
    putLong(view.getLogIndex());
    putEndpoints(view.getMembers());
    return putEndpoints(view.getVotingMembers());
  }

  private StoreRecord putEndpoints(Collection<RaftEndpoint> endpoints) {
    putInt(endpoints.size());
    endpoints.forEach(this::putEndpoint);
    return this;
  }

  StoreRecord putOperation(Object operation) {
    if (operation instanceof KvOperation.Command c) {
      room(17).put(OP_COMMAND).putLong(c.clientId()).putLong(c.sequence());
      return putBytes(c.payload());
    }
    if (operation instanceof KvOperation.NewTerm) {
      room(1).put(OP_NEW_TERM);
      return this;
    }
    if (operation instanceof KvOperation.Image image) {
      room(1).put(OP_IMAGE);
      return putBytes(image.bytes());
    }
    throw new IllegalStateException("the MicroRaft store cannot persist " + operation
        + " (membership changes are not supported under test)");
  }

  private StoreRecord putBytes(byte[] bytes) {
    room(4 + bytes.length).putInt(bytes.length).put(bytes);
    return this;
  }

  /** The framed record: length of the body, its CRC-32, the body. */
  byte[] frame() {
    int end = out.position();
    byte[] framed = new byte[end];
    out.flip();
    out.get(framed);
    CRC32 crc = new CRC32();
    crc.update(framed, 8, end - 8);
    ByteBuffer.wrap(framed).putInt(end - 8).putInt((int) crc.getValue());
    return framed;
  }

  /**
   * The bodies of the intact records of a file, in order; how many bytes they span from the start; and whether damage
   * was found before the end (a record failing its checksum with more records after it).
   */
  record Scan(List<ByteBuffer> bodies, int intactLength, boolean damagedBeforeEnd) {}

  static Scan scan(byte[] file) {
    List<ByteBuffer> bodies = new ArrayList<>();
    ByteBuffer in = ByteBuffer.wrap(file);
    while (in.remaining() >= 8) {
      int length = in.getInt();
      int crc = in.getInt();
      int start = in.position() - 8;
      if (length <= 0 || length > in.remaining()) {
        return new Scan(bodies, start, false); // a torn tail: the frame runs past the end
      }
      CRC32 check = new CRC32();
      check.update(file, in.position(), length);
      if ((int) check.getValue() != crc) {
        return new Scan(bodies, start, in.remaining() > length);
      }
      bodies.add(ByteBuffer.wrap(file, in.position(), length).slice());
      in.position(in.position() + length);
    }
    return new Scan(bodies, in.position(), false);
  }

  static RaftEndpoint endpoint(ByteBuffer in) {
    int id = in.getInt();
    return id == 0 ? null : new SimEndpoint(id);
  }

  static RaftGroupMembersView members(ByteBuffer in, RaftModelFactory models) {
    long logIndex = in.getLong();
    List<RaftEndpoint> members = endpoints(in);
    List<RaftEndpoint> voting = endpoints(in);
    return models.createRaftGroupMembersViewBuilder().setLogIndex(logIndex).setMembers(members)
        .setVotingMembers(voting).build();
  }

  private static List<RaftEndpoint> endpoints(ByteBuffer in) {
    List<RaftEndpoint> out = new ArrayList<>();
    for (int n = in.getInt(); n > 0; n--) {
      out.add(endpoint(in));
    }
    return out;
  }

  static Object operation(ByteBuffer in) {
    byte tag = in.get();
    if (tag == OP_COMMAND) {
      long client = in.getLong();
      long sequence = in.getLong();
      return new KvOperation.Command(client, sequence, bytes(in));
    }
    if (tag == OP_NEW_TERM) {
      return new KvOperation.NewTerm();
    }
    if (tag == OP_IMAGE) {
      return new KvOperation.Image(bytes(in));
    }
    throw new IllegalStateException("unknown operation tag " + tag + " in the MicroRaft store");
  }

  private static byte[] bytes(ByteBuffer in) {
    byte[] b = new byte[in.getInt()];
    in.get(b);
    return b;
  }

  static LogEntry entry(ByteBuffer in, RaftModelFactory models) {
    long index = in.getLong();
    int term = in.getInt();
    return models.createLogEntryBuilder().setIndex(index).setTerm(term).setOperation(operation(in)).build();
  }

  static SnapshotChunk chunk(ByteBuffer in, RaftModelFactory models) {
    long index = in.getLong();
    int term = in.getInt();
    int chunkIndex = in.getInt();
    int chunkCount = in.getInt();
    RaftGroupMembersView view = members(in, models);
    return models.createSnapshotChunkBuilder().setIndex(index).setTerm(term).setSnapshotChunkIndex(chunkIndex)
        .setSnapshotChunkCount(chunkCount).setGroupMembersView(view).setOperation(operation(in)).build();
  }
}
