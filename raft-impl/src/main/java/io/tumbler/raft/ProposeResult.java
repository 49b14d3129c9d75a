package io.tumbler.raft;

/**
 * The outcome of {@link RaftCore#propose}. Acceptance is not commitment: the command is committed
 * when an entry with the same index AND term appears in {@link Ready#committedEntries()}; if that
 * index commits with another term, the proposal was lost to a leader change.
 */
public sealed interface ProposeResult {
    /** Appended to the leader's log at {@code index} in {@code term}. */
    record Accepted(long index, long term) implements ProposeResult {
    }

    /** This node is not the leader; {@code leaderHint} is the known leader or 0. */
    record NotLeader(int leaderHint) implements ProposeResult {
    }

    /** The leader refused the proposal for now (transfer in progress, too many uncommitted entries). */
    record Dropped(String reason) implements ProposeResult {
    }
}
