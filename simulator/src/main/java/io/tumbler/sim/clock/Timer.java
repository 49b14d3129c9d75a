package io.tumbler.sim.clock;

/**
 * A pending timer set on a {@link SimClock}: a handle for cancelling it. A timer fires at most once, when the
 * owning process's local clock reaches {@link #deadlineLocalNanos()}; a crash of its incarnation cancels it.
 * A {@linkplain #isMonotonic() monotonic} timer measures its delay on the clock's monotonic time instead: a
 * jump moves its local deadline along, so only drift changes when it fires.
 *
 * <p>Timers of one clock are kept in an intrusive list in creation order, so re-evaluating them after a jump
 * or drift change is deterministic and cancellation is O(1).
 */
public final class Timer {
    private final SimClock clock;
    private final long id;
    private final int incarnation;
    private long deadlineLocalNanos;
    private final boolean monotonic;
    private final TimerAction action;
    boolean pending = true;
    long generation;
    Timer previous;
    Timer next;

    Timer(SimClock clock, long id, int incarnation, long deadlineLocalNanos, boolean monotonic, TimerAction action) {
        this.clock = clock;
        this.id = id;
        this.incarnation = incarnation;
        this.deadlineLocalNanos = deadlineLocalNanos;
        this.monotonic = monotonic;
        this.action = action;
    }

    /** Sequential per clock, from 1; stable across runs with the same seed. */
    public long id() {
        return id;
    }

    /** The process incarnation that set it. */
    public int incarnation() {
        return incarnation;
    }

    /** The local-clock instant at which it fires. */
    public long deadlineLocalNanos() {
        return deadlineLocalNanos;
    }

    /** Whether its delay runs on monotonic time (unmoved by jumps of the local clock). */
    public boolean isMonotonic() {
        return monotonic;
    }

    /** A jump of the local clock by {@code deltaNanos}: a monotonic timer's deadline moves with it. */
    void shiftWithJump(long deltaNanos) {
        if (monotonic) {
            deadlineLocalNanos = Math.addExact(deadlineLocalNanos, deltaNanos);
        }
    }

    /** Whether it has neither fired nor been cancelled. */
    public boolean isPending() {
        return pending;
    }

    /** Cancels it; returns false if it had already fired or been cancelled (an expected, harmless outcome). */
    public boolean cancel() {
        return clock.cancel(this);
    }

    TimerAction action() {
        return action;
    }

    @Override
    public String toString() {
        return "timer#" + id + "@" + deadlineLocalNanos + (pending ? "" : " (done)");
    }
}
