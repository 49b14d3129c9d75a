package io.tumbler.lin.model;

import io.tumbler.lin.history.Call;
import java.util.List;
import java.util.Objects;

/**
 * {@code kv}: a map of independent registers, as Tumbler's {@code kv} workload uses it. Values are
 * Jepsen's independent tuples {@code [key v]}; every key starts absent (nil). Checked per key.
 *
 * <ul>
 *   <li>{@code read [k v]}: legal iff k holds v; v nil means k is absent (nil is a value, not a
 *       wildcard: Tumbler's client always knows what it read).</li>
 *   <li>{@code write [k v]}: sets k to v.</li>
 *   <li>{@code cas [k [from to]]} ok: legal iff k holds {@code from}; sets {@code to}.</li>
 *   <li>{@code cas} fail with {@code error} {@code "mismatch"}: a definite failed compare (the state
 *       machine applied and refused it): legal iff k does not hold {@code from}. Any other {@code fail}
 *       (no error, {@code not-leader}, ...) did not happen.</li>
 * </ul>
 */
public final class KvModel implements Model<KeyedState> {
  /** The error of a cas the state machine refused because the compare failed. */
  public static final String MISMATCH = "mismatch";

  private static final KeyedState EMPTY = KeyedState.allDefault(null);

  @Override
  public String name() {
    return "kv";
  }

  @Override
  public KeyedState initialState() {
    return EMPTY;
  }

  @Override
  public FailureMeaning failureMeaning(Call call) {
    return call.f().equals("cas") && OpValues.isReason(call.error(), MISMATCH)
        ? FailureMeaning.DEFINITE_RESPONSE : FailureMeaning.DID_NOT_HAPPEN;
  }

  @Override
  public boolean isReadOnly(Call call) {
    return call.f().equals("read") || call.isFailed();
  }

  @Override
  public List<KeyedState> step(KeyedState state, Call call) {
    List<Object> keyValue = OpValues.tuple(call.input(), 2, call, "kv value");
    Object key = keyValue.get(0);
    switch (call.f()) {
      case "read": {
        if (call.isIndeterminate()) {
          return List.of(state);
        }
        Object read = OpValues.tuple(call.output(), 2, call, "kv read result").get(1);
        return Objects.equals(read, state.get(key)) ? List.of(state) : List.of();
      }
      case "write":
        return List.of(state.with(key, keyValue.get(1)));
      case "cas": {
        List<Object> fromTo = OpValues.tuple(keyValue.get(1), 2, call, "cas [from to]");
        boolean holdsFrom = Objects.equals(state.get(key), fromTo.get(0));
        if (call.isFailed()) {
          return holdsFrom ? List.of() : List.of(state);
        }
        return holdsFrom ? List.of(state.with(key, fromTo.get(1))) : List.of();
      }
      default:
        throw OpValues.unknownFunction(name(), call);
    }
  }

  @Override
  public boolean isPartitioned() {
    return true;
  }

  @Override
  public List<Object> partitionKeys(Call call) {
    return List.of(OpValues.tuple(call.input(), 2, call, "kv value").get(0));
  }

  @Override
  public Object stateAsData(KeyedState state) {
    return state.values();
  }
}
