package io.tumbler.report.render;

import io.tumbler.report.view.CheckRow;
import io.tumbler.report.view.LogExcerpt;
import io.tumbler.report.view.RunView;
import io.tumbler.report.view.SafetyProperties;
import io.tumbler.runformat.SafetyFinding;
import java.util.ArrayList;
import java.util.List;

/** The paragraph at the top of a run report: what happened, in words, for someone who has never seen Tumbler. */
public final class Story {
  private Story() {}

  /** The paragraph for {@code view}. */
  public static String of(RunView view) {
    List<String> parts = new ArrayList<>();
    for (CheckRow c : view.checks()) {
      if (c.failed()) {
        parts.add(failure(c, view));
      }
    }
    String outcome = view.header().outcome();
    if (parts.isEmpty()) {
      return passed(view, outcome);
    }
    String lead = "UNKNOWN".equals(outcome) ? "The run's outcome is unknown (run.json is missing), but checks failed. "
        : "This run failed. ";
    return lead + String.join(" ", parts);
  }

  private static String passed(RunView view, String outcome) {
    if ("UNKNOWN".equals(outcome)) {
      return "The run's outcome is unknown: run.json is missing and no check recorded a failure. "
          + "See the notes at the end for what the directory lacks.";
    }
    if (!"PASS".equals(outcome)) {
      return "This run's outcome is " + outcome + " (" + String.join(", ", view.header().violated()) + ").";
    }
    if (!view.counterexamples().isEmpty()) {
      return "Passed, as expected: this scenario exists to show that the checkers catch a violation, and the "
          + "linearizability checker caught it. " + view.counterexamples().get(0).sentence();
    }
    return "Every check passed (" + view.checks().size() + " checks over " + view.history().ops().size()
        + " operations and " + view.faults().size() + " fault windows).";
  }

  private static String failure(CheckRow c, RunView view) {
    if (c.check().equals("linearizability") && !view.counterexamples().isEmpty()) {
      return "The client history is not linearizable: " + view.counterexamples().get(0).sentence();
    }
    if (c.check().equals("raft-safety") && !view.safety().isEmpty()) {
      LogExcerpt x = view.safety().get(0);
      SafetyFinding f = x.finding();
      return "Raft safety was broken — " + SafetyProperties.explain(f) + " Nodes " + f.nodes() + ", term " + f.term()
          + ", index " + f.index() + ": " + f.detail() + " (journal event #" + f.eventNumber() + ")."
          + (view.safety().size() > 1 ? " " + (view.safety().size() - 1) + " more violation(s) below." : "");
    }
    return "Check " + c.check() + " failed" + (c.details().isEmpty() ? "." : ": " + c.details().get(0)
        + (c.details().size() > 1 ? " (and " + (c.details().size() - 1) + " more)." : "."));
  }
}
