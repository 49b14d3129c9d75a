package io.tumbler.report.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A recorded history joined into operations: each invocation paired with the next completion of the same
 * process (Jepsen's rule: a process runs one operation at a time).
 *
 * @param ops the operations, in invocation order
 * @param processes every process that appears, in a stable order (numeric ones numerically first)
 * @param horizonNanos the time of the last recorded event
 * @param timesByIndex simulated time of each history line, by its {@code index}
 */
public record History(List<HistoryOp> ops, List<String> processes, long horizonNanos, Map<Long, Long> timesByIndex) {

  public History {
    ops = List.copyOf(ops);
    processes = List.copyOf(processes);
  }

  /** Joins the lines of {@code history.jsonl}; lines without a time take the previous line's time. */
  public static History of(List<JsonNode> lines) {
    Map<String, Integer> open = new LinkedHashMap<>();
    List<HistoryOp> ops = new ArrayList<>();
    Map<Long, Long> times = new LinkedHashMap<>();
    TreeSet<String> processes = new TreeSet<>(History::compareProcesses);
    long now = 0;
    for (JsonNode line : lines) {
      now = line.path("time").asLong(now);
      times.put(line.path("index").asLong(), now);
      String process = line.path("process").asText();
      processes.add(process);
      if ("invoke".equals(line.path("type").asText())) {
        open.put(process, ops.size());
        ops.add(pending(line));
        continue;
      }
      Integer slot = open.remove(process);
      if (slot != null) {
        ops.set(slot, complete(ops.get(slot), line));
      }
    }
    ops.sort(Comparator.comparingLong(HistoryOp::invokeIndex));
    return new History(ops, new ArrayList<>(processes), now, times);
  }

  private static HistoryOp pending(JsonNode invoke) {
    return new HistoryOp(invoke.path("index").asLong(), -1, invoke.path("process").asText(),
        invoke.path("f").asText(), invoke.path("value"), invoke.path("time").asLong(0), -1, OpOutcome.PENDING, "");
  }

  private static HistoryOp complete(HistoryOp invoke, JsonNode done) {
    OpOutcome outcome = OpOutcome.ofType(done.path("type").asText());
    JsonNode value = outcome == OpOutcome.OK ? done.path("value") : invoke.value();
    long completeNanos = Math.max(invoke.invokeNanos(), done.path("time").asLong(invoke.invokeNanos()));
    return new HistoryOp(invoke.invokeIndex(), done.path("index").asLong(), invoke.process(), invoke.f(), value,
        invoke.invokeNanos(), completeNanos, outcome, done.path("error").asText(""));
  }

  /** Orders process names: numeric ones numerically, before any others. */
  public static int compareProcesses(String a, String b) {
    boolean numA = a.matches("-?\\d{1,18}");
    boolean numB = b.matches("-?\\d{1,18}");
    if (numA && numB) {
      return Long.compare(Long.parseLong(a), Long.parseLong(b));
    }
    return numA != numB ? (numA ? -1 : 1) : a.compareTo(b);
  }

  /** How many operations ended with {@code outcome}. */
  public long count(OpOutcome outcome) {
    return ops.stream().filter(o -> o.outcome() == outcome).count();
  }
}
