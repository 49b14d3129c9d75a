package io.tumbler.raft.runtime;

/**
 * The answer to an admin {@link ClientRequest.TransferLeadership}. {@link Started} means only that the leader began
 * the transfer (dissertation §3.10): it completes when the target wins an election, or is abandoned after an
 * election timeout; the operator confirms by asking the target for its status.
 */
public sealed interface TransferOutcome {
    /** The leader began handing leadership to {@code target}. */
    record Started(int target) implements TransferOutcome {}

    /** The server is not the leader; try {@code leaderHint} (0: unknown). */
    record NotLeader(int leaderHint) implements TransferOutcome {}

    /** The leader will not transfer (the target is not a voter, or is the leader itself). */
    record Refused(String reason) implements TransferOutcome {}
}
