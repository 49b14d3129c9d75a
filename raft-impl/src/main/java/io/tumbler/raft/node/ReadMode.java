package io.tumbler.raft.node;

/** How a read is served (DESIGN.md "Reads"). */
public enum ReadMode {
    /** ReadIndex (dissertation §6.4): confirmed by a heartbeat round to a quorum; linearizable. */
    LINEARIZABLE,
    /**
     * Leader lease: no round trip while the lease, shortened by the clock-drift bound, holds; linearizable
     * only if clocks drift less than the bound.
     */
    LEASE,
    /** This replica's current state, at once: fast, may be stale (not linearizable under partitions). */
    LOCAL
}
