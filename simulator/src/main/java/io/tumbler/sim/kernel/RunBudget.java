package io.tumbler.sim.kernel;

/**
 * Limits for one run, so that a livelocked or runaway scenario ends with a {@link RunOutcome} naming its seed
 * instead of hanging a campaign.
 *
 * @param maxEvents    live events the run may execute (stale events are not counted)
 * @param maxTimeNanos latest simulated instant at which an event may run
 */
public record RunBudget(long maxEvents, long maxTimeNanos) {
    /** Validates the limits. */
    public RunBudget {
        if (maxEvents <= 0 || maxTimeNanos <= 0) {
            throw new IllegalArgumentException("budgets must be positive: maxEvents=" + maxEvents
                    + ", maxTimeNanos=" + maxTimeNanos);
        }
    }

    /** A budget of {@code maxEvents} events and {@code maxSeconds} simulated seconds. */
    public static RunBudget of(long maxEvents, long maxSeconds) {
        return new RunBudget(maxEvents, Math.multiplyExact(maxSeconds, 1_000_000_000L));
    }

    /** A budget generous enough never to bind in ordinary tests: 2^40 events, one simulated year. */
    public static RunBudget generous() {
        return new RunBudget(1L << 40, 365L * 24 * 3600 * 1_000_000_000L);
    }
}
