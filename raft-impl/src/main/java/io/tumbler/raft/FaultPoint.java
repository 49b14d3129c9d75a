package io.tumbler.raft;

/**
 * A place in the production code where a simulation may steer the node onto a rare but legal path
 * (FoundationDB's BUGGIFY). Every point keeps the protocol correct: it only does what a slow disk, a
 * small batch limit, a busy leader or an unlucky schedule could make the correct code do anyway, so a
 * check that fails with points firing is a real bug. {@link FaultPoints} decides when a point fires.
 *
 * <p>The declaration order is part of recorded runs (which points a run enabled): append new points at the
 * end, never reorder or remove.
 */
public enum FaultPoint {
    /** The driver holds a completed sync for a few ticks before acting on it, as a slow fsync would. */
    DELAY_SYNC("delay-sync"),
    /** The leader sends about half the entries one AppendEntries could carry (a smaller batch limit). */
    SPLIT_BATCH("split-batch"),
    /**
     * The leader sends its latest snapshot to a follower not yet known to hold everything it covers, though
     * the leader still holds the entries the follower needs (a leader that compacted just before).
     */
    EARLY_SNAPSHOT("early-snapshot"),
    /** The driver takes a local snapshot and compacts its log long before the configured interval. */
    COMPACT_EARLY("compact-early"),
    /** The leader sends a follower nothing more while one append to it is in flight (a window of one, this round). */
    SHORT_PIPELINE("short-pipeline"),
    /**
     * On a heartbeat answer from a follower it is replicating to, the leader falls back to probing and
     * resends from the follower's match index, entries already in flight included.
     */
    RESEND_INFLIGHT("resend-inflight"),
    /** The leader starts a heartbeat round one tick late (a leader busy for a tick). */
    LATE_HEARTBEAT("late-heartbeat"),
    /**
     * After a rejection the leader backs up one full batch below the follower's hint (a leader that does
     * not refine the hint by conflict term), so the follower is sent entries it already holds.
     */
    SLOW_BACKTRACK("slow-backtrack");

    private final String pointName;

    FaultPoint(String pointName) {
        this.pointName = pointName;
    }

    /** The kebab-case name used in reports and run records. */
    public String pointName() {
        return pointName;
    }
}
