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
      if (takesNewId(timed.fault())) {
        ids++;
      }
      if (problem != null) {
        problems.add("fault #" + (i + 1) + " (at " + timed.atMillis() + " ms: " + timed.fault().describe() + "): " + problem);
      }
    }
    return problems;
  }

  /** True for the faults that bring in a host under the next unused id. */
  public static boolean takesNewId(Fault fault) {
    return fault instanceof Fault.AddNode || fault instanceof Fault.ReplaceNode || fault instanceof Fault.JoinNode
        || fault instanceof Fault.Rejoin || fault instanceof Fault.RejoinWithBadSecret;
  }

  /**
   * What is wrong with {@code fault} on a cluster whose ids so far are 1..{@code nodes} (the bootstrap nodes and
   * those added before it), or null.
   */
  static String problem(Fault fault, int nodes) {
    for (int node : nodesNamed(fault)) {
      if (node < 1 || node > nodes) {
        return "node " + node + " is not in the cluster (nodes 1.." + nodes + ")";
      }
    }
    return quantityProblem(fault);
  }

  /** The node ids {@code fault} names; a leader-targeted fault names none (except a transfer's target). */
  private static List<Integer> nodesNamed(Fault fault) {
    if (fault instanceof Fault.Partition p) {
      return p.groups().stream().flatMap(List::stream).toList();
    }
    if (fault instanceof Fault.OneWay w) {
      return List.of(w.from(), w.to());
    }
    if (fault instanceof Fault.TransferLeader t) {
      return t.to() == 0 ? List.of() : List.of(t.to()); // 0: the leader's successor
    }
    Integer node = singleNode(fault);
    return node == null ? List.of() : List.of(node);
  }

  private static Integer singleNode(Fault fault) {
    if (fault instanceof Fault.Crash f) {
      return f.node();
    } else if (fault instanceof Fault.Restart f) {
      return f.node();
    } else if (fault instanceof Fault.Pause f) {
      return f.node();
    } else if (fault instanceof Fault.Wipe f) {
      return f.node();
    } else if (fault instanceof Fault.ClockSkew f) {
      return f.node();
    } else if (fault instanceof Fault.ClockJump f) {
      return f.node();
    } else if (fault instanceof Fault.ClockDrift f) {
      return f.node();
    } else if (fault instanceof Fault.Clog f) {
      return f.node();
    } else if (fault instanceof Fault.Unclog f) {
      return f.node();
    } else if (fault instanceof Fault.TornWrite f) {
      return f.node();
    } else if (fault instanceof Fault.BitFlip f) {
      return f.node();
    } else if (fault instanceof Fault.SyncFail f) {
      return f.node();
    } else if (fault instanceof Fault.RemoveNode f) {
      return f.node();
    } else if (fault instanceof Fault.ReplaceNode f) {
      return f.node();
    } else if (fault instanceof Fault.Rejoin f) {
      return f.node();
    }
    return null;
  }

  private static String quantityProblem(Fault fault) {
    if (fault instanceof Fault.Pause p && p.durationNanos() < 0) {
      return "a pause cannot last a negative time (" + p.durationNanos() + " ns)";
    }
    if (fault instanceof Fault.Loss l && !(l.rate() >= 0 && l.rate() <= 1)) {
      return "a loss rate is a fraction in [0, 1], got " + l.rate();
    }
    if (fault instanceof Fault.Duplicate d && !(d.rate() >= 0 && d.rate() <= 1)) {
      return "a duplication rate is a fraction in [0, 1], got " + d.rate();
    }
    if (fault instanceof Fault.Delay d && !(d.minMicros() >= 0 && d.minMicros() <= d.maxMicros())) {
      return "a delay needs 0 <= minMicros <= maxMicros, got " + d.minMicros() + ".." + d.maxMicros();
    }
    return null;
  }
}
