package io.tumbler.raft;

import java.util.Arrays;

/**
 * One Raft log entry. Entries are values: {@code data} is never mutated after construction (the
 * core copies client bytes once, in {@link RaftCore#propose}); callers must not mutate it either.
 * {@link #digest()} is the end-to-end checksum carried with the entry on the wire and on disk and
 * verified whenever an entry is decoded.
 *
 * @param index position in the log, from 1
 * @param term  term of the leader that created the entry, from 1
 * @param type  what the entry carries
 * @param data  the command bytes; empty for {@link EntryType#NOOP}; the encoded configuration for
 *              {@link EntryType#CONFIG}
 */
public record Entry(long index, long term, EntryType type, byte[] data) {
    private static final long DOMAIN = 0x454E545259L; // "ENTRY"

    public Entry {
        if (index < 1 || term < 1) {
            throw new IllegalArgumentException("entry index and term start at 1, got index=" + index + " term=" + term);
        }
        if (type == null || data == null) {
            throw new IllegalArgumentException("entry type and data are required (index=" + index + ")");
        }
        if (type == EntryType.NOOP && data.length != 0) {
            throw new IllegalArgumentException("a NOOP entry carries no data (index=" + index + ")");
        }
        if (type == EntryType.CONFIG && data.length == 0) {
            throw new IllegalArgumentException("a CONFIG entry carries a configuration (index=" + index + ")");
        }
    }

    /** A configuration entry. */
    public static Entry config(long index, long term, Configuration configuration) {
        return new Entry(index, term, EntryType.CONFIG, configuration.encode());
    }

    /** A leader's no-op entry. */
    public static Entry noop(long index, long term) {
        return new Entry(index, term, EntryType.NOOP, new byte[0]);
    }

    /** A 64-bit checksum over (index, term, type, data); stable across JVMs and releases. */
    public long digest() {
        return new Digest64(DOMAIN).addLong(index).addLong(term).addLong(type.code()).addBytes(data).value();
    }

    /** Approximate encoded size, used to bound append batches. */
    public int sizeBytes() {
        return data.length + 24;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Entry e && e.index == index && e.term == term && e.type == type
                && Arrays.equals(e.data, data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(index) * 31 + Long.hashCode(term) * 17 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Entry[" + index + "@" + term + " " + type + " " + data.length + "B]";
    }
}
