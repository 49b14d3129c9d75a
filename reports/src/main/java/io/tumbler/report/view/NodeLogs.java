package io.tumbler.report.view;

import io.tumbler.runformat.JournalEvent;
import io.tumbler.runformat.JournalLine;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Every node's Raft log as the observation journal tells it, rebuilt by replaying {@code journal.jsonl} up to
 * one event: entries appended (replacing any suffix), truncated, replaced by a snapshot, recovered after
 * a restart; and each node's commit index.
 */
public final class NodeLogs {
  /**
   * One log entry's identity.
   *
   * @param term the term it was created in
   * @param digest its checksum digest (entries with equal term and digest are the same entry)
   */
  public record Entry(long term, long digest) {}

  private final Map<Integer, NavigableMap<Long, Entry>> logs = new TreeMap<>();
  private final Map<Integer, Long> commitIndexes = new TreeMap<>();
  private final Map<Integer, Long> snapshotIndexes = new TreeMap<>();

  private NodeLogs() {}

  /** Replays {@code journal} from its first event through event number {@code lastEvent} (0-based). */
  public static NodeLogs replay(List<JournalLine> journal, long lastEvent) {
    NodeLogs logs = new NodeLogs();
    long end = Math.min(lastEvent, journal.size() - 1L);
    for (int i = 0; i <= end; i++) {
      JournalLine line = journal.get(i);
      logs.logOf(line.node());
      if (line.typed() != null) {
        logs.apply(line.typed());
      }
    }
    return logs;
  }

  private NavigableMap<Long, Entry> logOf(int node) {
    return logs.computeIfAbsent(node, n -> new TreeMap<>());
  }

  private void apply(JournalEvent e) {
    NavigableMap<Long, Entry> log = logOf(e.node());
    if (e instanceof JournalEvent.EntriesAppended a) {
      put(log, a.entries());
    } else if (e instanceof JournalEvent.EntriesTruncated t) {
      log.tailMap(t.fromIndex(), true).clear();
    } else if (e instanceof JournalEvent.LogReplacedBySnapshot r) {
      log.clear();
      snapshotIndexes.put(r.node(), r.index());
    } else if (e instanceof JournalEvent.Recovered r) {
      // the node's durable log: its snapshot and the entries after it
      log.clear();
      snapshotIndexes.put(r.node(), r.snapshotIndex());
      commitIndexes.put(r.node(), r.commitIndex());
      put(log, r.entries());
    } else if (e instanceof JournalEvent.CommitAdvanced c) {
      commitIndexes.put(c.node(), c.index());
    }
  }

  /** Places {@code entries}, replacing everything from the first one on. */
  private static void put(NavigableMap<Long, Entry> log, List<JournalEvent.EntryRef> entries) {
    if (entries.isEmpty()) {
      return;
    }
    log.tailMap(entries.get(0).index(), true).clear();
    for (JournalEvent.EntryRef entry : entries) {
      log.put(entry.index(), new Entry(entry.term(), entry.digest()));
    }
  }

  /** The nodes seen in the journal, in ascending order. */
  public List<Integer> nodes() {
    return List.copyOf(logs.keySet());
  }

  /** The entry {@code node} held at {@code index}, or null (never held, compacted or truncated). */
  public Entry entry(int node, long index) {
    NavigableMap<Long, Entry> log = logs.get(node);
    return log == null ? null : log.get(index);
  }

  /** The last index {@code node} held, or 0. */
  public long lastIndex(int node) {
    NavigableMap<Long, Entry> log = logs.get(node);
    return log == null || log.isEmpty() ? snapshotIndexes.getOrDefault(node, 0L) : log.lastKey();
  }

  /** The node's commit index, or 0. */
  public long commitIndex(int node) {
    return commitIndexes.getOrDefault(node, 0L);
  }

  /** The node's snapshot index (entries at or below it are compacted away), or 0. */
  public long snapshotIndex(int node) {
    return snapshotIndexes.getOrDefault(node, 0L);
  }
}
