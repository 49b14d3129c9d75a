package io.tumbler.lin.model.paths;

import io.tumbler.lin.history.Call;
import io.tumbler.lin.history.Keyword;
import io.tumbler.lin.model.FailureMeaning;
import io.tumbler.lin.model.KeyedState;
import io.tumbler.lin.model.Model;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code paths}: the service's hierarchical path store, as clients see it. Every call's {@code value}
 * is a JSON object naming one {@code "path"} ({@code "/cluster/config/leader"}); the vocabulary (the
 * workload generator emits exactly this; also in the module README):
 *
 * <table>
 *   <caption>paths operations</caption>
 *   <tr><th>f</th><th>invoke value</th><th>ok value</th><th>meaning</th></tr>
 *   <tr><td>get</td><td>{"path"}</td><td>{"path", "value", "version"?}</td><td>legal iff the path holds "value"; null means absent</td></tr>
 *   <tr><td>put</td><td>{"path", "value"}</td><td>any; {"version"?}</td><td>sets the path</td></tr>
 *   <tr><td>delete</td><td>{"path"}</td><td>any</td><td>the path becomes absent (already absent: no change)</td></tr>
 *   <tr><td>cas</td><td>{"path", "expected", "value"}</td><td>any; {"version"?}</td><td>legal iff the path holds "expected" (null: absent); sets "value"</td></tr>
 *   <tr><td>cas</td><td>{"path", "compare": "version", "expected-version", "value"}</td><td>any; {"version"?}</td><td>legal iff the path's version is "expected-version" (0: absent); sets "value"</td></tr>
 *   <tr><td>cas</td><td>{"path", "compare": "mod-revision", "expected", "value"}</td><td>any; {"version"?}</td><td>checked as a value cas on "expected" (see below); sets "value"</td></tr>
 *   <tr><td>put-if-absent</td><td>{"path", "value"}</td><td>any; {"version"?}</td><td>legal iff the path is absent; sets it</td></tr>
 * </table>
 *
 * <p>Values are compared with JSON equality. A {@code fail} whose {@code error} is {@code "mismatch"}
 * (cas: the comparison did not hold), {@code "exists"} (put-if-absent: the path was present) or
 * {@code "not-found"} (get or delete: the path was absent) is a refusal the state machine made and is
 * checked; any other {@code fail} means the command did not take effect.
 *
 * <p><b>Versions.</b> The state keeps, per path, the value and etcd's per-key version ({@link StoredValue}):
 * a put, a successful cas or a put-if-absent sets the version to the old one plus 1 (1 if absent); a
 * delete makes the path absent, so the version restarts. An ok output that carries {@code "version"} (a
 * get, or a write) is legal only if it equals the version after the operation (0 for an absent get); one
 * without it is not checked, so histories recorded before versions existed still check as before.
 *
 * <p><b>Mod revisions without a store revision.</b> A {@code "mod-revision"} cas expects the store revision
 * of the path's last write. Tracking the store revision would couple every path and end the per-path
 * check, so the model relies on what the client sends with it: {@code "expected"}, the value it saw at that
 * revision (null: absent, revision 0). Writers of such histories (the {@code paths} workload) write unique
 * values and never write one twice, so each value has exactly one write, at exactly one revision, and
 * "the path was last written at revision r" is the same fact as "the path holds the value written at r":
 * the model checks it as a value cas. {@code "expected-mod-revision"} may be recorded for readers and is
 * ignored. A history that rewrites values would make this check too lenient, never too strict.
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
    StoredValue current = (StoredValue) state.get(path);
    if (call.isFailed()) {
      return refusalHolds(call, in, current) ? List.of(state) : List.of();
    }
    switch (call.f()) {
      case "get":
        return call.isIndeterminate() || readMatches(call, current) ? List.of(state) : List.of();
      case "put":
        return written(state, path, current, in, call);
      case "delete":
        return List.of(state.with(path, null));
      case "cas":
        return comparisonHolds(in, current, call) ? written(state, path, current, in, call) : List.of();
      case "put-if-absent":
        return current == null ? written(state, path, current, in, call) : List.of();
      default:
        throw new IllegalArgumentException("model paths has no operation '" + call.f() + "' (" + call + ")");
    }
  }

  /** A get's output names the current value, and the current version when it reports one. */
  private static boolean readMatches(Call call, StoredValue current) {
    Map<Object, Object> out = object(call.output(), call);
    return Objects.equals(field(out, "value"), StoredValue.valueOf(current))
        && reportedVersionIs(out, StoredValue.versionOf(current), call);
  }

  /** The state after a write of "value" over {@code current}; none if the call reports another version. */
  private static List<KeyedState> written(KeyedState state, String path, StoredValue current,
      Map<Object, Object> in, Call call) {
    StoredValue next = new StoredValue(field(in, "value"), StoredValue.versionOf(current) + 1);
    boolean reportsOther = !call.isIndeterminate() && call.output() instanceof Map<?, ?>
        && !reportedVersionIs(object(call.output(), call), next.version(), call);
    return reportsOther ? List.of() : List.of(state.with(path, next));
  }

  /** True when {@code out} has no "version", or has exactly {@code version}. */
  private static boolean reportedVersionIs(Map<Object, Object> out, long version, Call call) {
    Long reported = versionField(out, "version", call);
    return reported == null || reported == version;
  }

  /** Whether a cas's comparison holds for {@code current} (see the class comment for mod revisions). */
  private static boolean comparisonHolds(Map<Object, Object> in, StoredValue current, Call call) {
    String compare = reasonName(field(in, "compare"));
    if (compare == null || compare.equals("value") || compare.equals("mod-revision")) {
      return Objects.equals(StoredValue.valueOf(current), field(in, "expected"));
    }
    if (compare.equals("version")) {
      Long expected = versionField(in, "expected-version", call);
      if (expected == null) {
        throw new IllegalArgumentException("a version cas needs 'expected-version' in " + call);
      }
      return StoredValue.versionOf(current) == expected;
    }
    throw new IllegalArgumentException("cas field 'compare' must be value, version or mod-revision in " + call
        + ", got " + compare);
  }

  private static boolean refusalHolds(Call call, Map<Object, Object> in, StoredValue current) {
    String reason = reasonName(call.error());
    switch (call.f() + " " + reason) {
      case "cas mismatch":
        return !comparisonHolds(in, current, call);
      case "put-if-absent exists":
        return current != null;
      case "get not-found":
      case "delete not-found":
        return current == null;
      default:
        return false;
    }
  }

  private static Long versionField(Map<Object, Object> object, String name, Call call) {
    Object value = field(object, name);
    if (value != null && !(value instanceof Long)) {
      throw new IllegalArgumentException("field '" + name + "' must be an integer in " + call + ", got " + value);
    }
    return (Long) value;
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

  /** Path to {@code {"value", "version"}}, in path order. */
  @Override
  public Object stateAsData(KeyedState state) {
    Map<String, Object> data = new TreeMap<>();
    state.values().forEach((path, stored) -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("value", ((StoredValue) stored).value());
      entry.put("version", ((StoredValue) stored).version());
      data.put((String) path, entry);
    });
    return data;
  }
}
