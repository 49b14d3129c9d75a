package io.tumbler.scenario.check;

import io.tumbler.raft.node.Observation.ConfigurationChanged;
import io.tumbler.raft.node.Observation.Recovered;
import io.tumbler.raft.node.Observation.SnapshotInstalled;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

/**
 * {@link SafetyProperty#CONFIGURATION_AGREEMENT}: nodes that hold the same log prefix use the same configuration,
 * and leaders change it one safe step at a time (dissertation §4.1). Five rules, each judged from the journal:
 *
 * <ul>
 *   <li>the CONFIG entry at (index, term) carries one configuration, whichever node reports it;
 *   <li>a node never uses a configuration older than the latest configuration change its committed log holds (a
 *       snapshot install that drops the configuration it carries falls back to an older one);
 *   <li>a configuration taken from a snapshot at index i is the one in effect at i, the latest committed change at
 *       or below it (not a later change the snapshotting node's log held);
 *   <li>a leader appends a configuration change only while every earlier change in its log is committed (at most
 *       one uncommitted change);
 *   <li>a leader appends a configuration change only once an entry of its own term has committed (Ongaro's
 *       single-server bug, raft-dev 2015: otherwise an uncommitted competing change in another node's log can win).
 * </ul>
 *
 * <p>The leader rules read the leader's commit index as the journal shows it: a sync's commit advance is journaled
 * before the configuration change of the same sync, as the core decided them.
 */
final class ConfigurationOracle implements JournalOracle {
  private final IntFunction<NodeLogView> logs;
  private final IntToLongFunction commitIndexes;
  private final IndexedEntries committed;
  /** index -> term -> the configuration the CONFIG entry at (index, term) carries, as its holders reported it. */
  private final TreeMap<Long, TreeMap<Long, List<List<Integer>>>> entries = new TreeMap<>();
  /** Per node: the index its current configuration took effect at (absent: the bootstrap one, 0). */
  private final TreeMap<Integer, Long> currentIndex = new TreeMap<>();
  private final Leaderships leaderships = new Leaderships();

  ConfigurationOracle(IntFunction<NodeLogView> logs, IntToLongFunction commitIndexes, IndexedEntries committed) {
    this.logs = logs;
    this.commitIndexes = commitIndexes;
    this.committed = committed;
  }

  @Override
  public void observe(JournalEntry entry, ViolationSink sink) {
    Object event = entry.payload();
    leaderships.observe(entry);
    if (event instanceof Recovered e) {
      currentIndex.remove(e.node());
    } else if (event instanceof ConfigurationChanged e) {
      onChanged(e, sink);
    } else if (event instanceof SnapshotInstalled e) {
      checkNotOutdated(e.node(), currentIndex.getOrDefault(e.node(), 0L), "after installing the snapshot at "
          + e.index(), sink);
    }
  }

  private void onChanged(ConfigurationChanged e, ViolationSink sink) {
    long previous = currentIndex.getOrDefault(e.node(), 0L);
    currentIndex.put(e.node(), e.index());
    NodeLogView log = logs.apply(e.node());
    if (e.index() > 0 && log.holds(e.index())) {
      long term = log.termAt(e.index());
      checkSameEntrySameConfiguration(e, term, sink);
      if (e.index() > previous && leaderships.leadsIn(e.node(), term)) {
        checkLeaderMayChange(e, term, log, sink);
      }
    } else if (e.index() > 0 && e.index() <= log.baseIndex()) {
      checkSnapshotCarriesConfigurationInEffect(e, sink);
    }
    checkNotOutdated(e.node(), e.index(), "its configuration " + e.configuration().voters()
        + (e.configuration().learners().isEmpty() ? "" : " learners " + e.configuration().learners()) + " took effect at index " + e.index(), sink);
  }

  private void checkSameEntrySameConfiguration(ConfigurationChanged e, long term, ViolationSink sink) {
    List<List<Integer>> carried = List.of(e.configuration().voters(), e.configuration().learners());
    List<List<Integer>> known = entries.computeIfAbsent(e.index(), k -> new TreeMap<>()).putIfAbsent(term, carried);
    if (known != null && !known.equals(carried)) {
      sink.report(SafetyProperty.CONFIGURATION_AGREEMENT, List.of(e.node()), term, e.index(), "node " + e.node()
          + " reads the configuration entry at index " + e.index() + " (term " + term + ") as voters " + e.configuration().voters()
          + " learners " + e.configuration().learners() + ", another node as voters " + known.get(0) + " learners " + known.get(1));
    }
  }

