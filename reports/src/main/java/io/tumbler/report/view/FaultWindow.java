package io.tumbler.report.view;

import io.tumbler.runformat.AppliedFault;
import java.util.List;

/**
 * A span of simulated time during which one fault was in force: from when it was applied to when its heal
 * was applied (or the end of the run, {@code healed == false}). A one-off fault has {@code start == end}.
 *
 * @param startNanos when the fault was applied
 * @param endNanos when it was healed, or the run's end
 * @param label what was done, with the resolved target (e.g. "isolate the leader (n1)"), for display
 * @param kind which heal closes it
 * @param key the thing it disturbs ("network", "n3"), matched against heals
 * @param healed whether a heal was recorded
 * @param fault the applied fault that opened the window, as data (its type, schedule fields, resolved nodes)
 */
public record FaultWindow(long startNanos, long endNanos, String label, FaultKind kind, String key, boolean healed,
    AppliedFault fault) {
  public FaultWindow {
    assert endNanos >= startNanos : "a fault window ends before it starts: " + label;
  }

  /** A window known only by its label (no type, no schedule fields, no resolved nodes): drawn as text. */
  public FaultWindow(long startNanos, long endNanos, String label, FaultKind kind, String key, boolean healed) {
    this(startNanos, endNanos, label, kind, key, healed,
        new AppliedFault(startNanos, label, label, "", "", 0, true, 0, null, List.of()));
  }
}
