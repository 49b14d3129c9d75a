package io.tumbler.raft;

/**
 * The leader's answer to a {@link JoinRequest} (rejoin handshake, step 2): a fresh {@code nonce}, drawn from the
 * leader's seeded random source, that the host must prove it can sign with the cluster secret. A nonce is
 * accepted once, and only for a limited number of the leader's ticks.
 */
public record JoinChallenge(int from, int to, long term, long nonce) implements Message {
}
