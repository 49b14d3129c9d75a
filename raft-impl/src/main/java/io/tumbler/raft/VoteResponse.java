package io.tumbler.raft;

/**
 * The answer to a {@link RequestVote}. A granted pre-vote carries the requested (future) term.
 */
public record VoteResponse(int from, int to, long term, boolean preVote, boolean granted) implements Message {
}
