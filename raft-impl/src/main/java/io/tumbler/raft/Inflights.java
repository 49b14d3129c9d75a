package io.tumbler.raft;

/**
 * The bounded pipeline of appends sent to one follower and not yet acknowledged, as the last index
 * of each, oldest first (etcd's {@code Inflights}). A ring buffer: no allocation per message.
 */
final class Inflights {
    private final long[] lastIndexes;
    private int start;
    private int count;

    Inflights(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("inflight capacity must be positive, got " + capacity);
        }
        this.lastIndexes = new long[capacity];
    }

    boolean full() {
        return count == lastIndexes.length;
    }

    int count() {
        return count;
    }

    /** Records an append ending at {@code lastIndex}; appends are sent in increasing index order. */
    void add(long lastIndex) {
        if (full()) {
            throw new IllegalStateException("inflight pipeline overflow (capacity " + lastIndexes.length + ")");
        }
        if (count > 0 && lastIndex <= lastIndexes[(start + count - 1) % lastIndexes.length]) {
            throw new IllegalStateException("inflight appends must increase, got " + lastIndex);
        }
        lastIndexes[(start + count) % lastIndexes.length] = lastIndex;
        count++;
    }

    /** Frees every append ending at or before {@code index}: the follower acknowledged up to it. */
    void freeUpTo(long index) {
        while (count > 0 && lastIndexes[start] <= index) {
            start = (start + 1) % lastIndexes.length;
            count--;
        }
    }

    /** Frees the oldest append, so a follower that is alive but lost an ack can be sent to again. */
    void freeFirst() {
        if (count > 0) {
            start = (start + 1) % lastIndexes.length;
            count--;
        }
    }

    void reset() {
        start = 0;
        count = 0;
    }
}
