package io.tumbler.scenario.check;

import io.tumbler.raft.node.Observation.BecameLeader;
import io.tumbler.scenario.journal.HarnessEvent;
import io.tumbler.scenario.journal.HarnessEvent.VoteGranted;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link SafetyProperty#ELECTION_QUORUM}: a node becomes leader of term T only once a majority of the cluster,
 * itself included, has granted it a vote of term T (Raft §5.2). Counting a grant of an older term, a pre-vote,
 * or a tally one short for an even cluster size is caught at the election itself, before a second leader of
 * the same term ever appears (which is all Election Safety can see, and only when the timing produces one).
 *
 * <p>Grants are the {@link VoteGranted} the voters sent (a superset of what the candidate received, so a
 * correct candidate always has enough). The majority is of the voters of the candidate's configuration
 * ({@link NodeConfigurations}); the candidate counts itself only as one of them. A tally that reaches it only by
 * counting a learner or another non-voter is {@link SafetyProperty#CONFIGURATION_QUORUM}. Like the other wire
 * rules it judges only journals that record the wire.
 */
final class ElectionQuorumOracle implements JournalOracle {
  private final NodeConfigurations configurations;
  /** (candidate, term) -> the voters that sent it a grant of that term. */
  private final TreeMap<Integer, TreeMap<Long, TreeSet<Integer>>> grants = new TreeMap<>();
  private boolean wireRecorded;

  ElectionQuorumOracle(NodeConfigurations configurations) {
    this.configurations = configurations;
  }

  @Override
  public void observe(JournalEntry entry, ViolationSink sink) {
    Object event = entry.payload();
    wireRecorded |= event instanceof VoteGranted || event instanceof HarnessEvent.VoteRequested
        || event instanceof HarnessEvent.TermSeen || event instanceof HarnessEvent.AppendAcked;
    if (event instanceof VoteGranted e) {
      grants.computeIfAbsent(e.candidate(), k -> new TreeMap<>()).computeIfAbsent(e.term(), k -> new TreeSet<>())
          .add(e.node());
    } else if (event instanceof BecameLeader e && wireRecorded) {
      check(e, entry.timeNanos(), sink);
    }
  }

  private void check(BecameLeader e, long timeNanos, ViolationSink sink) {
    TreeSet<Integer> voters = new TreeSet<>(grants.getOrDefault(e.node(), new TreeMap<>())
        .getOrDefault(e.term(), new TreeSet<>()));
    voters.add(e.node()); // a candidate votes for itself
    NodeConfigurations.Shortfall shortfall = NodeConfigurations.shortfall(
        configurations.atInstant(e.node(), timeNanos), voters, SafetyProperty.ELECTION_QUORUM);
    if (shortfall != null) {
      NodeConfigurations.Config config = shortfall.config();
      sink.report(shortfall.property(), List.of(e.node()), e.term(), 0, "node " + e.node() + " became leader of term " + e.term()
          + " with votes of that term from " + voters + " only: " + config.votersAmong(voters) + " of the "
          + config.voters().size() + " voters of its configuration " + config + ", a majority is " + config.majority());
    }
  }
}
