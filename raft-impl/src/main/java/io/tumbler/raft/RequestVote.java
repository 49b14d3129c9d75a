package io.tumbler.raft;

/**
 * A (pre-)vote request (Raft §5.2, §5.4.1; PreVote: dissertation §9.6). A pre-vote does not
 * change anyone's term or vote; it asks "would you vote for me in {@code term}?".
 *
 * @param lastLogIndex index of the candidate's last entry
 * @param lastLogTerm  term of the candidate's last entry
 * @param transfer     true when the election was started by {@link TimeoutNow}: voters then skip the
 *                     leader-stickiness check (dissertation §3.10)
 */
public record RequestVote(int from, int to, long term, boolean preVote, long lastLogIndex, long lastLogTerm,
                          boolean transfer) implements Message {
}
