package io.tumbler.lin.model;

import io.tumbler.lin.history.Call;
import io.tumbler.lin.history.EdnList;
import io.tumbler.lin.history.Keyword;
import java.util.List;
import java.util.Map;

/**
 * Reading the shapes of operation values, with errors that name the call. A value of the wrong shape is
 * a model error ({@link IllegalArgumentException}): the verdict becomes UNKNOWN.
 */
final class OpValues {
  private OpValues() {}

  /** The items of a vector (or EDN list) of exactly {@code size} items. */
  static List<Object> tuple(Object value, int size, Call call, String what) {
    List<Object> items = items(value);
    if (items == null || items.size() != size) {
      throw new IllegalArgumentException(what + " must be a " + size + "-element vector in " + call + ", got " + value);
    }
    return items;
  }

  /** The items of a vector or EDN list, or null when {@code value} is neither. */
  @SuppressWarnings("unchecked")
  static List<Object> items(Object value) {
    if (value instanceof EdnList list) {
      return list.items();
    }
    return value instanceof List<?> vector ? (List<Object>) vector : null;
  }

  /** The JSON object (a map keyed by strings or keywords) of a call's value. */
  @SuppressWarnings("unchecked")
  static Map<Object, Object> object(Object value, Call call) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("value must be an object in " + call + ", got " + value);
    }
    return (Map<Object, Object>) map;
  }

  /** Field {@code name} of an object, by string or keyword key; null when absent. */
  static Object field(Map<Object, Object> object, String name) {
    Object value = object.get(name);
    return value != null ? value : object.get(Keyword.of(name));
  }

  /** A required string field. */
  static String stringField(Map<Object, Object> object, String name, Call call) {
    Object value = field(object, name);
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException("field " + name + " must be a string in " + call + ", got " + value);
    }
    return text;
  }

  /** A required non-negative integer field. */
  static long longField(Map<Object, Object> object, String name, Call call) {
    Object value = field(object, name);
    if (!(value instanceof Long number) || number < 0) {
      throw new IllegalArgumentException("field " + name + " must be a non-negative integer in " + call + ", got " + value);
    }
    return number;
  }

  /** Whether an error value names {@code reason} (as a string or a keyword). */
  static boolean isReason(Object error, String reason) {
    return reason.equals(error) || Keyword.of(reason).equals(error);
  }

  /** The name of an error value (string or keyword), or null. */
  static String reasonName(Object error) {
    if (error instanceof String text) {
      return text;
    }
    return error instanceof Keyword keyword ? keyword.name() : null;
  }

  /** The model error for an unknown function. */
  static IllegalArgumentException unknownFunction(String model, Call call) {
    return new IllegalArgumentException("model " + model + " has no operation '" + call.f() + "' (" + call + ")");
  }
}
