package io.tumbler.raft;

/**
 * The leader's view of one follower (etcd's {@code Progress}): what is known to match, what to send
 * next, and how fast to send it.
 *
 * <ul>
 *   <li>PROBE: one append at a time until the follower answers, then back off on rejection.</li>
 *   <li>REPLICATE: send optimistically, up to the {@link Inflights} bound, advancing {@code next}
 *       as soon as an append leaves.</li>
 *   <li>SNAPSHOT: a snapshot is on its way; nothing else is sent until it is acknowledged or
 *       presumed lost.</li>
 * </ul>
 * Invariant: {@code 0 <= match < next}.
 */
final class ReplicationProgress {
    private final Inflights inflights;
    private long match;
    private long next;
    private ProgressState state = ProgressState.PROBE;
    private boolean probeSent;
    private long pendingSnapshotIndex;
    private int snapshotElapsedTicks;
    private boolean recentActive;
    private long sentCommitIndex;

    ReplicationProgress(long next, int maxInflight) {
        this.next = next;
        this.inflights = new Inflights(maxInflight);
    }

    long match() {
        return match;
    }

    long next() {
        return next;
    }

    ProgressState state() {
        return state;
    }

    int inflightCount() {
        return inflights.count();
    }

    long pendingSnapshotIndex() {
        return pendingSnapshotIndex;
    }

    /** The highest commit index sent to this follower in an append or heartbeat. */
    long sentCommitIndex() {
        return sentCommitIndex;
    }

    void sentCommit(long commitIndex) {
        sentCommitIndex = Math.max(sentCommitIndex, commitIndex);
    }

    boolean recentActive() {
        return recentActive;
    }

    void setRecentActive(boolean active) {
        this.recentActive = active;
    }

    void becomeProbe() {
        next = state == ProgressState.SNAPSHOT ? Math.max(match + 1, pendingSnapshotIndex + 1) : match + 1;
        enter(ProgressState.PROBE);
    }

    void becomeReplicate() {
        next = match + 1;
        enter(ProgressState.REPLICATE);
    }

    void becomeSnapshot(long snapshotIndex) {
        enter(ProgressState.SNAPSHOT);
        pendingSnapshotIndex = snapshotIndex;
        snapshotElapsedTicks = 0;
    }

    /** A success acknowledgement up to {@code index}; true if it taught us something new. */
    boolean maybeUpdate(long index) {
        boolean updated = index > match;
        if (updated) {
            match = index;
            probeSent = false;
        }
        next = Math.max(next, index + 1);
        if (state == ProgressState.REPLICATE) {
            inflights.freeUpTo(index);
        }
        checkInvariant();
        return updated;
    }

    /**
     * A rejection of the append after {@code rejectedIndex}; {@code probeHint} is the highest index
     * that may still match. False if the rejection is stale (we already moved past it).
     */
    boolean maybeDecreaseTo(long rejectedIndex, long probeHint) {
        if (state == ProgressState.REPLICATE) {
            if (rejectedIndex <= match) {
                return false;
            }
            next = match + 1;
            return true;
        }
        if (next - 1 != rejectedIndex) {
            return false;
        }
        next = Math.max(Math.min(rejectedIndex, probeHint + 1), match + 1);
        probeSent = false;
        checkInvariant();
        return true;
    }

    /** Nothing may be sent now: PROBE waits for an answer, REPLICATE for room, SNAPSHOT for the snapshot. */
    boolean isPaused() {
        switch (state) {
            case PROBE:
                return probeSent;
            case REPLICATE:
                return inflights.full();
            default:
                return true;
        }
    }

    /** An append of entries ending at {@code lastIndex} (or an empty one if {@code count == 0}) left. */
    void sentAppend(int count, long lastIndex) {
        if (state == ProgressState.REPLICATE) {
            if (count > 0) {
                next = lastIndex + 1;
                inflights.add(lastIndex);
            }
        } else if (state == ProgressState.PROBE) {
            probeSent = true;
        } else {
            throw new IllegalStateException("sending an append to a follower awaiting a snapshot");
        }
    }

    /** The follower answered a heartbeat: it is alive, so a lost probe or ack must not stall it. */
    void heartbeatAnswered() {
        recentActive = true;
        probeSent = false;
        if (state == ProgressState.REPLICATE && inflights.full()) {
            inflights.freeFirst();
        }
    }

    /** Counts ticks in SNAPSHOT; true once a snapshot has been outstanding for {@code limitTicks}. */
    boolean snapshotOverdue(int limitTicks) {
        return state == ProgressState.SNAPSHOT && snapshotElapsedTicks >= limitTicks;
    }

    void tick() {
        if (state == ProgressState.SNAPSHOT) {
            snapshotElapsedTicks++;
        }
    }

    PeerStatus describe(int id) {
        return new PeerStatus(id, match, next, state, inflights.count());
    }

    private void enter(ProgressState newState) {
        state = newState;
        probeSent = false;
        pendingSnapshotIndex = 0;
        inflights.reset();
        checkInvariant();
    }

    private void checkInvariant() {
        if (match < 0 || next <= match) {
            throw new IllegalStateException("progress invariant 0 <= match < next broken: match=" + match + " next=" + next);
        }
    }
}
