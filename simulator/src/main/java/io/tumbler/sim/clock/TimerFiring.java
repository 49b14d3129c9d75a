package io.tumbler.sim.clock;

import io.tumbler.sim.kernel.Event;

/**
 * One queue entry for a timer. A jump or drift change re-schedules a timer with a new generation; entries of
 * older generations, and entries of fired or cancelled timers, are stale and do nothing.
 */
final class TimerFiring implements Event {
    private final SimClock clock;
    private final Timer timer;
    private final long generation;

    TimerFiring(SimClock clock, Timer timer, long generation) {
        this.clock = clock;
        this.timer = timer;
        this.generation = generation;
    }

    @Override
    public boolean fire() {
        if (!timer.pending || timer.generation != generation) {
            return false;
        }
        return clock.fire(timer, this);
    }

    @Override
    public String toString() {
        return "fire " + timer + " of process " + clock.process();
    }
}
