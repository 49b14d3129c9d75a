package io.tumbler.raft;

/**
 * A host asks the leader to admit it (rejoin handshake, step 1): the host {@code hostId} in its incarnation
 * {@code incarnation}, running as Raft node {@code from}. Unauthenticated; the leader answers with a
 * {@link JoinChallenge} and admits nothing until a {@link JoinProof} for that challenge verifies. Handled by the
 * node driver, never by the Raft core, so {@code term} is informational (the host's term, 0 for a new host).
 */
public record JoinRequest(int from, int to, long term, int hostId, long incarnation) implements Message {
    public JoinRequest {
        if (hostId <= 0 || incarnation < 0) {
            throw new IllegalArgumentException("join request needs a host id > 0 and an incarnation >= 0");
        }
    }
}
