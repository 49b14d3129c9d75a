package io.tumbler.fault;

import java.util.List;

/**
 * A schedule that does not fit the cluster it is given to: a fault naming a node the cluster does not have,
 * a negative duration, a rate outside [0, 1]. Raised before the run starts (see {@link ScheduleCheck}), so
 * a hand-edited schedule.json is refused as bad input instead of being applied and blamed on
 * non-determinism.
 */
public final class InvalidScheduleException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public InvalidScheduleException(List<String> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, one per offending fault, in schedule order. */
  public List<String> problems() {
    return problems;
  }

  private static String summary(List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid schedule has at least one problem");
    }
    return problems.get(0) + (problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more)");
  }
}
