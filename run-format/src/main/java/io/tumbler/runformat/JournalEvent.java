package io.tumbler.runformat;

import java.util.List;

/**
 * The journal events whose content a reader outside the node interprets (a report rebuilding each node's log at the
 * moment of a violation, or the leaders by term), as records. The journal's vocabulary is the node's observations
 * (raft-impl's {@code Observation}, written by scenarios' {@code JournalFile}): each record here is one of them,
 * with the same simple name and the same components, so the JSON the writer derives from the observation is read
 * back by Jackson into this record and a field is named once on each side of the module boundary. scenarios'
 * {@code JournalVocabularyTest} holds the two equal: every record here against the observation of its name, and a
 * real run's journal written and read back through {@link JournalLine}. A reader needing another event adds its
 * record here; that test then checks it too.
 */
public sealed interface JournalEvent {
  /** The observing node. */
  int node();

  /** An entry's identity in a log: position, term and content digest. */
  record EntryRef(long index, long term, long digest) {}

  /** The node started from its storage: its hard state, snapshot and the log entries after the snapshot. */
  record Recovered(int node, long term, int votedFor, long commitIndex, long snapshotIndex, long snapshotTerm,
      long lastIndex, List<EntryRef> entries) implements JournalEvent {
    public Recovered {
      entries = entries == null ? List.of() : List.copyOf(entries);
    }
  }

  /** The node won the election of {@code term}. */
  record BecameLeader(int node, long term) implements JournalEvent {}

  /** Every stored entry at index {@code fromIndex} or later was discarded. */
  record EntriesTruncated(int node, long fromIndex) implements JournalEvent {}

  /** These entries, contiguous and ascending, are durable at the end of the node's log. */
  record EntriesAppended(int node, List<EntryRef> entries) implements JournalEvent {
    public EntriesAppended {
      entries = entries == null ? List.of() : List.copyOf(entries);
    }
  }

  /** The node's commit index moved forward to {@code index}. */
  record CommitAdvanced(int node, long index) implements JournalEvent {}

  /** A leader's snapshot up to {@code index}/{@code term} replaced the node's log. */
  record LogReplacedBySnapshot(int node, long index, long term) implements JournalEvent {}
}
