package io.tumbler.raft;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * ReadIndex requests waiting for leadership confirmation (dissertation §6.4). Each pending read
 * remembers the commit index when it arrived and the heartbeat round that will confirm it; reads
 * that arrive before the leader has committed an entry of its own term are deferred, because until
 * then the leader's commit index may lag what earlier leaders committed.
 */
final class ReadOnlyQueue {
    private record PendingRead(long requestId, long readIndex, long round) {
    }

    private final ArrayDeque<PendingRead> pending = new ArrayDeque<>();
    private final List<Long> deferred = new ArrayList<>();

    void add(long requestId, long readIndex, long round) {
        PendingRead last = pending.peekLast();
        if (last != null && last.round() > round) {
            throw new IllegalStateException("read rounds must not decrease: " + round + " after " + last.round());
        }
        pending.addLast(new PendingRead(requestId, readIndex, round));
    }

    void defer(long requestId) {
        deferred.add(requestId);
    }

    /** The deferred requests, in arrival order; the queue forgets them. */
    List<Long> takeDeferred() {
        List<Long> out = new ArrayList<>(deferred);
        deferred.clear();
        return out;
    }

    /** Reads confirmed by round {@code confirmedRound}, in arrival order. */
    List<ReadState> release(long confirmedRound) {
        List<ReadState> out = new ArrayList<>();
        while (!pending.isEmpty() && pending.peekFirst().round() <= confirmedRound) {
            PendingRead read = pending.removeFirst();
            out.add(new ReadState(read.requestId(), read.readIndex()));
        }
        return out;
    }

    int size() {
        return pending.size() + deferred.size();
    }

    void reset() {
        pending.clear();
        deferred.clear();
    }
}
