package io.tumbler.report.view;

import io.tumbler.runformat.JournalEvent;
import io.tumbler.runformat.JournalLine;
import java.util.ArrayList;
import java.util.List;

/**
 * A node became leader of a term (the journal's {@code BecameLeader} observation).
 *
 * @param timeNanos when, in simulated time
 * @param node which node
 * @param term of which term
 */
public record LeaderTerm(long timeNanos, int node, long term) {

  /** Every leadership change in the journal, in journal order. */
  public static List<LeaderTerm> of(List<JournalLine> journal) {
    List<LeaderTerm> out = new ArrayList<>();
    for (JournalLine e : journal) {
      if (e.typed() instanceof JournalEvent.BecameLeader b) {
        out.add(new LeaderTerm(e.timeNanos(), b.node(), b.term()));
      }
    }
    return out;
  }
}
