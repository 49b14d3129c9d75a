package io.tumbler.raft.node;

import io.tumbler.raft.FaultPoints;
import io.tumbler.raft.JitterSource;
import io.tumbler.raft.RaftConfig;
import io.tumbler.raft.membership.HostIdentity;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Assembles a {@link RaftNode} from its configuration and ports (MicroRaft style: everything the node
 * touches is injected, clock and randomness included).
 *
 * <p>Required: {@link #config}, {@link #jitter}, {@link #storage}, {@link #transport},
 * {@link #stateMachine}. Optional: {@link #ticker} (without one, the owner calls {@link RaftNode#tick}),
 * {@link #observer} (default {@link RaftObserver#NOOP}), {@link #onHalt} (default: nothing; a server should
 * exit, a simulation should crash the process), {@link #snapshotEveryEntries} (default 10 000; 0 disables
 * local snapshots), {@link #maxClientSessions} (default 10 000), {@link #faultPoints} (default
 * {@link FaultPoints#NONE}; simulation only).
 */
public final class RaftNodeBuilder {
    RaftConfig config;
    JitterSource jitter;
    LogStorage storage;
    Transport transport;
    StateMachine stateMachine;
    Ticker ticker;
    RaftObserver observer = RaftObserver.NOOP;
    Consumer<String> haltHandler = reason -> { };
    int snapshotEveryEntries = 10_000;
    int maxClientSessions = 10_000;
    FaultPoints faultPoints = FaultPoints.NONE;
    HostIdentity hostIdentity;
    LongSupplier nonces;
    private final Function<RaftNodeBuilder, RaftNode> factory;

    RaftNodeBuilder(Function<RaftNodeBuilder, RaftNode> factory) {
        this.factory = factory;
    }

    /** The core's configuration; its {@code id} is the node's id. */
    public RaftNodeBuilder config(RaftConfig value) {
        config = value;
        return this;
    }

    /** Election jitter, seeded per node (in simulation: from the node's named random stream). */
    public RaftNodeBuilder jitter(JitterSource value) {
        jitter = value;
        return this;
    }

    /** The node's stable storage; it must not be shared with another node. */
    public RaftNodeBuilder storage(LogStorage value) {
        storage = value;
        return this;
    }

    /** Outbound messages; inbound ones arrive through {@link RaftNode#receive}. */
    public RaftNodeBuilder transport(Transport value) {
        transport = value;
        return this;
    }

    /** The replicated application. */
    public RaftNodeBuilder stateMachine(StateMachine value) {
        stateMachine = value;
        return this;
    }

    /** Drives {@link RaftNode#tick}; without one the owner calls tick itself. */
    public RaftNodeBuilder ticker(Ticker value) {
        ticker = value;
        return this;
    }

    /** The observation journal; {@link RaftObserver#NOOP} in production. */
    public RaftNodeBuilder observer(RaftObserver value) {
        observer = value;
        return this;
    }

    /** Called once, on the node's thread, when the node halts after a storage failure. */
    public RaftNodeBuilder onHalt(Consumer<String> value) {
        haltHandler = value;
        return this;
    }

    /** Take a local snapshot (and compact storage) every this many applied entries; 0 never. */
    public RaftNodeBuilder snapshotEveryEntries(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("snapshotEveryEntries must be >= 0, got " + value);
        }
        snapshotEveryEntries = value;
        return this;
    }

    /** How many client sessions the deduplication table keeps (oldest evicted first). */
    public RaftNodeBuilder maxClientSessions(int value) {
        maxClientSessions = value;
        return this;
    }

    /**
     * Where a simulation steers the node onto rare legal paths (BUGGIFY); {@link FaultPoints#NONE}, the
     * default, never fires. Production runtimes refuse anything else.
     */
    public RaftNodeBuilder faultPoints(FaultPoints value) {
        faultPoints = value;
        return this;
    }

    /**
     * Who this node is in the rejoin handshake and the cluster secret it signs and verifies with, and where a
     * leader draws its challenge nonces from (seeded: in simulation a named random stream). Optional: a node
     * without them takes no part in the handshake.
     */
    public RaftNodeBuilder hostIdentity(HostIdentity identity, LongSupplier nonceSource) {
        hostIdentity = identity;
        nonces = nonceSource;
        return this;
    }

    /** The node, not yet started. */
    public RaftNode build() {
        require(config != null, "config");
        require(jitter != null, "jitter");
        require(storage != null, "storage");
        require(transport != null, "transport");
        require(stateMachine != null, "stateMachine");
        require(observer != null, "observer");
        require(haltHandler != null, "onHalt");
        require(faultPoints != null, "faultPoints (FaultPoints.NONE for none)");
        return factory.apply(this);
    }

    private static void require(boolean present, String what) {
        if (!present) {
            throw new IllegalStateException("RaftNode needs " + what);
        }
    }
}
