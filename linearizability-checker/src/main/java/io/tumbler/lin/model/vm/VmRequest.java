package io.tumbler.lin.model.vm;

import io.tumbler.lin.history.Call;
import io.tumbler.lin.history.Keyword;
import java.util.Map;

/**
 * The fields of one {@code vm} call, read from its invocation value and (for ok calls) its completion
 * value: which host and VM it names and the sizes it declares. A missing required field is a model
 * error.
 *
 * @param call the call
 * @param in   the invocation value (a JSON object)
 * @param out  the ok completion's value when it is an object, else an empty map
 */
record VmRequest(Call call, Map<Object, Object> in, Map<Object, Object> out) {

  static VmRequest of(Call call) {
    Map<Object, Object> in = asObject(call.input(), call);
    Map<Object, Object> out = call.isOk() && call.output() instanceof Map<?, ?> ? asObject(call.output(), call) : Map.of();
    return new VmRequest(call, in, out);
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Object> asObject(Object value, Call call) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("a vm operation's value must be an object in " + call + ", got " + value);
    }
    return (Map<Object, Object>) map;
  }

  /** A field of the completion if present there, else of the invocation; null when in neither. */
  Object field(String name) {
    Object fromOut = lookup(out, name);
    return fromOut != null ? fromOut : lookup(in, name);
  }

  private static Object lookup(Map<Object, Object> object, String name) {
    Object value = object.get(name);
    return value != null ? value : object.get(Keyword.of(name));
  }

  /** A required string field. */
  String text(String name) {
    Object value = field(name);
    if (!(value instanceof String string)) {
      throw new IllegalArgumentException("field '" + name + "' must be a string in " + call + ", got " + value);
    }
    return string;
  }

  /** An optional string field, or null. */
  String optionalText(String name) {
    Object value = field(name);
    if (value != null && !(value instanceof String)) {
      throw new IllegalArgumentException("field '" + name + "' must be a string in " + call + ", got " + value);
    }
    return (String) value;
  }

  /** A required non-negative integer field. */
  long amount(String name) {
    Object value = field(name);
    if (!(value instanceof Long number) || number < 0) {
      throw new IllegalArgumentException("field '" + name + "' must be a non-negative integer in " + call + ", got " + value);
    }
    return number;
  }

  /** The host named in the invocation or the ok completion, or null. */
  String host() {
    return optionalText("host");
  }

  /** The VM id. */
  String vm() {
    return text("vm");
  }

  /** Whether the completion value carries {@code name} (a read result field to check). */
  boolean reports(String name) {
    return lookup(out, name) != null || out.containsKey(name);
  }

  /** A field of the completion only. */
  Object reported(String name) {
    return lookup(out, name);
  }
}
