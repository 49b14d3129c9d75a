package io.tumbler.raft;

/**
 * The leader's periodic heartbeat. It resets followers' election timers and asserts leadership.
 * {@code round} numbers the leader's heartbeat rounds within its term; acknowledgements of a round
 * by a quorum confirm ReadIndex reads registered before it and extend the leader lease from the
 * round's start.
 *
 * @param commitIndex {@code min(leader commit, follower match)}: safe to apply without a log check
 * @param round       the heartbeat round, increasing within a term
 */
public record Heartbeat(int from, int to, long term, long commitIndex, long round) implements Message {
}
