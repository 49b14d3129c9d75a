package io.tumbler.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The compact, versioned, checksummed binary form of {@link Message}s, {@link Entry}s, hard states
 * and snapshots, shared by the TCP transport, the simulator and log storage. Stateless and
 * thread-safe.
 *
 * <p>Frame: {@code [magic 0xA7][version][kind][body][CRC32C of everything before, 4 bytes]}.
 * Integers in the body are unsigned LEB128 varints. Each entry additionally carries its 64-bit
 * {@link Entry#digest()}, recomputed and compared on decode, so an entry is verified end to end
 * (leader's memory, wire, follower's disk) and not only per frame. A reader rejects frames of an
 * unknown version rather than guessing; bump {@link #VERSION} on any layout change. The rejoin handshake's kinds
 * (9-11: {@link JoinRequest}, {@link JoinChallenge}, {@link JoinProof}) were added without a bump: no existing
 * layout changed, and a reader that predates them rejects them as an unknown kind, which is the right answer.
 * Likewise a snapshot with a recorded state digest ({@link SnapshotMeta#stateDigest()}) travels as kind 12
 * (InstallSnapshot) and is stored as kind 23: the fixed 64-bit state digest follows the transport digest; a
 * snapshot without one keeps kinds 7 and 22 and their layout, so old snapshot files still read.
 */
public final class MessageCodec {
    /** The first byte of every frame. */
    public static final int MAGIC = 0xA7;
    /** The current layout version. */
    public static final int VERSION = 1;

    private static final int HEADER_BYTES = 3;
    private static final int CRC_BYTES = 4;
    private static final int MIN_ENTRY_BYTES = 12;

    private static final int KIND_REQUEST_VOTE = 1;
    private static final int KIND_VOTE_RESPONSE = 2;
    private static final int KIND_APPEND_ENTRIES = 3;
    private static final int KIND_APPEND_RESPONSE = 4;
    private static final int KIND_HEARTBEAT = 5;
    private static final int KIND_HEARTBEAT_RESPONSE = 6;
    private static final int KIND_INSTALL_SNAPSHOT = 7;
    private static final int KIND_TIMEOUT_NOW = 8;
    private static final int KIND_JOIN_REQUEST = 9;
    private static final int KIND_JOIN_CHALLENGE = 10;
    private static final int KIND_JOIN_PROOF = 11;
    private static final int KIND_INSTALL_SNAPSHOT_WITH_STATE_DIGEST = 12;
    private static final int JOIN_MAC_BYTES = 32;
    private static final int KIND_ENTRY = 20;
    private static final int KIND_HARD_STATE = 21;
    private static final int KIND_SNAPSHOT = 22;
    private static final int KIND_SNAPSHOT_WITH_STATE_DIGEST = 23;

    private MessageCodec() {
    }

    /** Encodes a message into a self-contained, checksummed frame. */
    public static byte[] encode(Message message) {
        WireWriter out = header(kindOf(message), 64);
        out.writeVarLong(message.from()).writeVarLong(message.to()).writeVarLong(message.term());
        writeBody(message, out);
        return seal(out);
    }

    /** Decodes a frame from {@link #encode}; throws {@link CorruptMessageException} naming what is wrong. */
    public static Message decode(byte[] bytes) {
        WireReader in = open(bytes, "message frame");
        int kind = bytes[2] & 0xFF;
        int from = in.readVarInt("from");
        int to = in.readVarInt("to");
        long term = in.readVarLong("term");
        Message message = readBody(kind, from, to, term, in);
        in.expectEnd();
        return message;
    }

    /** Encodes one entry (with its digest) for storage. */
    public static byte[] encodeEntry(Entry entry) {
        WireWriter out = header(KIND_ENTRY, entry.sizeBytes() + 16);
        writeEntry(entry, out);
        return seal(out);
    }

    /** Decodes one entry, verifying frame checksum and entry digest; throws {@link CorruptMessageException}. */
    public static Entry decodeEntry(byte[] bytes) {
        WireReader in = open(bytes, "entry record");
        expectKind(bytes, KIND_ENTRY, in);
        Entry entry = readEntry(in);
        in.expectEnd();
        return entry;
    }

    /** Encodes a hard state for storage, checksummed. */
    public static byte[] encodeHardState(HardState hardState) {
        WireWriter out = header(KIND_HARD_STATE, 24);
        out.writeVarLong(hardState.term()).writeVarLong(hardState.votedFor()).writeVarLong(hardState.commitIndex());
        return seal(out);
    }

    /** Decodes a hard state from {@link #encodeHardState}; throws {@link CorruptMessageException}. */
    public static HardState decodeHardState(byte[] bytes) {
        WireReader in = open(bytes, "hard state record");
        expectKind(bytes, KIND_HARD_STATE, in);
        HardState state = new HardState(in.readVarLong("term"), in.readVarInt("votedFor"), in.readVarLong("commit"));
        in.expectEnd();
        return state;
    }

    /** Encodes a snapshot (position, data, digest) for storage. */
    public static byte[] encodeSnapshot(Snapshot snapshot) {
        WireWriter out = header(snapshot.meta().stateDigest() == null ? KIND_SNAPSHOT : KIND_SNAPSHOT_WITH_STATE_DIGEST,
                snapshot.data().length + 40);
        writeSnapshot(snapshot, out);
        return seal(out);
    }

    /** Decodes a snapshot from {@link #encodeSnapshot}, verifying its digest; throws {@link CorruptMessageException}. */
    public static Snapshot decodeSnapshot(byte[] bytes) {
        WireReader in = open(bytes, "snapshot record");
        boolean withStateDigest = (bytes[2] & 0xFF) == KIND_SNAPSHOT_WITH_STATE_DIGEST;
        if (!withStateDigest) {
            expectKind(bytes, KIND_SNAPSHOT, in);
        }
        Snapshot snapshot = readSnapshot(in, withStateDigest);
        in.expectEnd();
        return snapshot;
    }

    private static int kindOf(Message message) {
        if (message instanceof RequestVote) {
            return KIND_REQUEST_VOTE;
        } else if (message instanceof VoteResponse) {
            return KIND_VOTE_RESPONSE;
        } else if (message instanceof AppendEntries) {
            return KIND_APPEND_ENTRIES;
        } else if (message instanceof AppendResponse) {
            return KIND_APPEND_RESPONSE;
        } else if (message instanceof Heartbeat) {
            return KIND_HEARTBEAT;
        } else if (message instanceof HeartbeatResponse) {
            return KIND_HEARTBEAT_RESPONSE;
        } else if (message instanceof InstallSnapshot m) {
            return m.snapshot().meta().stateDigest() == null ? KIND_INSTALL_SNAPSHOT
                    : KIND_INSTALL_SNAPSHOT_WITH_STATE_DIGEST;
        } else if (message instanceof TimeoutNow) {
            return KIND_TIMEOUT_NOW;
        }
        return joinKindOf(message);
    }

    private static int joinKindOf(Message message) {
        if (message instanceof JoinRequest) {
            return KIND_JOIN_REQUEST;
        } else if (message instanceof JoinChallenge) {
            return KIND_JOIN_CHALLENGE;
        } else if (message instanceof JoinProof) {
            return KIND_JOIN_PROOF;
        }
        throw new IllegalStateException("unknown message type " + message.getClass());
    }

    private static void writeBody(Message message, WireWriter out) {
        if (message instanceof RequestVote m) {
            out.writeByte(flags(m.preVote(), m.transfer())).writeVarLong(m.lastLogIndex()).writeVarLong(m.lastLogTerm());
        } else if (message instanceof VoteResponse m) {
            out.writeByte(flags(m.preVote(), m.granted()));
        } else if (message instanceof AppendEntries m) {
            out.writeVarLong(m.prevIndex()).writeVarLong(m.prevTerm()).writeVarLong(m.commitIndex());
            out.writeVarLong(m.entries().size());
            m.entries().forEach(entry -> writeEntry(entry, out));
        } else if (message instanceof AppendResponse m) {
            out.writeByte(flags(m.success(), false)).writeVarLong(m.index());
            out.writeVarLong(m.conflictIndex()).writeVarLong(m.conflictTerm());
        } else if (message instanceof Heartbeat m) {
            out.writeVarLong(m.commitIndex()).writeVarLong(m.round());
        } else if (message instanceof HeartbeatResponse m) {
            out.writeVarLong(m.round());
        } else if (message instanceof InstallSnapshot m) {
            writeSnapshot(m.snapshot(), out);
        } else {
            writeJoinBody(message, out);
        }
        // TimeoutNow has no body.
    }

    private static void writeJoinBody(Message message, WireWriter out) {
        if (message instanceof JoinRequest m) {
            out.writeVarLong(m.hostId()).writeVarLong(m.incarnation());
        } else if (message instanceof JoinChallenge m) {
            out.writeFixedLong(m.nonce());
        } else if (message instanceof JoinProof m) {
            out.writeVarLong(m.hostId()).writeVarLong(m.incarnation()).writeFixedLong(m.nonce());
            out.writeBytes(m.mac());
        }
    }

    private static Message readBody(int kind, int from, int to, long term, WireReader in) {
        switch (kind) {
            case KIND_REQUEST_VOTE: {
                int flags = readFlags(in);
                return new RequestVote(from, to, term, (flags & 1) != 0, in.readVarLong("lastLogIndex"),
                        in.readVarLong("lastLogTerm"), (flags & 2) != 0);
            }
            case KIND_VOTE_RESPONSE: {
                int flags = readFlags(in);
                return new VoteResponse(from, to, term, (flags & 1) != 0, (flags & 2) != 0);
            }
            case KIND_APPEND_ENTRIES:
                return readAppendEntries(from, to, term, in);
            case KIND_APPEND_RESPONSE: {
                boolean success = (readFlags(in) & 1) != 0;
                return new AppendResponse(from, to, term, success, in.readVarLong("index"),
                        in.readVarLong("conflictIndex"), in.readVarLong("conflictTerm"));
            }
            case KIND_HEARTBEAT:
                return new Heartbeat(from, to, term, in.readVarLong("commitIndex"), in.readVarLong("round"));
            case KIND_HEARTBEAT_RESPONSE:
                return new HeartbeatResponse(from, to, term, in.readVarLong("round"));
            case KIND_INSTALL_SNAPSHOT:
                return new InstallSnapshot(from, to, term, readSnapshot(in, false));
            case KIND_INSTALL_SNAPSHOT_WITH_STATE_DIGEST:
                return new InstallSnapshot(from, to, term, readSnapshot(in, true));
            case KIND_TIMEOUT_NOW:
                return new TimeoutNow(from, to, term);
            case KIND_JOIN_REQUEST:
                return new JoinRequest(from, to, term, in.readVarInt("hostId"), in.readVarLong("incarnation"));
            case KIND_JOIN_CHALLENGE:
                return new JoinChallenge(from, to, term, in.readFixedLong("nonce"));
            case KIND_JOIN_PROOF:
                return readJoinProof(from, to, term, in);
            default:
                throw in.corrupt("unknown message kind " + kind);
        }
    }

    private static JoinProof readJoinProof(int from, int to, long term, WireReader in) {
        int hostId = in.readVarInt("hostId");
        long incarnation = in.readVarLong("incarnation");
        long nonce = in.readFixedLong("nonce");
        byte[] mac = in.readBytes("mac");
        if (mac.length != JOIN_MAC_BYTES) {
            throw in.corrupt("join proof mac has " + mac.length + " bytes, expected " + JOIN_MAC_BYTES);
        }
        return new JoinProof(from, to, term, hostId, incarnation, nonce, mac);
    }

    private static AppendEntries readAppendEntries(int from, int to, long term, WireReader in) {
        long prevIndex = in.readVarLong("prevIndex");
        long prevTerm = in.readVarLong("prevTerm");
        long commitIndex = in.readVarLong("commitIndex");
        int count = in.readCount("entry count", MIN_ENTRY_BYTES);
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Entry entry = readEntry(in);
            if (entry.index() != prevIndex + 1 + i) {
                throw in.corrupt("entry " + i + " has index " + entry.index() + ", expected " + (prevIndex + 1 + i));
            }
            entries.add(entry);
        }
        return new AppendEntries(from, to, term, prevIndex, prevTerm, entries, commitIndex);
    }

    private static void writeEntry(Entry entry, WireWriter out) {
        out.writeVarLong(entry.index()).writeVarLong(entry.term()).writeByte(entry.type().code());
        out.writeBytes(entry.data()).writeFixedLong(entry.digest());
    }

    private static Entry readEntry(WireReader in) {
        long index = in.readVarLong("entry index");
        long term = in.readVarLong("entry term");
        int code = in.readByte();
        EntryType type = EntryType.fromCode(code);
        if (type == null || index < 1 || term < 1) {
            throw in.corrupt("invalid entry header index=" + index + " term=" + term + " type=" + code);
        }
        byte[] data = in.readBytes("entry data");
        long digest = in.readFixedLong("entry digest");
        if (type == EntryType.NOOP && data.length != 0) {
            throw in.corrupt("NOOP entry " + index + " carries data");
        }
        Entry entry = new Entry(index, term, type, data);
        if (entry.digest() != digest) {
            throw in.corrupt("digest mismatch for entry " + index + "@" + term);
        }
        return entry;
    }

    /**
     * Position, data, digest, the recorded state digest in the kinds that carry one (fixed 8 bytes), then the
     * configuration only if the snapshot carries one: a snapshot under the
     * bootstrap configuration keeps the layout it had before configurations existed. The snapshot is always the
     * last field of its frame, so a reader tells the two apart by what is left.
     */
    private static void writeSnapshot(Snapshot snapshot, WireWriter out) {
        out.writeVarLong(snapshot.meta().index()).writeVarLong(snapshot.meta().term());
        out.writeBytes(snapshot.data()).writeFixedLong(snapshot.digest());
        if (snapshot.meta().stateDigest() != null) {
            out.writeFixedLong(snapshot.meta().stateDigest());
        }
        if (snapshot.meta().configuration() != null) {
            out.writeBytes(snapshot.meta().configuration().encode());
        }
    }

    private static Snapshot readSnapshot(WireReader in, boolean withStateDigest) {
        long index = in.readVarLong("snapshot index");
        long term = in.readVarLong("snapshot term");
        if ((index == 0) != (term == 0)) {
            throw in.corrupt("invalid snapshot position " + index + "@" + term);
        }
        byte[] data = in.readBytes("snapshot data");
        long digest = in.readFixedLong("snapshot digest");
        Long stateDigest = withStateDigest ? in.readFixedLong("snapshot state digest") : null;
        Configuration configuration = in.atEnd() ? null : Configuration.decode(in.readBytes("snapshot configuration"));
        if (index == 0 && (configuration != null || stateDigest != null)) {
            throw in.corrupt("an empty snapshot position carries a configuration or a state digest");
        }
        Snapshot snapshot = new Snapshot(new SnapshotMeta(index, term, configuration, stateDigest), data);
        if (snapshot.digest() != digest) {
            throw in.corrupt("digest mismatch for snapshot " + index + "@" + term);
        }
        return snapshot;
    }

    private static int flags(boolean first, boolean second) {
        return (first ? 1 : 0) | (second ? 2 : 0);
    }

    private static int readFlags(WireReader in) {
        int flags = in.readByte();
        if ((flags & ~3) != 0) {
            throw in.corrupt("unknown flag bits " + flags);
        }
        return flags;
    }

    private static WireWriter header(int kind, int sizeHint) {
        return new WireWriter(sizeHint).writeByte(MAGIC).writeByte(VERSION).writeByte(kind);
    }

    private static byte[] seal(WireWriter out) {
        CRC32C crc = new CRC32C();
        crc.update(out.buffer(), 0, out.size());
        out.writeFixedInt((int) crc.getValue());
        return out.toByteArray();
    }

    /** Verifies size, checksum, magic and version; returns a reader positioned at the body. */
    private static WireReader open(byte[] bytes, String what) {
        if (bytes == null || bytes.length < HEADER_BYTES + CRC_BYTES) {
            throw new CorruptMessageException(what + " is corrupt: " + (bytes == null ? "null" : bytes.length + " bytes")
                    + " is shorter than the " + (HEADER_BYTES + CRC_BYTES) + "-byte minimum");
        }
        int bodyEnd = bytes.length - CRC_BYTES;
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bodyEnd);
        WireReader trailer = new WireReader(bytes, bodyEnd, bytes.length, what);
        long stored = trailer.readCrc32();
        if (stored != (crc.getValue() & 0xFFFFFFFFL)) {
            throw new CorruptMessageException(what + " is corrupt: CRC32C mismatch over " + bodyEnd + " bytes");
        }
        if ((bytes[0] & 0xFF) != MAGIC) {
            throw new CorruptMessageException(what + " is corrupt: bad magic " + (bytes[0] & 0xFF));
        }
        if ((bytes[1] & 0xFF) != VERSION) {
            throw new CorruptMessageException(what + " has unsupported version " + (bytes[1] & 0xFF)
                    + " (this build reads version " + VERSION + ")");
        }
        return new WireReader(bytes, HEADER_BYTES, bodyEnd, what);
    }

    private static void expectKind(byte[] bytes, int kind, WireReader in) {
        if ((bytes[2] & 0xFF) != kind) {
            throw in.corrupt("record kind " + (bytes[2] & 0xFF) + ", expected " + kind);
        }
    }
}
