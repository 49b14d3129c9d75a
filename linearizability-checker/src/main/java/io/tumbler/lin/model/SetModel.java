package io.tumbler.lin.model;

import io.tumbler.lin.history.Call;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code set}: a grow-only set, as Knossos's {@code set} model. {@code add v} adds v; {@code read} ok
 * returns the whole set (a vector or set value) and is legal iff it equals the state as a set.
 * {@code fail}: did not happen. Not partitioned: every read observes every element.
 */
public final class SetModel implements Model<Set<Object>> {
  @Override
  public String name() {
    return "set";
  }

  @Override
  public Set<Object> initialState() {
    return Set.of();
  }

  @Override
  public boolean isReadOnly(Call call) {
    return call.f().equals("read");
  }

  @Override
  public List<Set<Object>> step(Set<Object> state, Call call) {
    switch (call.f()) {
      case "add": {
        if (state.contains(call.input())) {
          return List.of(state);
        }
        Set<Object> next = new HashSet<>(state);
        next.add(call.input());
        return List.of(Collections.unmodifiableSet(next));
      }
      case "read":
        return call.isIndeterminate() || state.equals(asSet(call)) ? List.of(state) : List.of();
      default:
        throw OpValues.unknownFunction(name(), call);
    }
  }

  private static Set<Object> asSet(Call call) {
    Object output = call.output();
    List<Object> items = OpValues.items(output);
    if (items != null) {
      return new HashSet<>(items);
    }
    if (output instanceof Collection<?> collection) {
      return new HashSet<>(collection);
    }
    throw new IllegalArgumentException("a set read must return a collection in " + call);
  }

  @Override
  public String describeState(Set<Object> state) {
    Set<String> sorted = new TreeSet<>();
    state.forEach(element -> sorted.add(String.valueOf(element)));
    return "#{" + String.join(" ", sorted) + "}";
  }
}
