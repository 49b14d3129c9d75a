package io.tumbler.raft.runtime;

import io.tumbler.raft.RaftConfig;
import io.tumbler.raft.membership.HostIdentity;
import io.tumbler.raft.node.RaftObserver;
import io.tumbler.raft.storage.SegmentedLog;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to run one {@link RaftServer}.
 *
 * @param raft                 the core's configuration; {@code raft.id()} is this server's node
 * @param addresses            every node's listening address, this one's included
 * @param dataDirectory        where the log, hard state and snapshots live (created if absent)
 * @param tickMillis           wall-clock length of one Raft tick
 * @param jitterSeed           seed of the election-timeout jitter (distinct per node)
 * @param snapshotEveryEntries take a snapshot every this many applied entries (0: never)
 * @param segmentTargetBytes   WAL segment size
 * @param peerQueueCapacity    outbound messages queued per peer before dropping
 * @param requestTimeoutMillis how long a client connection waits for the node before answering "unknown"
 * @param observer             the observation journal (usually {@link RaftObserver#NOOP}); runs on the node thread
 * @param identity             who this server is in the join handshake and the cluster secret it signs and
 *                             verifies join proofs with, or null: then it neither joins nor admits joiners
 * @param join                 this server starts outside the bootstrap voters and asks to be admitted
 *                             ({@code RaftNode.requestJoin}) until a committed configuration names it; needs an
 *                             identity
 *
 * <p>{@code addresses} is a static address book: it may name node ids beyond the bootstrap voters
 * ({@code raft.peers()}), provisioned for hosts that may join later. A server only ever sends to members of its
 * configuration and to a node in the middle of joining, so an entry for a host that does not run yet costs nothing.
 */
public record RaftServerOptions(RaftConfig raft, Map<Integer, InetSocketAddress> addresses, Path dataDirectory,
                                long tickMillis, long jitterSeed, int snapshotEveryEntries, int segmentTargetBytes,
                                int peerQueueCapacity, long requestTimeoutMillis, RaftObserver observer,
                                HostIdentity identity, boolean join) {
    public RaftServerOptions {
        addresses = new TreeMap<>(addresses);
        if (!addresses.keySet().containsAll(raft.peers())) {
            throw new IllegalArgumentException("addresses " + addresses.keySet() + " must cover peers " + raft.peers());
        }
        if (tickMillis <= 0 || peerQueueCapacity <= 0 || requestTimeoutMillis <= 0) {
            throw new IllegalArgumentException("tickMillis, peerQueueCapacity and requestTimeoutMillis must be positive");
        }
        if (!addresses.containsKey(raft.id())) {
            throw new IllegalArgumentException("addresses " + addresses.keySet() + " must include this node " + raft.id());
        }
        if (join && (identity == null || raft.bootstrapVoter())) {
            throw new IllegalArgumentException("node " + raft.id() + " can join only with a host identity (a cluster"
                    + " secret) and an id outside the bootstrap voters " + raft.peers());
        }
    }

    /** Defaults: 50 ms ticks, jitter seeded by node id, snapshots every 10 000 entries, 16 MiB segments. */
    public static RaftServerOptions defaults(RaftConfig raft, Map<Integer, InetSocketAddress> addresses, Path dataDirectory) {
        return new RaftServerOptions(raft, addresses, dataDirectory, 50, 0x5EED0000L + raft.id(), 10_000,
                SegmentedLog.DEFAULT_SEGMENT_TARGET_BYTES, 4096, 5_000, RaftObserver.NOOP, null, false);
    }

    public RaftServerOptions withTickMillis(long millis) {
        return new RaftServerOptions(raft, addresses, dataDirectory, millis, jitterSeed, snapshotEveryEntries,
                segmentTargetBytes, peerQueueCapacity, requestTimeoutMillis, observer, identity, join);
    }

    public RaftServerOptions withSnapshotEveryEntries(int entries) {
        return new RaftServerOptions(raft, addresses, dataDirectory, tickMillis, jitterSeed, entries,
                segmentTargetBytes, peerQueueCapacity, requestTimeoutMillis, observer, identity, join);
    }

    public RaftServerOptions withObserver(RaftObserver value) {
        return new RaftServerOptions(raft, addresses, dataDirectory, tickMillis, jitterSeed, snapshotEveryEntries,
                segmentTargetBytes, peerQueueCapacity, requestTimeoutMillis, value, identity, join);
    }

    /** These options with {@code value} as the host identity (null: no part in the join handshake). */
    public RaftServerOptions withIdentity(HostIdentity value) {
        return new RaftServerOptions(raft, addresses, dataDirectory, tickMillis, jitterSeed, snapshotEveryEntries,
                segmentTargetBytes, peerQueueCapacity, requestTimeoutMillis, observer, value, join);
    }

    /** These options with joining on or off (see {@code join} above). */
    public RaftServerOptions withJoin(boolean value) {
        return new RaftServerOptions(raft, addresses, dataDirectory, tickMillis, jitterSeed, snapshotEveryEntries,
                segmentTargetBytes, peerQueueCapacity, requestTimeoutMillis, observer, identity, value);
    }

    /** This server's own address. */
    public InetSocketAddress self() {
        return addresses.get(raft.id());
    }
}
