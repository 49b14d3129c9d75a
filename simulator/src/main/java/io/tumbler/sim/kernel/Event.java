package io.tumbler.sim.kernel;

/**
 * Something scheduled to happen at a simulated instant. Implementations record their own trace record.
 *
 * <p>Contract: {@link #fire()} runs on the simulation thread with {@link Simulation#nowNanos()} equal to the
 * scheduled time. It returns {@code false} when the event turned out to be stale (a cancelled or re-scheduled
 * timer): stale events change nothing, record nothing, and are not counted against the event budget.
 * Anything thrown ends the run with a {@link SimulationFailure} naming the seed.
 */
@FunctionalInterface
public interface Event {
    /** Performs the event; returns false if it was stale and did nothing. */
    boolean fire();
}