  /**
   * A configuration taken from a snapshot (installed, or recovered from the node's own) at index i is the one in
   * effect at i: that of the latest configuration entry at or below i, which is committed, since a snapshot covers
   * only applied entries (Raft §7; dissertation §5.1). A snapshot that records another (a later, uncommitted change
   * in the snapshotting node's log, or an older one) hands it to every node that installs it. Judged only when a
   * committed change at or below i is known (a cluster still on its bootstrap configuration has none to compare).
   */
  private void checkSnapshotCarriesConfigurationInEffect(ConfigurationChanged e, ViolationSink sink) {
    long change = latestCommittedChange(e.index());
    if (change == 0) {
      return;
    }
    List<List<Integer>> inEffect = entries.get(change).get(committed.term(change));
    List<List<Integer>> carried = List.of(e.configuration().voters(), e.configuration().learners());
    if (!inEffect.equals(carried)) {
      sink.report(SafetyProperty.CONFIGURATION_AGREEMENT, List.of(e.node()), committed.term(change), e.index(),
          "node " + e.node() + " took voters " + carried.get(0) + " learners " + carried.get(1) + " from the snapshot "
          + "at index " + e.index() + ", but the configuration in effect there is the committed change at index "
          + change + ": voters " + inEffect.get(0) + " learners " + inEffect.get(1));
    }
  }

  /** The leader rules, for a configuration entry {@code e} the leader just appended in its own term. */
  private void checkLeaderMayChange(ConfigurationChanged e, long term, NodeLogView log, ViolationSink sink) {
    long commit = commitIndexes.applyAsLong(e.node());
    long earlier = latestEntryInLog(log, e.index() - 1);
    if (earlier > commit) {
      sink.report(SafetyProperty.CONFIGURATION_AGREEMENT, List.of(e.node()), term, e.index(), "leader " + e.node()
          + " of term " + term + " appended a configuration change at index " + e.index() + " while the change at "
          + earlier + " was not committed (commit index " + commit + "): two changes in flight");
    }
    boolean ownTermCommitted = commit >= log.baseIndex() && commit <= log.lastIndex() && log.termAt(commit) == term;
    if (!ownTermCommitted) {
      sink.report(SafetyProperty.CONFIGURATION_AGREEMENT, List.of(e.node()), term, e.index(), "leader " + e.node()
          + " of term " + term + " appended a configuration change at index " + e.index() + " before any entry of "
          + "its term committed (commit index " + commit + ")");
    }
  }

  /** The index of the latest configuration entry at or below {@code atMost} that {@code log} holds, or 0. */
  private long latestEntryInLog(NodeLogView log, long atMost) {
    for (Map.Entry<Long, TreeMap<Long, List<List<Integer>>>> at : entries.headMap(atMost, true).descendingMap()
        .entrySet()) {
      long index = at.getKey();
      if (index <= log.baseIndex()) {
        return 0; // covered by the snapshot: committed
      }
      if (log.holds(index) && at.getValue().containsKey(log.termAt(index))) {
        return index;
      }
    }
    return 0;
  }

  /**
   * A node whose committed log (or snapshot) covers a configuration change uses that change or a later one: its
   * configuration must not have taken effect before the latest committed change it holds.
   */
  private void checkNotOutdated(int node, long inEffectFrom, String what, ViolationSink sink) {
    NodeLogView log = logs.apply(node);
    long covered = Math.max(log.baseIndex(), Math.min(commitIndexes.applyAsLong(node), log.lastIndex()));
    long change = latestCommittedChange(covered);
    if (change > inEffectFrom) {
      sink.report(SafetyProperty.CONFIGURATION_AGREEMENT, List.of(node), committed.term(change), change, "node "
          + node + " holds the committed log up to index " + covered + ", which changes the configuration at index "
          + change + ", but " + what);
    }
  }

  /** The index of the latest configuration entry known committed at or below {@code atMost}, or 0. */
  private long latestCommittedChange(long atMost) {
    for (Map.Entry<Long, TreeMap<Long, List<List<Integer>>>> at : entries.headMap(atMost, true).descendingMap()
        .entrySet()) {
      long index = at.getKey();
      if (committed.known(index) && at.getValue().containsKey(committed.term(index))) {
        return index;
      }
    }
    return 0;
  }
}
