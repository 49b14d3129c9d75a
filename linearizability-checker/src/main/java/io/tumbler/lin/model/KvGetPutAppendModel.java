package io.tumbler.lin.model;

import io.tumbler.lin.history.Call;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code kv-get-put-append}: Porcupine's {@code kvModel} (corpus MANIFEST, section 2). Values are tuples
 * {@code [key v]} with string v (the Porcupine importer builds them from {@code :key} and {@code
 * :value}); every key starts as {@code ""}.
 *
 * <ul>
 *   <li>{@code get [k v]}: legal iff k holds v.</li>
 *   <li>{@code put [k v]}: sets k to v.</li>
 *   <li>{@code append [k v]}: appends v to k.</li>
 *   <li>{@code fail}: did not happen. Indeterminate gets change nothing.</li>
 * </ul>
 * P-compositional by key, as Porcupine's partitioned model.
 */
public final class KvGetPutAppendModel implements Model<TextMapState> {

  @Override
  public String name() {
    return "kv-get-put-append";
  }

  @Override
  public TextMapState initialState() {
    return TextMapState.EMPTY;
  }

  @Override
  public boolean isReadOnly(Call call) {
    return call.f().equals("get");
  }

  @Override
  public List<TextMapState> step(TextMapState state, Call call) {
    List<Object> keyValue = OpValues.tuple(call.input(), 2, call, "kv value");
    String key = text(keyValue.get(0), call);
    switch (call.f()) {
      case "get": {
        if (call.isIndeterminate()) {
          return List.of(state);
        }
        Object got = OpValues.tuple(call.output(), 2, call, "get result").get(1);
        return state.get(key).contentEquals(text(got, call)) ? List.of(state) : List.of();
      }
      case "put":
        return List.of(state.with(key, AppendedText.of(text(keyValue.get(1), call))));
      case "append":
        return List.of(state.with(key, state.get(key).append(text(keyValue.get(1), call))));
      default:
        throw OpValues.unknownFunction(name(), call);
    }
  }

  private static String text(Object value, Call call) {
    if (!(value instanceof String string)) {
      throw new IllegalArgumentException("kv-get-put-append keys and values must be strings in " + call);
    }
    return string;
  }

  @Override
  public boolean isBlindWrite(Call call) {
    return call.f().equals("put");
  }

  @Override
  public boolean readsState(Call call) {
    return call.f().equals("get") && !call.isIndeterminate();
  }

  /** The key a put will overwrite holds {@link AppendedText#OVERWRITTEN} until then. */
  @Override
  public TextMapState forgetOverwritten(TextMapState state, Call overwriter) {
    String key = text(OpValues.tuple(overwriter.input(), 2, overwriter, "kv value").get(0), overwriter);
    return state.with(key, AppendedText.OVERWRITTEN);
  }

  /** Without a put, a key's string only grows: a get of v is reachable only from prefixes of v. */
  @Override
  public Predicate<TextMapState> observerGuard(Call observer) {
    if (!observer.f().equals("get") || !observer.isOk()) {
      return null;
    }
    String key = text(OpValues.tuple(observer.input(), 2, observer, "kv value").get(0), observer);
    Object read = OpValues.tuple(observer.output(), 2, observer, "get result").get(1);
    if (!(read instanceof String value)) {
      return null;
    }
    long[] prefixHashes = AppendedText.prefixHashes(value);
    return state -> {
      AppendedText current = state.get(key);
      return current.length() <= value.length() && current.rollingHash() == prefixHashes[current.length()];
    };
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
  public String describeState(TextMapState state) {
    return state.toString();
  }

  @Override
  public Object stateAsData(TextMapState state) {
    return state.asMap();
  }
}
