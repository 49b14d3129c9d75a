package io.tumbler.raft.node;

/**
 * The answer to {@link RaftNode#submit}. There is no timeout result: a client that hears nothing times
 * out on its own side and must treat the command as indeterminate (it may still be applied, once).
 *
 * <p>All results describe one attempt. Because a client may retry the same {@code (clientId, sequence)}
 * through other nodes, an earlier attempt of the same sequence may still be applied after a later attempt
 * was {@link Dropped}; session deduplication guarantees it is applied at most once.
 */
public sealed interface SubmitResult {
    /** Committed and applied at {@code index}; {@code result} is the state machine's answer. */
    record Ok(byte[] result, long index) implements SubmitResult {}

    /** This node is not the leader; try {@code leaderHint} (0: unknown). Nothing was appended. */
    record NotLeader(int leaderHint) implements SubmitResult {}

    /** This attempt will never be applied (refused by the leader, or its log slot went to another entry). */
    record Dropped(String reason) implements SubmitResult {}

    /**
     * This attempt's fate cannot be told any more (the client's session already moved past it, or a
     * snapshot replaced the log); treat like a client-side timeout.
     */
    record Unknown(String reason) implements SubmitResult {}
}
