package io.tumbler.raft.runtime;

import io.tumbler.raft.RaftConfig;
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
 */
public record RaftServerOptions(RaftConfig raft, Map<Integer, InetSocketAddress> addresses, Path dataDirectory,
                                long tickMillis, long jitterSeed, int snapshotEveryEntries, int segmentTargetBytes,
                                int peerQueueCapacity, long requestTimeoutMillis, RaftObserver observer) {
    public RaftServerOptions {
        addresses = new TreeMap<>(addresses);
        if (!addresses.keySet().containsAll(raft.peers())) {
            throw new IllegalArgumentException("addresses " + addresses.keySet() + " must cover peers " + raft.peers());
        }
        if (tickMillis <= 0 || peerQueueCapacity <= 0 || requestTimeoutMillis <= 0) {
            throw new IllegalArgumentException("tickMillis, peerQueueCapacity and requestTimeoutMillis must be positive");
        }
    }

    /** Defaults: 50 ms ticks, jitter seeded by node id, snapshots every 10 000 entries, 16 MiB segments. */
    public static RaftServerOptions defaults(RaftConfig raft, Map<Integer, InetSocketAddress> addresses, Path dataDirectory) {
        return new RaftServerOptions(raft, addresses, dataDirectory, 50, 0x5EED0000L + raft.id(), 10_000,
                SegmentedLog.DEFAULT_SEGMENT_TARGET_BYTES, 4096, 5_000, RaftObserver.NOOP);
    }

    public RaftServerOptions withTickMillis(long millis) {
        return new RaftServerOptions(raft, addresses, dataDirectory, millis, jitterSeed, snapshotEveryEntries,
                segmentTargetBytes, peerQueueCapacity, requestTimeoutMillis, observer);
    }

    public RaftServerOptions withSnapshotEveryEntries(int entries) {
        return new RaftServerOptions(raft, addresses, dataDirectory, tickMillis, jitterSeed, entries,
                segmentTargetBytes, peerQueueCapacity, requestTimeoutMillis, observer);
    }

    public RaftServerOptions withObserver(RaftObserver value) {
        return new RaftServerOptions(raft, addresses, dataDirectory, tickMillis, jitterSeed, snapshotEveryEntries,
                segmentTargetBytes, peerQueueCapacity, requestTimeoutMillis, value);
    }

    /** This server's own address. */
    public InetSocketAddress self() {
        return addresses.get(raft.id());
    }
}
