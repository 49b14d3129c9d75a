package io.tumbler.report.view;

import io.tumbler.runformat.JournalLine;
import io.tumbler.runformat.SafetyFinding;
import java.util.ArrayList;
import java.util.List;

/**
 * The logs of the nodes involved in a safety violation, side by side around the index it concerns, as they
 * stood when the violating journal event was recorded; plus the journal events around that event.
 *
 * @param finding the violation
 * @param nodes the columns: the involved nodes (all nodes when none are named)
 * @param indexes the rows: log indexes around the violation's index
 * @param cells {@code cells.get(row).get(column)}: the entry, or null when the node did not hold one
 * @param conflicting for each row, whether two nodes hold different entries at that index
 * @param commitIndexes each column's commit index at that moment
 * @param firstEventNumber the journal event number of {@code events.get(0)}
 * @param events the journal events around the detection
 */
public record LogExcerpt(
    SafetyFinding finding,
    List<Integer> nodes,
    List<Long> indexes,
    List<List<NodeLogs.Entry>> cells,
    List<Boolean> conflicting,
    List<Long> commitIndexes,
    long firstEventNumber,
    List<JournalLine> events) {

  static final int ROWS_BEFORE = 4;
  static final int ROWS_AFTER = 3;
  static final int EVENTS_BEFORE = 10;
  static final int EVENTS_AFTER = 4;

  /** Rebuilds the logs from {@code journal} up to the finding's event. */
  public static LogExcerpt of(SafetyFinding finding, List<JournalLine> journal) {
    NodeLogs logs = NodeLogs.replay(journal, finding.eventNumber());
    List<Integer> nodes = finding.nodes().size() >= 2 ? finding.nodes() : logs.nodes();
    long center = finding.index() > 0 ? finding.index()
        : nodes.stream().mapToLong(logs::lastIndex).max().orElse(0);
    List<Long> indexes = new ArrayList<>();
    List<List<NodeLogs.Entry>> cells = new ArrayList<>();
    List<Boolean> conflicting = new ArrayList<>();
    for (long i = Math.max(1, center - ROWS_BEFORE); i <= center + ROWS_AFTER; i++) {
      List<NodeLogs.Entry> row = new ArrayList<>();
      for (int n : nodes) {
        row.add(logs.entry(n, i));
      }
      indexes.add(i);
      cells.add(row);
      conflicting.add(row.stream().filter(e -> e != null).distinct().count() > 1);
    }
    List<Long> commits = nodes.stream().map(logs::commitIndex).toList();
    int first = (int) Math.max(0, Math.min(finding.eventNumber() - EVENTS_BEFORE, journal.size()));
    int last = (int) Math.min(journal.size(), finding.eventNumber() + EVENTS_AFTER + 1);
    return new LogExcerpt(finding, nodes, indexes, cells, conflicting, commits, first,
        new ArrayList<>(journal.subList(first, Math.max(first, last))));
  }

  public LogExcerpt {
    nodes = List.copyOf(nodes);
    indexes = List.copyOf(indexes);
    conflicting = List.copyOf(conflicting);
    commitIndexes = List.copyOf(commitIndexes);
    events = List.copyOf(events);
  }
}
