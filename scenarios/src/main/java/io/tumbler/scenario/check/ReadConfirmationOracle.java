package io.tumbler.scenario.check;

import io.tumbler.scenario.journal.HarnessEvent.ReadAnswered;
import io.tumbler.scenario.journal.JournalEntry;
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
 * journal that does not record them (older journals, lease reads) is not judged. The majority is of the voters of
 * the leader's configuration ({@link NodeConfigurations}); counting a learner, or itself once removed, is {@link
 * SafetyProperty#CONFIGURATION_QUORUM}.
 */
final class ReadConfirmationOracle implements JournalOracle {
  private final NodeConfigurations configurations;

  ReadConfirmationOracle(NodeConfigurations configurations) {
    this.configurations = configurations;
  }

  @Override
  public void observe(JournalEntry entry, ViolationSink sink) {
    Object event = entry.payload();
    if (event instanceof ReadAnswered e && e.confirmedBy() != null) {
      check(e, sink);
    }
  }

  private void check(ReadAnswered e, ViolationSink sink) {
    TreeSet<Integer> confirmed = new TreeSet<>(e.confirmedBy());
    confirmed.add(e.node());
    NodeConfigurations.Shortfall shortfall = NodeConfigurations.shortfall(
        configurations.atInstant(e.node(), e.timeNanos()), confirmed, SafetyProperty.READ_INDEX_CONFIRMED);
    if (shortfall == null) {
      return;
    }
    NodeConfigurations.Config config = shortfall.config();
    sink.report(shortfall.property(), List.of(e.node()), 0, 0, String.format(
        "node %d answered a read that arrived at t=%.6fs confirmed by %s only: %d of the %d voters of %s answered a "
            + "heartbeat round sent since, a majority is %d", e.node(), e.arrivalNanos() / 1e9, confirmed,
        config.votersAmong(confirmed), config.voters().size(), config, config.majority()));
  }
}
