package io.tumbler.scenario.client;

import io.tumbler.lin.history.History;
import io.tumbler.lin.history.OpType;
import io.tumbler.lin.history.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The client history of one run, in real-time (simulated) order, with Jepsen's fields. Clients record
 * an invocation when they send the first attempt and a completion when they know the outcome:
 * {@code ok}, {@code fail} (definitely no effect, or a definite refusal the model understands, named by
 * {@code error}) or {@code info} (they gave up not knowing).
 */
public final class HistoryRecorder {
  private final List<Operation> operations = new ArrayList<>();
  private long lastOkNanos = -1;
  private int localReads;

  public void invoke(long process, String f, Object value, long timeNanos) {
    add(process, OpType.INVOKE, f, value, timeNanos, null);
  }

  /**
   * The invocation of a read served from one replica's local state, marked {@code "served": "local"} in the
   * history: such a read may be stale by design, so {@link #withoutLocalReads} leaves it out (and its
   * completion, the process's next operation) when a run does not hold local reads to linearizability.
   */
  public void invokeLocalRead(long process, String f, Object value, long timeNanos) {
    add(process, OpType.INVOKE, f, value, timeNanos, null, true);
    localReads++;
  }

  /** How many local reads were invoked. */
  public int localReads() {
    return localReads;
  }

  /** The history without local reads (each invocation marked local and its completion). */
  public History withoutLocalReads() {
    java.util.Set<Object> inLocalRead = new java.util.HashSet<>();
    List<Operation> kept = new ArrayList<>();
    for (Operation op : operations) {
      boolean local = op.type() == OpType.INVOKE ? "local".equals(op.extra().get("served"))
          : inLocalRead.remove(op.process());
      if (local && op.type() == OpType.INVOKE) {
        inLocalRead.add(op.process());
      }
      if (!local) {
        kept.add(new Operation(kept.size(), op.process(), op.type(), op.f(), op.value(), op.valuePresent(),
            op.timeNanos(), op.extra()));
      }
    }
    return History.of(kept);
  }

  public void ok(long process, String f, Object value, long timeNanos) {
    ok(process, f, value, timeNanos, 0);
  }

  /**
   * An ok completion answered by node {@code servedBy}, recorded as the extra field {@code "node"} (left out
   * when 0, unknown) so a report can name the replica that served a stale read; checkers ignore the field.
   */
  public void ok(long process, String f, Object value, long timeNanos, int servedBy) {
    Map<String, Object> extra = new LinkedHashMap<>();
    if (servedBy > 0) {
      extra.put("node", servedBy);
    }
    operations.add(new Operation(operations.size(), process, OpType.OK, f, value, true, OptionalLong.of(timeNanos),
        extra));
    lastOkNanos = timeNanos;
  }

  /** When the most recent {@code ok} completion was recorded, or -1 if none was. */
  public long lastOkNanos() {
    return lastOkNanos;
  }

  public void fail(long process, String f, Object value, long timeNanos, String error) {
    add(process, OpType.FAIL, f, value, timeNanos, error);
  }

  public void info(long process, String f, Object value, long timeNanos, String error) {
    add(process, OpType.INFO, f, value, timeNanos, error);
  }

  private void add(long process, OpType type, String f, Object value, long timeNanos, String error) {
    add(process, type, f, value, timeNanos, error, false);
  }

  private void add(long process, OpType type, String f, Object value, long timeNanos, String error,
      boolean localRead) {
    Map<String, Object> extra = new LinkedHashMap<>();
    if (error != null) {
      extra.put("error", error);
    }
    if (localRead) {
      extra.put("served", "local");
    }
    operations.add(new Operation(operations.size(), process, type, f, value, true, OptionalLong.of(timeNanos), extra));
  }

  public int size() {
    return operations.size();
  }

  public List<Operation> operations() {
    return List.copyOf(operations);
  }

  /** The history as the checker takes it. */
  public History toHistory() {
    return History.of(operations);
  }
}
