package io.tumbler.sim.kernel;

/**
 * An event threw: a broken invariant or a bug in simulated code. The message names the seed, the simulated
 * time and the event, so the one-line reproduction is in the failure itself. The simulation cannot continue.
 */
public final class SimulationFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long seed;
    private final long timeNanos;
    private final long eventNumber;
    private final int process;

    /** A failure of the run with {@code seed} at {@code timeNanos}, caused by {@code cause}; event and process unknown. */
    public SimulationFailure(long seed, long timeNanos, String what, Throwable cause) {
        this(seed, timeNanos, what, cause, 0, Simulation.NO_PROCESS);
    }

    /**
     * A failure of event number {@code eventNumber} (1-based among the live events of the run) acting for
     * {@code process} ({@link Simulation#NO_PROCESS} if none).
     */
    public SimulationFailure(long seed, long timeNanos, String what, Throwable cause, long eventNumber, int process) {
        super(what + " failed at t=" + timeNanos + "ns (seed " + seed + "): " + cause, cause);
        this.seed = seed;
        this.timeNanos = timeNanos;
        this.eventNumber = eventNumber;
        this.process = process;
    }

    /** The failing event's number: it was the Nth live event of the run (0 when unknown). */
    public long eventNumber() {
        return eventNumber;
    }

    /** The process the failing event acted for, or {@link Simulation#NO_PROCESS}. */
    public int process() {
        return process;
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
