package io.tumbler.raft;

/**
 * The position a snapshot covers: every entry up to and including {@code index} (whose term is
 * {@code term}) is folded into the snapshot data. {@code (0, 0)} means "no snapshot".
 *
 * @param index the last index included in the snapshot
 * @param term  the term of that entry
 */
public record SnapshotMeta(long index, long term) {
    /** No snapshot: the log starts at index 1. */
    public static final SnapshotMeta NONE = new SnapshotMeta(0, 0);

    public SnapshotMeta {
        if (index < 0 || term < 0 || (index == 0) != (term == 0)) {
            throw new IllegalArgumentException("invalid snapshot position index=" + index + " term=" + term);
        }
    }
}
