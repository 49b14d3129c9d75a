package io.tumbler.report.render;

import io.tumbler.report.view.FaultWindow;
import io.tumbler.report.view.HistoryOp;
import io.tumbler.report.view.LeaderTerm;
import java.util.List;
import java.util.Set;

/**
 * What one timeline drawing shows.
 *
 * @param id the SVG element's id (unique in the page)
 * @param ops the operations to draw
 * @param processes the lanes, top to bottom
 * @param faults fault windows to shade
 * @param leaders leadership changes to mark
 * @param startNanos left edge, simulated time
 * @param endNanos right edge, simulated time
 * @param highlighted invocation indexes of operations to outline (a counterexample's)
 */
public record TimelineSpec(
    String id, List<HistoryOp> ops, List<String> processes, List<FaultWindow> faults, List<LeaderTerm> leaders,
    long startNanos, long endNanos, Set<Long> highlighted) {

  public TimelineSpec {
    ops = List.copyOf(ops);
    processes = List.copyOf(processes);
    faults = List.copyOf(faults);
    leaders = List.copyOf(leaders);
    highlighted = Set.copyOf(highlighted);
    if (endNanos <= startNanos) {
      endNanos = startNanos + 1_000_000;
    }
  }
}
