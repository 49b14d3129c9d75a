package io.tumbler.sim.kernel;

import java.util.Arrays;

/**
 * A min-priority queue of events ordered by (time, insertion sequence): among events due at the same instant,
 * the one added first comes out first. This tie-break is what makes a run reproducible.
 *
 * <p>A 4-ary implicit heap over parallel primitive arrays: no boxing, no per-entry node object, and a
 * shallower tree than a binary heap (fewer cache misses on sift-down, which dominates). Cancellation is left
 * to the events themselves (see {@link Event#fire()}); the queue only adds and polls. Differentially tested
 * against {@link java.util.PriorityQueue}.
 */
public final class EventQueue {
    private static final int ARITY_SHIFT = 2; // 4 children per node
    private long[] times;
    private long[] sequences;
    private Object[] events;
    private int size;
    private long nextSequence;

    /** An empty queue with room for {@code initialCapacity} events before it grows. */
    public EventQueue(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        times = new long[capacity];
        sequences = new long[capacity];
        events = new Object[capacity];
    }

    /** Number of queued events. */
    public int size() {
        return size;
    }

    /** Whether nothing is queued. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** How many events were ever added; the next event gets this sequence number. */
    public long addedCount() {
        return nextSequence;
    }

    /** Queues {@code event} at {@code timeNanos}, after every event already queued for the same time. */
    public void add(long timeNanos, Object event) {
        if (event == null) {
            throw new IllegalArgumentException("event must not be null");
        }
        if (size == times.length) {
            grow();
        }
        siftUp(size, timeNanos, nextSequence++, event);
        size++;
    }

    /** The time of the earliest event; the queue must not be empty. */
    public long peekTime() {
        if (size == 0) {
            throw new IllegalStateException("peekTime on an empty event queue");
        }
        return times[0];
    }

    /** Removes and returns the earliest event (lowest time, then lowest sequence); must not be empty. */
    public Object poll() {
        if (size == 0) {
            throw new IllegalStateException("poll on an empty event queue");
        }
        Object first = events[0];
        int last = --size;
        long time = times[last];
        long sequence = sequences[last];
        Object event = events[last];
        events[last] = null;
        if (last > 0) {
            siftDown(time, sequence, event);
        } else {
            events[0] = null;
        }
        return first;
    }

    private void siftUp(int hole, long time, long sequence, Object event) {
        while (hole > 0) {
            int parent = (hole - 1) >>> ARITY_SHIFT;
            long parentTime = times[parent];
            if (parentTime < time || (parentTime == time && sequences[parent] < sequence)) {
                break;
            }
            move(parent, hole);
            hole = parent;
        }
        place(hole, time, sequence, event);
    }

    private void siftDown(long time, long sequence, Object event) {
        int hole = 0;
        while (true) {
            int child = (hole << ARITY_SHIFT) + 1;
            if (child >= size) {
                break;
            }
            int best = smallestChild(child, Math.min(child + 4, size));
            long bestTime = times[best];
            if (time < bestTime || (time == bestTime && sequence < sequences[best])) {
                break;
            }
            move(best, hole);
            hole = best;
        }
        place(hole, time, sequence, event);
    }

    private int smallestChild(int from, int to) {
        int best = from;
        long bestTime = times[from];
        long bestSequence = sequences[from];
        for (int i = from + 1; i < to; i++) {
            long t = times[i];
            if (t < bestTime || (t == bestTime && sequences[i] < bestSequence)) {
                best = i;
                bestTime = t;
                bestSequence = sequences[i];
            }
        }
        return best;
    }

    private void move(int from, int to) {
        times[to] = times[from];
        sequences[to] = sequences[from];
        events[to] = events[from];
    }

    private void place(int index, long time, long sequence, Object event) {
        times[index] = time;
        sequences[index] = sequence;
        events[index] = event;
    }

    private void grow() {
        int capacity = times.length * 2;
        times = Arrays.copyOf(times, capacity);
        sequences = Arrays.copyOf(sequences, capacity);
        events = Arrays.copyOf(events, capacity);
    }
}
