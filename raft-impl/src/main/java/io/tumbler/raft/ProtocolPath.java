package io.tumbler.raft;

/**
 * A protocol path the core took that its outputs alone do not name: why an election started, why a vote
 * was refused, why a leader stepped down, that a follower rejected an append or a leader sent a snapshot.
 * Reported through {@link ProtocolPaths} at the moment the core decides it, so that a simulation can count
 * which paths a run exercised (and a campaign can show the ones it never reached).
 *
 * <p>Each constant says who reports it and what {@code peer} means in {@link ProtocolPaths#taken}.
 */
public enum ProtocolPath {
    /** This node's election timer fired (or an operator asked) and it started an election: no PreVote. */
    ELECTION_ON_TIMEOUT,
    /** A TimeoutNow from the leader ({@code peer}) made this node start an election at once (§3.10). */
    ELECTION_ON_TRANSFER,
    /** This node won a pre-vote and starts the real election (dissertation §9.6). */
    ELECTION_AFTER_PRE_VOTE,
    /** This node's election timer fired and it started a pre-vote, without raising its term. */
    PRE_VOTE_STARTED,
    /** This node granted a pre-vote to candidate {@code peer}. */
    PRE_VOTE_GRANTED,
    /** This node refused a pre-vote of candidate {@code peer} (stale term, stale log, or a vote or leader held). */
    PRE_VOTE_REJECTED,
    /** This node granted its vote to candidate {@code peer}. */
    VOTE_GRANTED,
    /** This node refused candidate {@code peer}: its log is less up to date than ours (§5.4.1). */
    VOTE_REJECTED_STALE_LOG,
    /** This node dropped a vote request of candidate {@code peer} from an older term (§5.1). */
    VOTE_REJECTED_STALE_TERM,
    /** This node refused candidate {@code peer}: it already voted for another candidate in this term. */
    VOTE_REJECTED_ALREADY_VOTED,
    /** This node refused candidate {@code peer}: it knows a leader of this term and has not voted. */
    VOTE_REJECTED_LEADER_KNOWN,
    /** This node ignored a (pre-)vote request of {@code peer} for a higher term: it heard from a leader recently. */
    VOTE_REQUEST_IGNORED_STICKY_LEADER,
    /** This leader stepped down on a message of a higher term from {@code peer} (§5.1). */
    STEP_DOWN_HIGHER_TERM,
    /** This leader stepped down: no quorum was active within an election timeout (CheckQuorum). {@code peer} is 0. */
    STEP_DOWN_CHECK_QUORUM,
    /** This follower rejected an append of leader {@code peer}: its log does not match at the previous index. */
    APPEND_REJECTED_LOG_MISMATCH,
    /** This leader sent its snapshot to follower {@code peer}. */
    SNAPSHOT_SENT
}
