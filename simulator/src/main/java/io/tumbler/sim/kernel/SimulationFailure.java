package io.tumbler.sim.kernel;

/**
 * An event threw: a broken invariant or a bug in simulated code. The message names the seed, the simulated
 * time and the event, so the one-line reproduction is in the failure itself. The simulation cannot continue.
 */
public final class SimulationFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long seed;
    private final long timeNanos;

    /** A failure of the run with {@code seed} at {@code timeNanos}, caused by {@code cause}. */
    public SimulationFailure(long seed, long timeNanos, String what, Throwable cause) {
        super(what + " failed at t=" + timeNanos + "ns (seed " + seed + "): " + cause, cause);
        this.seed = seed;
        this.timeNanos = timeNanos;
    }

    /** The run's root seed. */
    public long seed() {
        return seed;
    }

    /** Simulated time of the failing event. */
    public long timeNanos() {
        return timeNanos;
    }
}
