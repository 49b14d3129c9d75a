package io.tumbler.scenario.run;

import io.tumbler.scenario.journal.JournalEvent;
import java.util.List;

/** Small questions scenario checks ask of a journal. */
final class JournalQueries {
  private JournalQueries() {}

  /** The highest commit index any of {@code nodes} reported at or before {@code timeNanos}. */
  static long commitAt(List<JournalEvent> journal, List<Integer> nodes, long timeNanos) {
    long commit = 0;
    for (JournalEvent e : journal) {
      if (e.timeNanos() > timeNanos) {
        break;
      }
      if (e instanceof JournalEvent.CommitAdvanced c && nodes.contains(c.node())) {
        commit = Math.max(commit, c.commitIndex());
      }
    }
    return commit;
  }

  /** Leader elections (node, term) between two times. */
  static List<JournalEvent.RoleChanged> leadersBetween(List<JournalEvent> journal, long fromNanos, long toNanos) {
    return journal.stream()
        .filter(e -> e.timeNanos() >= fromNanos && e.timeNanos() <= toNanos)
        .filter(e -> e instanceof JournalEvent.RoleChanged r && r.role().equals("LEADER"))
        .map(e -> (JournalEvent.RoleChanged) e)
        .toList();
  }

  /** The largest number of entries one truncation removed from {@code node}'s log, judged by its appends. */
  static long longestTruncation(List<JournalEvent> journal, int node) {
    long last = 0;
    long longest = 0;
    for (JournalEvent e : journal) {
      if (e.node() != node) {
        continue;
      }
      if (e instanceof JournalEvent.EntriesAppended a) {
        last = a.firstIndex() + a.entries().size() - 1; // an append replaces everything from its first index
      } else if (e instanceof JournalEvent.EntriesTruncated t) {
        longest = Math.max(longest, last - t.fromIndex() + 1);
        last = t.fromIndex() - 1;
      } else if (e instanceof JournalEvent.Recovered) {
        last = 0;
      }
    }
    return longest;
  }
}
