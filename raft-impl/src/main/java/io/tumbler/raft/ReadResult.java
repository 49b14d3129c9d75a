package io.tumbler.raft;

/**
 * The outcome of {@link RaftCore#readIndex} or {@link RaftCore#leaseRead}. A pending read becomes a
 * {@link ReadState} in a later {@link Ready}, or is abandoned when the leader steps down (the
 * driver sees the role change in {@link Ready#softState()} and fails its pending reads).
 */
public sealed interface ReadResult {
    /** Registered; a {@link ReadState} with this id follows once it is safe. */
    record Pending(long requestId) implements ReadResult {
    }

    /** This node is not the leader; {@code leaderHint} is the known leader or 0. */
    record NotLeader(int leaderHint) implements ReadResult {
    }

    /**
     * The leader cannot serve this read now (lease not held, transfer in progress, no entry of its
     * term committed yet for a lease read); the driver may retry or fall back to ReadIndex.
     */
    record Unavailable(String reason) implements ReadResult {
    }
}
