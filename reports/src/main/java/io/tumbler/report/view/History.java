package io.tumbler.report.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.tumbler.runformat.HistoryEvent;
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

  /** Joins the events of {@code history.jsonl}; events without a time take the previous event's time. */
  public static History of(List<HistoryEvent> lines) {
    Map<String, Integer> open = new LinkedHashMap<>();
    List<HistoryOp> ops = new ArrayList<>();
    Map<Long, Long> times = new LinkedHashMap<>();
    TreeSet<String> processes = new TreeSet<>(History::compareProcesses);
    long now = 0;
    for (HistoryEvent line : lines) {
      now = line.time() == null ? now : line.time();
      times.put(index(line), now);
      String process = line.processName();
      processes.add(process);
      if ("invoke".equals(line.type())) {
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

  private static long index(HistoryEvent e) {
    return e.index() == null ? 0 : e.index();
  }

  private static HistoryOp pending(HistoryEvent invoke) {
    return new HistoryOp(index(invoke), -1, invoke.processName(), invoke.f() == null ? "" : invoke.f(),
        invoke.valueOrMissing(), invoke.time() == null ? 0 : invoke.time(), -1, OpOutcome.PENDING, "");
  }

  private static HistoryOp complete(HistoryOp invoke, HistoryEvent done) {
    OpOutcome outcome = OpOutcome.ofType(done.type() == null ? "" : done.type());
    JsonNode value = outcome == OpOutcome.OK ? done.valueOrMissing() : invoke.value();
    long completeNanos = Math.max(invoke.invokeNanos(), done.time() == null ? invoke.invokeNanos() : done.time());
    return new HistoryOp(invoke.invokeIndex(), index(done), invoke.process(), invoke.f(), value,
        invoke.invokeNanos(), completeNanos, outcome, done.errorText());
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
