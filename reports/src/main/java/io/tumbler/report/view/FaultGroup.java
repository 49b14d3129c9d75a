package io.tumbler.report.view;

import java.util.List;

/**
 * Every window of one fault applied to one target ("isolate the leader (n1)", "crash n3"): a nemesis that
 * fires the same fault hundreds of times reads as one row with a count and a strip of its occurrences, not
 * hundreds of rows.
 *
 * @param kind the fault kind (all windows share it)
 * @param label the fault with its resolved target, as applied
 * @param windows its windows, by start time; never empty
 */
public record FaultGroup(FaultKind kind, String label, List<FaultWindow> windows) {
  public FaultGroup {
    windows = List.copyOf(windows);
    assert !windows.isEmpty() : "a fault group without a window: " + label;
  }

  /** How many times the fault was applied. */
  public int count() {
    return windows.size();
  }

  /** The simulated time during which at least one of its windows was in force (overlaps counted once). */
  public long inForceNanos() {
    long total = 0;
    long coveredUntil = Long.MIN_VALUE;
    for (FaultWindow w : windows) {
      long from = Math.max(w.startNanos(), coveredUntil);
      if (w.endNanos() > from) {
        total += w.endNanos() - from;
      }
      coveredUntil = Math.max(coveredUntil, w.endNanos());
    }
    return total;
  }

  /** Whether any window was still open at the end of the run. */
  public boolean anyUnhealed() {
    return windows.stream().anyMatch(w -> !w.healed());
  }
}
