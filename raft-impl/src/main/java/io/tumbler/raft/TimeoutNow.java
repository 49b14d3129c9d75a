package io.tumbler.raft;

/**
 * Tells an up-to-date follower to start an election at once (leadership transfer, dissertation
 * §3.10). The election skips PreVote and the voters' leader-stickiness check.
 */
public record TimeoutNow(int from, int to, long term) implements Message {
}
