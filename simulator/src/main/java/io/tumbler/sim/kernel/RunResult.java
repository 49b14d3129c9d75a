package io.tumbler.sim.kernel;

import io.tumbler.sim.trace.Fingerprint;
import java.util.Locale;

/**
 * What a {@code runUntil...} call returns: the outcome and the state of the run at that point.
 *
 * @param outcome        how the call ended
 * @param seed           the run's root seed (always printed with a budget failure so it can be replayed)
 * @param nowNanos       simulated time when the call returned
 * @param eventsExecuted live events executed since the simulation began
 * @param fingerprint    rolling trace fingerprint at that point
 * @param budget         the run's budget
 */
public record RunResult(RunOutcome outcome, long seed, long nowNanos, long eventsExecuted, long fingerprint,
                        RunBudget budget) {

    /** One line for logs and failure reports; names the seed for budget outcomes. */
    public String message() {
        String where = " at t=" + formatSeconds(nowNanos) + " after " + eventsExecuted + " events, fingerprint "
                + Fingerprint.hex(fingerprint) + " (seed " + seed + ")";
        switch (outcome) {
            case EVENT_BUDGET_EXCEEDED:
                return "event budget of " + budget.maxEvents() + " events exceeded" + where;
            case TIME_BUDGET_EXCEEDED:
                return "simulated-time budget of " + formatSeconds(budget.maxTimeNanos()) + " exceeded" + where;
            default:
                return outcome.name().toLowerCase(Locale.ROOT) + where;
        }
    }

    private static String formatSeconds(long nanos) {
        return String.format(Locale.ROOT, "%.9fs", nanos / 1e9);
    }
}
