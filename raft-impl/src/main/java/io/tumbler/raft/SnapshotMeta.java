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
 * <p>{@code stateDigest} is the state machine's {@code digest()} at {@code index}, recorded by the node that took
 * the snapshot, so that a node installing it can check the restored state against it: the transport digest
 * ({@link Snapshot#digest()}) proves the bytes arrived as sent, this one that they are the state they claim to be
 * (an image torn or corrupted before it was sealed passes the first, not the second). Null when nothing was
 * recorded (snapshots written before it existed, and tests of the core alone): nothing to compare.
 *
 * @param index         the last index included in the snapshot
 * @param term          the term of that entry
 * @param configuration the configuration in effect at {@code index}, or null for the bootstrap one
 * @param stateDigest   the state machine's digest at {@code index}, or null if not recorded
 */
public record SnapshotMeta(long index, long term, Configuration configuration, Long stateDigest) {
    /** No snapshot: the log starts at index 1. */
    public static final SnapshotMeta NONE = new SnapshotMeta(0, 0);

    public SnapshotMeta {
        if (index < 0 || term < 0 || (index == 0) != (term == 0)) {
            throw new IllegalArgumentException("invalid snapshot position index=" + index + " term=" + term);
        }
        if (index == 0 && (configuration != null || stateDigest != null)) {
            throw new IllegalArgumentException("no snapshot carries no configuration and no state digest");
        }
    }

    /** A position and configuration without a recorded state digest. */
    public SnapshotMeta(long index, long term, Configuration configuration) {
        this(index, term, configuration, null);
    }

    /** A position under the bootstrap configuration. */
    public SnapshotMeta(long index, long term) {
        this(index, term, null);
    }

    /** The same position without its configuration (KNOWN BUG snapshot-drops-configuration). */
    SnapshotMeta withoutConfiguration() {
        return new SnapshotMeta(index, term, null, stateDigest);
    }

    /** The same position and configuration with {@code digest} recorded as the state digest. */
    public SnapshotMeta withStateDigest(long digest) {
        return new SnapshotMeta(index, term, configuration, digest);
    }
}
