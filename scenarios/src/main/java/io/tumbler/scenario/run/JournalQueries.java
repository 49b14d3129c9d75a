package io.tumbler.scenario.run;

import io.tumbler.raft.node.Observation;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.List;

/** Small questions scenario checks ask of a journal. */
final class JournalQueries {
  private JournalQueries() {}

  /** The highest commit index any of {@code nodes} reported at or before {@code timeNanos}. */
  static long commitAt(List<JournalEntry> journal, List<Integer> nodes, long timeNanos) {
    long commit = 0;
    for (JournalEntry e : journal) {
      if (e.timeNanos() > timeNanos) {
        break;
      }
      if (e.payload() instanceof Observation.CommitAdvanced c && nodes.contains(c.node())) {
        commit = Math.max(commit, c.index());
      }
    }
    return commit;
  }

  /** Leader elections (stamped {@code BecameLeader} observations) between two times. */
  static List<JournalEntry> leadersBetween(List<JournalEntry> journal, long fromNanos, long toNanos) {
    return journal.stream()
        .filter(e -> e.timeNanos() >= fromNanos && e.timeNanos() <= toNanos)
        .filter(e -> e.payload() instanceof Observation.BecameLeader)
        .toList();
  }

  /** The largest number of entries one truncation removed from {@code node}'s log, judged by its appends. */
  static long longestTruncation(List<JournalEntry> journal, int node) {
    long last = 0;
    long longest = 0;
    for (JournalEntry e : journal) {
      if (e.node() != node) {
        continue;
      }
      if (e.payload() instanceof Observation.EntriesAppended a) {
        last = lastOf(a.entries(), 0); // an append replaces everything from its first index
      } else if (e.payload() instanceof Observation.EntriesTruncated t) {
        longest = Math.max(longest, last - t.fromIndex() + 1);
        last = t.fromIndex() - 1;
      } else if (e.payload() instanceof Observation.Recovered r) {
        last = lastOf(r.entries(), 0); // the recovered log, as far as it goes beyond the snapshot
      }
    }
    return longest;
  }

  private static long lastOf(List<Observation.EntryRef> entries, long ifEmpty) {
    return entries.isEmpty() ? ifEmpty : entries.get(entries.size() - 1).index();
  }
}
