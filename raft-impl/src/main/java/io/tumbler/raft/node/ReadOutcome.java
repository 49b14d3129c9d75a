package io.tumbler.raft.node;

/** The answer to {@link RaftNode#read}. As for writes, a client that hears nothing times out itself. */
public sealed interface ReadOutcome {
    /** Answered from state at {@code appliedIndex} (at least the read index the mode required). */
    record Ok(byte[] result, long appliedIndex) implements ReadOutcome {}

    /** This node is not (or no longer) the leader; try {@code leaderHint} (0: unknown). */
    record NotLeader(int leaderHint) implements ReadOutcome {}

    /** The leader cannot serve this mode now (no lease, first entry of its term not yet committed). */
    record Unavailable(String reason) implements ReadOutcome {}
}
