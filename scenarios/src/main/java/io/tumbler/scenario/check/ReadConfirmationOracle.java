package io.tumbler.scenario.check;

import io.tumbler.scenario.journal.JournalEvent;
import io.tumbler.scenario.journal.JournalEvent.ReadAnswered;
import io.tumbler.scenario.journal.JournalEvent.Recovered;
import java.util.List;
import java.util.TreeSet;

/**
 * {@link SafetyProperty#READ_INDEX_CONFIRMED}: a ReadIndex read is answered only once a majority of the cluster,
 * the leader included, has answered a heartbeat round the leader sent after the read arrived (dissertation §6.4
 * step 3). A round that left before the read arrived proves leadership only up to that earlier moment: a
 * leader that lets a read ride it can answer after a newer leader acknowledged a write, and the stale answer is
 * seen here whether or not any client ever notices.
 *
 * <p>The confirming followers are what the wire showed the harness ({@link ReadAnswered#confirmedBy()}); a
 * journal that does not record them (older journals, lease reads) is not judged. The cluster is every node that
 * started.
 */
final class ReadConfirmationOracle {
  private final TreeSet<Integer> members = new TreeSet<>();

  void observe(JournalEvent event, ViolationSink sink) {
    if (event instanceof Recovered e) {
      members.add(e.node());
    } else if (event instanceof ReadAnswered e && e.confirmedBy() != null) {
      check(e, sink);
    }
  }

  private void check(ReadAnswered e, ViolationSink sink) {
    TreeSet<Integer> confirmed = new TreeSet<>(e.confirmedBy());
    confirmed.add(e.node());
    int majority = members.size() / 2 + 1;
    if (confirmed.size() >= majority) {
      return;
    }
    sink.report(SafetyProperty.READ_INDEX_CONFIRMED, List.of(e.node()), 0, 0, String.format(
        "node %d answered a read that arrived at t=%.6fs confirmed by %s only: %d of %d nodes answered a heartbeat "
            + "round sent since, a majority is %d", e.node(), e.arrivalNanos() / 1e9, confirmed, confirmed.size(),
        members.size(), majority));
  }
}
