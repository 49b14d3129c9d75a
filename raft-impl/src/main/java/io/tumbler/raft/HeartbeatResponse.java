package io.tumbler.raft;

/** Acknowledges {@link Heartbeat} {@code round} of the leader's term. */
public record HeartbeatResponse(int from, int to, long term, long round) implements Message {
}
