package io.tumbler.lin.testing;

import io.tumbler.lin.history.History;
import io.tumbler.lin.history.ImmutableValues;
import io.tumbler.lin.history.OpType;
import io.tumbler.lin.history.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Builds a history event by event in a readable way for model tests: {@code invoke(1, "read", null)},
 * {@code ok(1, 3L)}; a completion reuses the function of the process's open call.
 */
public final class HistoryScript {
  private final List<Operation> events = new ArrayList<>();
  private final Map<Long, String> openFunctions = new HashMap<>();

  /** A JSON-object value from alternating keys and values. */
  public static Map<Object, Object> object(Object... keysAndValues) {
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return ImmutableValues.map(map);
  }

  public HistoryScript invoke(long process, String f, Object value) {
    openFunctions.put(process, f);
    events.add(Operation.invoke(events.size(), process, f, value));
    return this;
  }

  public HistoryScript ok(long process, Object value) {
    events.add(Operation.ok(events.size(), process, openFunctions.remove(process), value));
    return this;
  }

  public HistoryScript fail(long process, String error) {
    String f = openFunctions.remove(process);
    Map<String, Object> extra = error == null ? Map.of() : Map.of("error", error);
    events.add(new Operation(events.size(), process, OpType.FAIL, f, null, true, OptionalLong.empty(), extra));
    return this;
  }

  public HistoryScript info(long process) {
    events.add(Operation.info(events.size(), process, openFunctions.remove(process), null));
    return this;
  }

  /** invoke then ok with the same value. */
  public HistoryScript call(long process, String f, Object value) {
    return invoke(process, f, value).ok(process, value);
  }

  public History build() {
    return History.of(events);
  }
}
