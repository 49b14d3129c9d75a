package io.tumbler.lin.model.paths;

import io.tumbler.lin.history.Call;
import io.tumbler.lin.history.Keyword;
import io.tumbler.lin.model.FailureMeaning;
import io.tumbler.lin.model.KeyedState;
import io.tumbler.lin.model.Model;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code paths}: the service's hierarchical path store, as clients see it. Every call's {@code value}
 * is a JSON object naming one {@code "path"} ({@code "/cluster/config/leader"}); the vocabulary (the
 * workload generator emits exactly this; also in the module README):
 *
 * <table>
 *   <caption>paths operations</caption>
 *   <tr><th>f</th><th>invoke value</th><th>ok value</th><th>meaning</th></tr>
 *   <tr><td>get</td><td>{"path"}</td><td>{"path", "value"}</td><td>legal iff the path holds "value"; null means absent</td></tr>
 *   <tr><td>put</td><td>{"path", "value"}</td><td>any</td><td>sets the path</td></tr>
 *   <tr><td>delete</td><td>{"path"}</td><td>any</td><td>the path becomes absent (already absent: no change)</td></tr>
 *   <tr><td>cas</td><td>{"path", "expected", "value"}</td><td>any</td><td>legal iff the path holds "expected" (null: absent); sets "value"</td></tr>
 *   <tr><td>put-if-absent</td><td>{"path", "value"}</td><td>any</td><td>legal iff the path is absent; sets it</td></tr>
 * </table>
 *
 * <p>Values are compared with JSON equality. A {@code fail} whose {@code error} is {@code "mismatch"}
 * (cas: the path did not hold "expected"), {@code "exists"} (put-if-absent: the path was present) or
 * {@code "not-found"} (get or delete: the path was absent) is a refusal the state machine made and is
 * checked; any other {@code fail} means the command did not take effect.
 *
 * <p>The store is hierarchical in its names only: no call reads or changes more than one path, so the
 * history is checked per path (P-compositionality). A recursive delete or a list operation would couple
 * paths and need a partition by subtree instead.
 */
public final class PathsModel implements Model<KeyedState> {
  private static final KeyedState EMPTY = KeyedState.allDefault(null);
  private static final List<String> REASONS = List.of("mismatch", "exists", "not-found");

  @Override
  public String name() {
    return "paths";
  }

  @Override
  public KeyedState initialState() {
    return EMPTY;
  }

  @Override
  public FailureMeaning failureMeaning(Call call) {
    String reason = reasonName(call.error());
    return reason != null && REASONS.contains(reason) ? FailureMeaning.DEFINITE_RESPONSE : FailureMeaning.DID_NOT_HAPPEN;
  }

  @Override
  public boolean isReadOnly(Call call) {
    return call.isFailed() || call.f().equals("get");
  }

  private static String reasonName(Object error) {
    if (error instanceof Keyword keyword) {
      return keyword.name();
    }
    return error instanceof String text ? text : null;
  }

  @Override
  public List<KeyedState> step(KeyedState state, Call call) {
    Map<Object, Object> in = object(call.input(), call);
    String path = path(in, call);
    Object current = state.get(path);
    if (call.isFailed()) {
      return refusalHolds(call, in, current) ? List.of(state) : List.of();
    }
    switch (call.f()) {
      case "get":
        return call.isIndeterminate() || Objects.equals(field(object(call.output(), call), "value"), current)
            ? List.of(state) : List.of();
      case "put":
        return List.of(state.with(path, field(in, "value")));
      case "delete":
        return List.of(state.with(path, null));
      case "cas":
        return Objects.equals(current, field(in, "expected")) ? List.of(state.with(path, field(in, "value"))) : List.of();
      case "put-if-absent":
        return current == null ? List.of(state.with(path, field(in, "value"))) : List.of();
      default:
        throw new IllegalArgumentException("model paths has no operation '" + call.f() + "' (" + call + ")");
    }
  }

  private static boolean refusalHolds(Call call, Map<Object, Object> in, Object current) {
    String reason = reasonName(call.error());
    switch (call.f() + " " + reason) {
      case "cas mismatch":
        return !Objects.equals(current, field(in, "expected"));
      case "put-if-absent exists":
        return current != null;
      case "get not-found":
      case "delete not-found":
        return current == null;
      default:
        return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Object> object(Object value, Call call) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("a paths operation's value must be an object in " + call + ", got " + value);
    }
    return (Map<Object, Object>) map;
  }

  private static Object field(Map<Object, Object> object, String name) {
    Object value = object.get(name);
    return value != null ? value : object.get(Keyword.of(name));
  }

  private static String path(Map<Object, Object> in, Call call) {
    Object path = field(in, "path");
    if (!(path instanceof String text) || !text.startsWith("/")) {
      throw new IllegalArgumentException("field 'path' must be a string starting with / in " + call + ", got " + path);
    }
    return text;
  }

  @Override
  public boolean isPartitioned() {
    return true;
  }

  @Override
  public List<Object> partitionKeys(Call call) {
    return List.of(path(object(call.input(), call), call));
  }

  @Override
  public String describeState(KeyedState state) {
    return state.sortedForDisplay().toString();
  }

  @Override
  public Object stateAsData(KeyedState state) {
    return state.values();
  }
}
