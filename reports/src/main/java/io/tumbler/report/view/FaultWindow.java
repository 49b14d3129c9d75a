package io.tumbler.report.view;

/**
 * A span of simulated time during which one fault was in force: from when it was applied to when its heal
 * was applied (or the end of the run, {@code healed == false}). A one-off fault has {@code start == end}.
 *
 * @param startNanos when the fault was applied
 * @param endNanos when it was healed, or the run's end
 * @param label what was done, with the resolved target (e.g. "isolate the leader (n1)")
 * @param kind which heal closes it
 * @param key the thing it disturbs ("network", "n3"), matched against heals
 * @param healed whether a heal was recorded
 */
public record FaultWindow(long startNanos, long endNanos, String label, FaultKind kind, String key, boolean healed) {
  public FaultWindow {
    assert endNanos >= startNanos : "a fault window ends before it starts: " + label;
  }
}
