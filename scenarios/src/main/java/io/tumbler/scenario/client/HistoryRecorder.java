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

  public void invoke(long process, String f, Object value, long timeNanos) {
    add(process, OpType.INVOKE, f, value, timeNanos, null);
  }

  public void ok(long process, String f, Object value, long timeNanos) {
    add(process, OpType.OK, f, value, timeNanos, null);
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
    Map<String, Object> extra = new LinkedHashMap<>();
    if (error != null) {
      extra.put("error", error);
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
