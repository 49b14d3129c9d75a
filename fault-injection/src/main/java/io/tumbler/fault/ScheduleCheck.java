package io.tumbler.fault;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a {@link Schedule} fits a cluster of {@code nodes} nodes (ids 1..nodes): every node a fault names
 * exists, durations are not negative, rates are fractions. Fault kinds and firing times are already checked
 * when a schedule is read ({@link Schedule#fromJson}, {@link TimedFault}); this is what only the cluster can
 * tell. Pure: the same schedule and size always give the same problems.
 */
public final class ScheduleCheck {
  private ScheduleCheck() {}

  /** Throws {@link InvalidScheduleException} listing every fault that does not fit; returns if all do. */
  public static void requireFits(Schedule schedule, int nodes) {
    List<String> problems = problems(schedule, nodes);
    if (!problems.isEmpty()) {
      throw new InvalidScheduleException(problems);
    }
  }

  /**
   * One line per fault that does not fit, in schedule order, naming it by position (1-based, in firing
   * order), time and description: {@code fault #4 (at 700 ms: crash n9): node 9 is not in the cluster (nodes 1..5)}.
   */
  public static List<String> problems(Schedule schedule, int nodes) {
    List<String> problems = new ArrayList<>();
    int ids = nodes; // hosts added by earlier faults take the next ids
    for (int i = 0; i < schedule.faults().size(); i++) {
      TimedFault timed = schedule.faults().get(i);
      String problem = problem(timed.fault(), ids);
      if (timed.fault().takesNewId()) {
        ids++;
      }
      if (problem != null) {
        problems.add("fault #" + (i + 1) + " (at " + timed.atMillis() + " ms: " + timed.fault().describe() + "): " + problem);
      }
    }
    return problems;
  }

  /**
   * What is wrong with {@code fault} on a cluster whose ids so far are 1..{@code nodes} (the bootstrap nodes and
   * those added before it), or null.
   */
  static String problem(Fault fault, int nodes) {
    for (int node : fault.nodesNamed()) {
      if (node < 1 || node > nodes) {
        return "node " + node + " is not in the cluster (nodes 1.." + nodes + ")";
      }
    }
    return fault.problem();
  }
}
