package io.tumbler.lin.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A map of keys to values with a default for keys never written: the state of {@code multi-register},
 * {@code kv} and {@code kv-get-put-append}. Canonical: a key holding the default is not stored, so two
 * states that read the same compare equal.
 *
 * @param values       the keys whose value differs from the default (unmodifiable)
 * @param defaultValue what every other key holds (nil: absent)
 */
public record KeyedState(Map<Object, Object> values, Object defaultValue) {
  public KeyedState {
    values = Collections.unmodifiableMap(values);
  }

  /** The empty state: every key holds {@code defaultValue}. */
  public static KeyedState allDefault(Object defaultValue) {
    return new KeyedState(Map.of(), defaultValue);
  }

  /** The value of {@code key}. */
  public Object get(Object key) {
    return values.containsKey(key) ? values.get(key) : defaultValue;
  }

  /** This state with {@code key} set to {@code value}. */
  public KeyedState with(Object key, Object value) {
    if (Objects.equals(get(key), value)) {
      return this;
    }
    Map<Object, Object> copy = new HashMap<>(values);
    if (Objects.equals(value, defaultValue)) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return new KeyedState(copy, defaultValue);
  }

  /** Keys in a stable printed order, for descriptions. */
  public Map<String, Object> sortedForDisplay() {
    Map<String, Object> sorted = new TreeMap<>();
    values.forEach((key, value) -> sorted.put(String.valueOf(key), value));
    return sorted;
  }

  @Override
  public String toString() {
    return sortedForDisplay() + (values.isEmpty() || defaultValue != null ? " (others " + defaultValue + ")" : "");
  }
}
