package io.tumbler.raft;

/** The role a node plays in its current term (Raft §5.1; pre-candidate: dissertation §9.6). */
public enum Role {
    FOLLOWER,
    /** Asking for pre-votes without having raised its term. */
    PRE_CANDIDATE,
    CANDIDATE,
    LEADER
}
