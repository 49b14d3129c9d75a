package io.tumbler.raft.membership;

/** The leader's decision on one step of a rejoin handshake ({@link JoinAuthority}). */
public sealed interface JoinDecision {
    /** Answer the request with this nonce. */
    record Challenge(long nonce) implements JoinDecision {}

    /** The proof verifies: add node {@code nodeId}, host {@code hostId} in {@code incarnation}, as a learner. */
    record Admit(int hostId, long incarnation, int nodeId) implements JoinDecision {}

    /** Refused; nothing is admitted on this handshake. */
    record Reject(JoinRejection reason) implements JoinDecision {}
}
