package io.tumbler.scenario.check;

import io.tumbler.scenario.journal.JournalEntry;
import java.util.List;

/**
 * A broken safety property, with where it was detected: the nodes involved, the term and index it
 * concerns (0 when not applicable), the journal event that revealed it and that event's ordinal number
 * in the journal (0-based), so a report can show the events around it.
 */
public record SafetyViolation(
    SafetyProperty property,
    List<Integer> nodes,
    long term,
    long index,
    String detail,
    long eventNumber,
    JournalEntry event) {

  public SafetyViolation {
    nodes = List.copyOf(nodes);
  }

  /** One line for logs and summaries. */
  public String describe() {
    return property + " nodes=" + nodes + " term=" + term + " index=" + index + " at journal event #"
        + eventNumber + ": " + detail;
  }
}
