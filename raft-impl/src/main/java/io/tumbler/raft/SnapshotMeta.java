package io.tumbler.raft;

/**
 * The position a snapshot covers: every entry up to and including {@code index} (whose term is
 * {@code term}) is folded into the snapshot data, and the cluster configuration as of that index.
 * {@code (0, 0)} means "no snapshot".
 *
 * <p>{@code configuration} is null when no configuration change happened up to {@code index}: the bootstrap
 * configuration ({@link RaftConfig#peers()}) is implied. Only changed configurations are written, so the
 * snapshots of clusters that never change membership keep their bytes (and simulations their fingerprints).
 *
 * @param index         the last index included in the snapshot
 * @param term          the term of that entry
 * @param configuration the configuration in effect at {@code index}, or null for the bootstrap one
 */
public record SnapshotMeta(long index, long term, Configuration configuration) {
    /** No snapshot: the log starts at index 1. */
    public static final SnapshotMeta NONE = new SnapshotMeta(0, 0);

    public SnapshotMeta {
        if (index < 0 || term < 0 || (index == 0) != (term == 0)) {
            throw new IllegalArgumentException("invalid snapshot position index=" + index + " term=" + term);
        }
        if (index == 0 && configuration != null) {
            throw new IllegalArgumentException("no snapshot carries no configuration");
        }
    }

    /** A position under the bootstrap configuration. */
    public SnapshotMeta(long index, long term) {
        this(index, term, null);
    }

    /** The same position without its configuration (KNOWN BUG snapshot-drops-configuration). */
    SnapshotMeta withoutConfiguration() {
        return new SnapshotMeta(index, term, null);
    }
}
