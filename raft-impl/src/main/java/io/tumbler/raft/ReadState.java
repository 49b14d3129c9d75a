package io.tumbler.raft;

/**
 * A read that is now safe: once the driver's state machine has applied {@code readIndex}, a query
 * answered from it is linearizable (ReadIndex, dissertation §6.4) or lease-safe.
 *
 * @param requestId the caller's id from {@link RaftCore#readIndex} or {@link RaftCore#leaseRead}
 * @param readIndex the commit index the read must wait for
 */
public record ReadState(long requestId, long readIndex) {
}
