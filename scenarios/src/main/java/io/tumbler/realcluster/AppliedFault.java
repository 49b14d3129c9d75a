package io.tumbler.realcluster;

/**
 * A fault or heal as it was applied to the real cluster.
 *
 * @param timeNanos when, in nanoseconds since the workload started (the history's clock)
 * @param fault the fault's or heal's label (see {@link NemesisFault})
 * @param applied what was done, with what the harness learned (a pid, a failure)
 */
record AppliedFault(long timeNanos, String fault, String applied) {}
