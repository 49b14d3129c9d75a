package io.tumbler.lin.counterexample;

import java.util.List;

/**
 * One way the search's best configurations try to reach the failing call (Knossos's {@code
 * :final-paths} element): the last call linearized and its state, then zero or more calls that were
 * pending at the failing call's completion, then the failing call itself, which is illegal there.
 *
 * @param steps the steps, in order; the last one is illegal
 */
public record FinalPath(List<PathStep> steps) {
  public FinalPath {
    steps = List.copyOf(steps);
    if (steps.isEmpty() || steps.get(steps.size() - 1).legal()) {
      throw new IllegalArgumentException("a final path ends with an illegal step");
    }
  }
}
