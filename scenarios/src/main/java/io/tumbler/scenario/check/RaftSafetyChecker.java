package io.tumbler.scenario.check;

import io.tumbler.raft.node.Observation;
import io.tumbler.raft.node.Observation.Applied;
import io.tumbler.raft.node.Observation.ClientAcked;
import io.tumbler.raft.node.Observation.CommitAdvanced;
import io.tumbler.raft.node.Observation.EntriesAppended;
import io.tumbler.raft.node.Observation.EntriesTruncated;
import io.tumbler.raft.node.Observation.HardStateSynced;
import io.tumbler.raft.node.Observation.Recovered;
import io.tumbler.raft.node.Observation.SnapshotInstalled;
import io.tumbler.raft.node.Observation.Voted;
import io.tumbler.scenario.journal.HarnessEvent.Crashed;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks the Raft safety properties online, one journal event at a time, from the journal alone.
 *
 * <p>Feed every event in journal order to {@link #observe}; call {@link #finish} once at the end of
 * the run for the properties that need the final state (acknowledged writes). The checker keeps its
 * own picture of each node's log ({@link NodeLogView}) and of the cluster's committed and applied logs,
 * so it runs the same over a live simulation and over a saved {@code journal.jsonl}. Violations are
 * values; the first one of each property is usually the interesting one, but all are kept (bounded).
 *
 * <p>Beyond the paper's properties, oracles judge what the harness saw on the wire against the same picture:
 * {@link ElectionQuorumOracle} (a leader has a majority of votes of its term), {@link AckMatchOracle} (an
 * acknowledgement names entries the leader holds), {@link TermOracle} (terms), {@link DurabilityOracle} (votes
 * and acknowledgements durable before they leave,
 * the vote's log check), {@link CommitRuleOracle} (Figure 8), {@link ReadFreshnessOracle} (reads against
 * the acknowledged writes), {@link ReadAppliedOracle} (reads against what the node had applied),
 * {@link ReadConfirmationOracle} (ReadIndex reads against the heartbeat rounds the wire showed),
 * {@link LeaseOracle} (no lease read once a later term has a leader) and
 * {@link ElectionTimerOracle} (no campaign before an election timeout since the last timer reset, in
 * harness-counted ticks), {@link TransferVoteOracle} (a transfer-flagged vote request follows a TimeoutNow) and
 * {@link ConfigurationOracle} (configurations agree and change one safe step at a time), each a {@link JournalOracle}. The quorum oracles count the voters of each node's configuration ({@link NodeConfigurations}). They read the logs this checker keeps, after it has folded in each event.
 *
 * <p>Not thread-safe; deterministic (no iteration over hashed collections).
 */
public final class RaftSafetyChecker {
  private static final int MAX_VIOLATIONS = 100;

  private final TreeMap<Integer, NodeState> nodes = new TreeMap<>();
  private final TreeMap<Long, Integer> leaderByTerm = new TreeMap<>();
  private final Map<VoteKey, Integer> votes = new HashMap<>();
  private final Map<EntryKey, PrefixOwner> prefixByEntry = new HashMap<>();
  private final IndexedEntries committed = new IndexedEntries();
  private final IndexedEntries applied = new IndexedEntries();
  private final List<ClientAcked> acks = new ArrayList<>();
  private final List<SafetyViolation> violations = new ArrayList<>();
  private long eventNumber = -1;
  private JournalEntry current;
  private final NodeConfigurations configurations = new NodeConfigurations();
  private final CommitRuleOracle commitRule = new CommitRuleOracle(id -> node(id).log, configurations);
  /** Every oracle, in the order each entry is handed to them. */
  private final List<JournalOracle> oracles = List.of(new TermOracle(), new DurabilityOracle(id -> node(id).log),
      new ReadFreshnessOracle(), new ReadAppliedOracle(), new ReadConfirmationOracle(configurations), new LeaseOracle(),
      commitRule, new ElectionQuorumOracle(configurations), new AckMatchOracle(id -> node(id).log),
      new ElectionTimerOracle(), new TransferVoteOracle(),
      new ConfigurationOracle(id -> node(id).log, id -> node(id).commitIndex, committed), new JoinOracle());
  private final ViolationSink sink = this::violation;

  private record VoteKey(int node, long term) {}

  private record EntryKey(long index, long term) {}

  private record PrefixOwner(long prefixHash, int node) {}

  private static final class NodeState {
    final NodeLogView log = new NodeLogView();
    String role = "FOLLOWER";
    long term;
    long commitIndex;
    long syncedCommitIndex;
    /** The durable commit index a restarted node recovered, learned once its recovered log is announced. */
    long recoveredCommitIndex;
  }

  /**
   * Checks one journal entry against everything seen so far, then folds it into the checker's state. A node's
   * {@code Recovered} that names a recovered log is judged as the recovery followed by the append of that log.
   */
  public void observe(JournalEntry entry) {
    eventNumber++;
    current = entry;
    dispatch(entry);
    if (entry.payload() instanceof Recovered r && !r.entries().isEmpty()) {
      dispatch(new JournalEntry.Stamped(entry.timeNanos(), new EntriesAppended(r.node(), r.entries())));
    }
  }

  private void dispatch(JournalEntry entry) {
    configurations.observe(entry);
    foldIntoLogs(entry.payload());
    for (JournalOracle oracle : oracles) {
      oracle.observe(entry, sink);
    }
  }

  /** The Raft paper's properties, and the checker's picture of every node's log the oracles read too. */
  private void foldIntoLogs(Object event) {
    if (event instanceof Observation.BecameFollower e) {
      onRoleChanged(e.node(), "FOLLOWER", e.term());
    } else if (event instanceof Observation.BecamePreCandidate e) {
      onRoleChanged(e.node(), "PRE_CANDIDATE", e.term());
    } else if (event instanceof Observation.BecameCandidate e) {
      onRoleChanged(e.node(), "CANDIDATE", e.term());
    } else if (event instanceof Observation.BecameLeader e) {
      onRoleChanged(e.node(), "LEADER", e.term());
    } else if (event instanceof Voted e) {
      onVoted(e);
    } else if (event instanceof HardStateSynced e) {
      node(e.node()).syncedCommitIndex = Math.max(node(e.node()).syncedCommitIndex, e.commitIndex());
    } else if (event instanceof EntriesAppended e) {
      onAppended(e);
    } else if (event instanceof EntriesTruncated e) {
      onTruncated(e);
    } else if (event instanceof CommitAdvanced e) {
      onCommitAdvanced(e);
    } else {
      foldApplyAndRestart(event);
    }
  }

  private void foldApplyAndRestart(Object event) {
    if (event instanceof Applied e) {
      onApplied(e);
    } else if (event instanceof SnapshotInstalled e) {
      onSnapshotInstalled(e);
    } else if (event instanceof Observation.LogReplacedBySnapshot e) {
      NodeState n = node(e.node());
      n.log.resetTo(e.index(), e.term(), prefixHashFor(e.index(), e.term()));
    } else if (event instanceof ClientAcked e) {
      onClientAcked(e);
    } else if (event instanceof Crashed e) {
      onCrashed(e);
    } else if (event instanceof Recovered e) {
      onRecovered(e);
    }
    // everything else — reads, what the nodes sent, refused snapshots, configurations, handshakes — is judged by the
    // oracles (and reads from the client history too), or changed nothing the checker keeps
  }

  /** Final checks that need the end state; returns every violation found during the run. */
  public List<SafetyViolation> finish() {
    current = null;
    commitRule.finish(sink);
    for (ClientAcked ack : acks) {
      checkAckSurvived(ack);
    }
    return violations();
  }

  /** True once any violation was found (cheap: polled between the 10 ms steps of a run that stops early). */
  public boolean anyViolation() {
    return !violations.isEmpty();
  }

  /** The violations found so far, in detection order. */
  public List<SafetyViolation> violations() {
    return List.copyOf(violations);
  }

  /** How many journal events were observed. */
  public long eventsObserved() {
    return eventNumber + 1;
  }

  /** The highest index known to be committed anywhere in the cluster. */
  public long highestCommittedIndex() {
    return committed.highest();
  }

  private NodeState node(int id) {
    return nodes.computeIfAbsent(id, k -> new NodeState());
  }

  private void violation(SafetyProperty property, List<Integer> nodeIds, long term, long index, String detail) {
    if (violations.size() < MAX_VIOLATIONS) {
      violations.add(new SafetyViolation(property, nodeIds, term, index, detail, eventNumber, current));
    }
  }

  private void onRoleChanged(int id, String role, long term) {
    NodeState n = node(id);
    n.role = role;
    n.term = term;
    if (!"LEADER".equals(role)) {
      return;
    }
    Integer previous = leaderByTerm.putIfAbsent(term, id);
    if (previous != null && previous != id) {
      violation(SafetyProperty.ELECTION_SAFETY, List.of(previous, id), term, 0,
          "nodes " + previous + " and " + id + " were both elected leader of term " + term);
    }
    checkLeaderHoldsCommitted(id, n, term);
  }

  private void checkLeaderHoldsCommitted(int id, NodeState n, long term) {
    NodeLogView log = n.log;
    for (long index = log.baseIndex() + 1; index <= committed.highest(); index++) {
      if (!committed.known(index) || committed.commitTerm(index) >= term) {
        // Leader Completeness covers entries committed in EARLIER terms. A leader of an older term may be
        // observed after a newer term committed (its election was in flight, its sync slow): stale, not
        // broken. The recorded commit term never undershoots the real one, so this never hides a real case
        // of a leader elected after the commit; it may skip some of a follower's late news.
        continue;
      }
      boolean holds = log.holds(index) && log.termAt(index) == committed.term(index)
          && log.digestAt(index) == committed.digest(index);
      if (!holds) {
        violation(SafetyProperty.LEADER_COMPLETENESS, List.of(id, committed.node(index)), term, index,
            "leader " + id + " of term " + term + " lacks the entry committed at index " + index
                + " (term " + committed.term(index) + ", seen committed on node " + committed.node(index) + ")");
        return;
      }
    }
  }

  private void onVoted(Voted e) {
    Integer previous = votes.putIfAbsent(new VoteKey(e.node(), e.term()), e.candidate());
    if (previous != null && previous != e.candidate()) {
      violation(SafetyProperty.ONE_VOTE_PER_TERM, List.of(e.node(), previous, e.candidate()), e.term(), 0,
          "node " + e.node() + " voted for " + previous + " and then for " + e.candidate() + " in term " + e.term());
    }
  }

  private void onAppended(EntriesAppended e) {
    if (e.entries().isEmpty()) {
      return; // an append of nothing says nothing
    }
    NodeState n = node(e.node());
    long index = e.entries().get(0).index();
    if (index > n.log.lastIndex() + 1) {
      violation(SafetyProperty.LOG_MATCHING, List.of(e.node()), n.term, index,
          "node " + e.node() + " appended at index " + index + " but its log ends at " + n.log.lastIndex()
              + ": the log has a gap");
      return;
    }
    for (Observation.EntryRef entry : e.entries()) {
      appendOne(e.node(), n, index, entry);
      index++;
    }
    if (n.recoveredCommitIndex > n.commitIndex) {
      learnCommittedUpTo(e.node(), n, n.recoveredCommitIndex);
    }
  }

  private void appendOne(int id, NodeState n, long index, Observation.EntryRef entry) {
    if (index <= n.log.baseIndex()) {
      return; // already covered by the node's snapshot
    }
    if (n.log.holds(index) && "LEADER".equals(n.role)
        && (n.log.termAt(index) != entry.term() || n.log.digestAt(index) != entry.digest())) {
      violation(SafetyProperty.LEADER_APPEND_ONLY, List.of(id), n.term, index,
          "leader " + id + " of term " + n.term + " overwrote its entry at index " + index + " (term "
              + n.log.termAt(index) + ") with one of term " + entry.term());
    }
    n.log.put(index, entry);
    checkLogMatching(id, index, entry.term(), n.log.prefixHashAt(index));
  }

  private void checkLogMatching(int id, long index, long term, long prefixHash) {
    PrefixOwner owner = prefixByEntry.putIfAbsent(new EntryKey(index, term), new PrefixOwner(prefixHash, id));
    if (owner != null && owner.prefixHash() != prefixHash) {
      violation(SafetyProperty.LOG_MATCHING, List.of(owner.node(), id), term, index,
          "nodes " + owner.node() + " and " + id + " both hold an entry of term " + term + " at index " + index
              + " but their logs differ at or before it");
    }
  }

  private void onTruncated(EntriesTruncated e) {
    NodeState n = node(e.node());
    if ("LEADER".equals(n.role) && e.fromIndex() <= n.log.lastIndex()) {
      violation(SafetyProperty.LEADER_APPEND_ONLY, List.of(e.node()), n.term, e.fromIndex(),
          "leader " + e.node() + " of term " + n.term + " truncated its log from index " + e.fromIndex());
    }
    if (e.fromIndex() <= n.commitIndex) {
      violation(SafetyProperty.LEADER_COMPLETENESS, List.of(e.node()), n.term, e.fromIndex(),
          "node " + e.node() + " truncated committed entries from index " + e.fromIndex() + " (commit index "
              + n.commitIndex + ")");
    }
    n.log.truncateFrom(e.fromIndex());
  }

  private void onCommitAdvanced(CommitAdvanced e) {
    NodeState n = node(e.node());
    if (e.index() < n.commitIndex) {
      violation(SafetyProperty.COMMIT_MONOTONIC, List.of(e.node()), n.term, e.index(),
          "node " + e.node() + " commit index went from " + n.commitIndex + " down to " + e.index());
    }
    learnCommittedUpTo(e.node(), n, e.index());
  }

  private void learnCommittedUpTo(int id, NodeState n, long commitIndex) {
    long from = Math.max(n.commitIndex, n.log.baseIndex()) + 1;
    for (long index = from; index <= Math.min(commitIndex, n.log.lastIndex()); index++) {
      learnCommitted(id, n, index);
    }
    n.commitIndex = Math.max(n.commitIndex, commitIndex);
  }

  private void learnCommitted(int id, NodeState n, long index) {
    long term = n.log.termAt(index);
    long digest = n.log.digestAt(index);
    if (!committed.known(index)) {
      committed.put(index, term, digest, n.log.prefixHashAt(index), id);
    } else if (committed.term(index) != term || committed.digest(index) != digest) {
      violation(SafetyProperty.LEADER_COMPLETENESS, List.of(committed.node(index), id), term, index,
          "index " + index + " was committed with term " + committed.term(index) + " on node "
              + committed.node(index) + " and with term " + term + " on node " + id);
    }
    committed.noteCommitTerm(index, Math.max(n.term, term));
  }

  private void onApplied(Applied e) {
    NodeState n = node(e.node());
    if (e.index() > n.commitIndex) {
      violation(SafetyProperty.STATE_MACHINE_SAFETY, List.of(e.node()), e.term(), e.index(),
          "node " + e.node() + " applied index " + e.index() + " before committing it (commit index "
              + n.commitIndex + ")");
    }
    if (!applied.known(e.index())) {
      applied.put(e.index(), e.term(), e.entryDigest(), e.stateDigest(), e.node());
      return;
    }
    int other = applied.node(e.index());
    if (applied.term(e.index()) != e.term() || applied.digest(e.index()) != e.entryDigest()) {
      violation(SafetyProperty.STATE_MACHINE_SAFETY, List.of(other, e.node()), e.term(), e.index(),
          "node " + other + " applied term " + applied.term(e.index()) + " at index " + e.index()
              + " but node " + e.node() + " applied term " + e.term());
    } else if (applied.extra(e.index()) != e.stateDigest()) {
      violation(SafetyProperty.STATE_DIGEST_AGREEMENT, List.of(other, e.node()), e.term(), e.index(),
          String.format("after applying index %d node %d has state digest %016x but node %d has %016x",
              e.index(), other, applied.extra(e.index()), e.node(), e.stateDigest()));
    }
  }

  private void onSnapshotInstalled(SnapshotInstalled e) {
    checkInstalledDigest(e);
    NodeState n = node(e.node());
    if (n.log.baseIndex() < e.index()) {
      n.log.resetTo(e.index(), e.term(), prefixHashFor(e.index(), e.term()));
    }
    n.commitIndex = Math.max(n.commitIndex, e.index());
  }

  /**
   * A node restored from a leader's snapshot (a joining, rejoining or lagging node catching up) must hold the state
   * every replica that applied up to the snapshot's index held there: the snapshot's state digest is compared with
   * theirs ({@code stateDigest} 0: the node's observer did not compute it).
   */
  private void checkInstalledDigest(SnapshotInstalled e) {
    if (e.stateDigest() == 0 || !applied.known(e.index()) || applied.term(e.index()) != e.term()
        || applied.extra(e.index()) == e.stateDigest()) {
      return;
    }
    int other = applied.node(e.index());
    violation(SafetyProperty.STATE_DIGEST_AGREEMENT, List.of(other, e.node()), e.term(), e.index(),
        String.format("node %d installed a snapshot at index %d with state digest %016x but node %d applied that "
            + "index to state digest %016x", e.node(), e.index(), e.stateDigest(), other, applied.extra(e.index())));
  }

  private long prefixHashFor(long index, long term) {
    if (index == 0) {
      return 0; // the empty log
    }
    PrefixOwner owner = prefixByEntry.get(new EntryKey(index, term));
    return owner != null ? owner.prefixHash() : NodeLogView.chain(index, term, 0);
  }

  private void onClientAcked(ClientAcked e) {
    NodeState n = node(e.node());
    if (e.index() > n.commitIndex) {
      violation(SafetyProperty.ACKED_WRITE_DURABLE, List.of(e.node()), e.term(), e.index(),
          "node " + e.node() + " acknowledged client " + e.clientId() + " seq " + e.sequence() + " at index "
              + e.index() + " before committing it (commit index " + n.commitIndex + ")");
    }
    acks.add(e);
  }

  private void onCrashed(Crashed e) {
    NodeState n = node(e.node());
    n.role = "CRASHED";
  }

  private void onRecovered(Recovered e) {
    NodeState n = node(e.node());
    if (e.commitIndex() < n.syncedCommitIndex) {
      violation(SafetyProperty.COMMIT_MONOTONIC, List.of(e.node()), e.term(), e.commitIndex(),
          "node " + e.node() + " recovered commit index " + e.commitIndex() + " below the "
              + n.syncedCommitIndex + " it had made durable");
    }
    n.role = "FOLLOWER";
    n.term = e.term();
    // Entries the node committed durably but never reported committed (it crashed between the sync and the
    // observation) are learned when its recovered log is announced, right after this event.
    n.commitIndex = Math.min(e.commitIndex(), Math.max(n.commitIndex, e.snapshotIndex()));
    n.recoveredCommitIndex = e.commitIndex();
    n.log.resetTo(e.snapshotIndex(), e.snapshotTerm(), prefixHashFor(e.snapshotIndex(), e.snapshotTerm()));
  }

  private void checkAckSurvived(ClientAcked ack) {
    if (ack.term() == 0) {
      checkAnonymousAckCommitted(ack);
      return;
    }
    boolean survived = committed.known(ack.index()) && committed.term(ack.index()) == ack.term()
        && committed.digest(ack.index()) == ack.entryDigest();
    if (!survived) {
      String found = committed.known(ack.index())
          ? "term " + committed.term(ack.index())
          : "nothing known committed";
      violation(SafetyProperty.ACKED_WRITE_DURABLE, List.of(ack.node()), ack.term(), ack.index(),
          "client " + ack.clientId() + " seq " + ack.sequence() + " was acknowledged at index " + ack.index()
              + " (term " + ack.term() + ") but the final committed log holds " + found + " there");
    }
  }

  /**
   * An acknowledgement answered from a session table that a leader's snapshot brought (the node never
   * applied that entry itself) names no entry identity; it must still lie within what was committed.
   */
  private void checkAnonymousAckCommitted(ClientAcked ack) {
    long highestCommit = committed.highest();
    for (NodeState n : nodes.values()) {
      highestCommit = Math.max(highestCommit, n.commitIndex);
    }
    if (ack.index() > highestCommit) {
      violation(SafetyProperty.ACKED_WRITE_DURABLE, List.of(ack.node()), 0, ack.index(),
          "client " + ack.clientId() + " seq " + ack.sequence() + " was acknowledged at index " + ack.index()
              + " but no node ever committed that far (highest commit " + highestCommit + ")");
    }
  }
}
