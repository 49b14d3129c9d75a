package io.tumbler.raft;

/**
 * The state Raft requires to be durable before any message that depends on it is sent (Raft
 * paper, Figure 2 "persistent state"): the current term and the vote cast in it. The commit index is
 * persisted alongside so a restarted node can re-apply without waiting for a leader; it is safe to
 * lose (commit is re-learned), but it never goes backwards in what the core emits.
 *
 * @param term        the latest term this node has seen, from 0
 * @param votedFor    the candidate voted for in {@code term}, or 0 for none
 * @param commitIndex the highest index known committed
 */
public record HardState(long term, int votedFor, long commitIndex) {
    /** The state of a node that has never run. */
    public static final HardState EMPTY = new HardState(0, 0, 0);

    public HardState {
        if (term < 0 || votedFor < 0 || commitIndex < 0) {
            throw new IllegalArgumentException("negative hard state: term=" + term + " votedFor=" + votedFor
                    + " commitIndex=" + commitIndex);
        }
    }
}
