package io.tumbler.raft;

/** How the leader replicates to one follower (etcd's progress states). */
public enum ProgressState {
    /** Match unknown: one append at a time, backtracking on rejection. */
    PROBE,
    /** Match known: optimistic pipelining of up to {@code maxInflightAppends} appends. */
    REPLICATE,
    /** The follower needs a snapshot; appends pause until it is acknowledged. */
    SNAPSHOT
}
