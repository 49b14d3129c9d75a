package io.tumbler.raft;

/**
 * What a log entry carries. The byte code of each constant is part of the wire and disk format
 * ({@link MessageCodec}); never reorder or reuse codes.
 */
public enum EntryType {
    /** A client command, handed to the state machine when committed. */
    NORMAL(1),
    /**
     * The empty entry a new leader appends at the start of its term (dissertation §6.4): committing
     * it commits everything before it and lets the leader serve ReadIndex reads. The driver skips it
     * when applying.
     */
    NOOP(2),
    /**
     * A cluster configuration ({@link Configuration#encode()}): in effect on a node as soon as it is in its log,
     * committed or not (dissertation §4.1); reverted if the entry is truncated. The driver skips it when applying.
     */
    CONFIG(3);

    private final int code;

    EntryType(int code) {
        this.code = code;
    }

    /** The stable one-byte code used by the codecs. */
    public int code() {
        return code;
    }

    /** The type with this code; an unknown code is corruption, reported by the caller. */
    static EntryType fromCode(int code) {
        for (EntryType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
