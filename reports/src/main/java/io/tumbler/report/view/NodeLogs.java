package io.tumbler.report.view;

import com.fasterxml.jackson.databind.JsonNode;
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
  public static NodeLogs replay(List<JsonNode> journal, long lastEvent) {
    NodeLogs logs = new NodeLogs();
    long end = Math.min(lastEvent, journal.size() - 1L);
    for (int i = 0; i <= end; i++) {
      logs.apply(journal.get(i));
    }
    return logs;
  }

  private void apply(JsonNode e) {
    int node = e.path("node").asInt();
    NavigableMap<Long, Entry> log = logs.computeIfAbsent(node, n -> new TreeMap<>());
    switch (e.path("event").asText()) {
      case "EntriesAppended":
        put(log, e.path("entries"));
        break;
      case "EntriesTruncated":
        log.tailMap(e.path("fromIndex").asLong(), true).clear();
        break;
      case "LogReplacedBySnapshot":
        log.clear();
        snapshotIndexes.put(node, e.path("index").asLong());
        break;
      case "Recovered":
        // the node's durable log: its snapshot and the entries after it
        log.clear();
        snapshotIndexes.put(node, e.path("snapshotIndex").asLong());
        commitIndexes.put(node, e.path("commitIndex").asLong());
        put(log, e.path("entries"));
        break;
      case "CommitAdvanced":
        commitIndexes.put(node, e.path("index").asLong());
        break;
      default:
        break;
    }
  }

  /** Places {@code entries} (each with its index, term and digest), replacing everything from the first one on. */
  private static void put(NavigableMap<Long, Entry> log, JsonNode entries) {
    if (entries.isEmpty()) {
      return;
    }
    log.tailMap(entries.get(0).path("index").asLong(), true).clear();
    for (JsonNode entry : entries) {
      log.put(entry.path("index").asLong(), new Entry(entry.path("term").asLong(), entry.path("digest").asLong()));
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
