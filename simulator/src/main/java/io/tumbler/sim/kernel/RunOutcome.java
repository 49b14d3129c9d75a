package io.tumbler.sim.kernel;

/** How a call to one of the {@code Simulation.runUntil...} methods ended. */
public enum RunOutcome {
    /** The requested simulated time was reached; the clock now reads exactly that time. */
    REACHED_TIME,
    /** The stop predicate became true (checked before every event). */
    PREDICATE_SATISFIED,
    /** The queue ran empty. */
    IDLE,
    /** The run's event budget is spent; the run must end and be reported with its seed. */
    EVENT_BUDGET_EXCEEDED,
    /** The next event lies beyond the run's simulated-time budget; the run must end and be reported. */
    TIME_BUDGET_EXCEEDED;

    /** Whether this outcome means a budget ran out (a harness failure to report, never to retry silently). */
    public boolean isBudgetExceeded() {
        return this == EVENT_BUDGET_EXCEEDED || this == TIME_BUDGET_EXCEEDED;
    }
}
