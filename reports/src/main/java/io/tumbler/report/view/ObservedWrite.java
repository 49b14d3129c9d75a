package io.tumbler.report.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.tumbler.runformat.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an impossible read saw: the writes in the history that could have produced the value it returned (a
 * {@code write} of that value, or a {@code cas} to it, on the same key, that did not fail), the last write that
 * completed ok on that key before the read was invoked (what it should have seen at least), and the node that
 * served the read when the history records one (the optional {@code "node"} field of the ok completion).
 *
 * @param read the read
 * @param sources the writes whose value the read returned, oldest first; empty when the value was never
 *     written (or the read saw the initial empty value)
 * @param latestBefore the last ok write to the key completed before the read was invoked, if any
 * @param servedBy the node that answered the read, if recorded
 */
public record ObservedWrite(HistoryOp read, List<HistoryOp> sources, Optional<HistoryOp> latestBefore,
    Optional<Integer> servedBy) {

  public ObservedWrite {
    sources = List.copyOf(sources);
  }

  /** The explanation for {@code read}, or empty when it is not a keyed read that completed ok. */
  public static Optional<ObservedWrite> of(HistoryOp read, History history, List<HistoryEvent> lines) {
    JsonNode v = read.value();
    if (!"read".equals(read.f()) || read.outcome() != OpOutcome.OK || v == null || !v.isArray() || v.size() != 2) {
      return Optional.empty();
    }
    JsonNode key = v.get(0);
    JsonNode seen = v.get(1);
    List<HistoryOp> sources = new ArrayList<>();
    HistoryOp latest = null;
    for (HistoryOp op : history.ops()) {
      JsonNode written = written(op, key);
      if (written == null || op.outcome() == OpOutcome.FAIL) {
        continue;
      }
      if (written.equals(seen)) {
        sources.add(op);
      }
      boolean before = op.outcome() == OpOutcome.OK && op.completeNanos() < read.invokeNanos();
      if (before && (latest == null || op.completeNanos() > latest.completeNanos())) {
        latest = op;
      }
    }
    return Optional.of(new ObservedWrite(read, sources, Optional.ofNullable(latest), servedBy(read, lines)));
  }

  /** The value {@code op} writes to {@code key}, or null when it is not a write or cas of that key. */
  private static JsonNode written(HistoryOp op, JsonNode key) {
    JsonNode v = op.value();
    if (v == null || !v.isArray() || v.size() != 2 || !v.get(0).equals(key)) {
      return null;
    }
    if ("write".equals(op.f())) {
      return v.get(1);
    }
    if ("cas".equals(op.f()) && v.get(1).isArray() && v.get(1).size() == 2) {
      return v.get(1).get(1);
    }
    return null;
  }

  private static Optional<Integer> servedBy(HistoryOp read, List<HistoryEvent> lines) {
    for (HistoryEvent line : lines) {
      if (line.index() != null && line.index() == read.completeIndex() && line.node() != null
          && line.node().canConvertToInt()) {
        return Optional.of(line.node().asInt());
      }
    }
    return Optional.empty();
  }

  /** The sentence for the report. */
  public String sentence() {
    StringBuilder b = new StringBuilder("The read (#").append(read.invokeIndex()).append(", ")
        .append(read.describe()).append(" at ").append(OpWords.seconds(read.invokeNanos())).append(") was served by ")
        .append(servedBy.map(n -> "node n" + n).orElse("a node this history does not name")).append(". ");
    JsonNode seen = read.value().get(1);
    if (sources.isEmpty()) {
      b.append(seen.isNull() ? "It saw the key's initial empty value" : "No operation in the history wrote that value");
    } else {
      b.append("It saw the value written by ");
      for (int i = 0; i < sources.size(); i++) {
        b.append(i == 0 ? "" : i == sources.size() - 1 ? " or " : ", ").append(op(sources.get(i)));
      }
    }
    latestBefore.filter(l -> !sources.contains(l)).ifPresent(l -> b.append(", although ").append(op(l))
        .append(" had completed before the read began"));
    return b.append('.').toString();
  }

  private static String op(HistoryOp op) {
    return "#" + op.invokeIndex() + " (" + op.describe() + " by process " + op.process() + ", " + op.outcome().label()
        + (op.completeNanos() >= 0 ? " at " + OpWords.seconds(op.completeNanos()) : "") + ")";
  }
}
