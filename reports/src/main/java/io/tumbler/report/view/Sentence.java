package io.tumbler.report.view;

import java.util.List;
import java.util.Optional;

/** The plain-words account of a linearizability counterexample: what cannot follow what, and when. */
final class Sentence {
  private Sentence() {}

  static String of(HistoryOp failing, Optional<HistoryOp> previous, List<String> states, String explanation) {
    StringBuilder b = new StringBuilder();
    b.append(failing.describe()).append(" by process ").append(failing.process());
    b.append(" (invoked at ").append(OpWords.seconds(failing.invokeNanos()));
    if (failing.completeNanos() >= 0) {
      b.append(", returned at ").append(OpWords.seconds(failing.completeNanos()));
    }
    b.append(")");
    if (previous.isPresent()) {
      HistoryOp p = previous.get();
      boolean before = p.completeNanos() <= failing.invokeNanos();
      b.append(" cannot follow ").append(p.describe()).append(" by process ").append(p.process())
          .append(", completed at ").append(OpWords.seconds(p.completeNanos()))
          .append(before ? ", before the " + failing.f() + " was even invoked" : ", while it was in flight");
    } else {
      b.append(" cannot be placed in any order consistent with real time");
    }
    b.append(". ");
    if (!states.isEmpty()) {
      b.append("Every valid ordering of the operations before it leaves the model in ")
          .append(states.size() == 1 ? "state " + states.get(0) : "one of the states " + String.join(", ", states))
          .append(", and from there it could not have returned what it did.");
    } else if (!explanation.isEmpty()) {
      b.append("The checker says: ").append(explanation).append('.');
    }
    return b.toString();
  }
}
