package io.tumbler.report.render;

import io.tumbler.report.view.Counterexample;
import io.tumbler.report.view.RunView;
import java.util.Set;
import java.util.TreeSet;

/** The operations a timeline outlines: each counterexample's failing operation and the last ok before it. */
final class TimelineMarks {
  private TimelineMarks() {}

  static Set<Long> of(RunView view) {
    Set<Long> marked = new TreeSet<>();
    for (Counterexample c : view.counterexamples()) {
      marked.add(c.failing().invokeIndex());
      c.previousOk().ifPresent(p -> marked.add(p.invokeIndex()));
    }
    return marked;
  }
}
