package io.tumbler.lin.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of {@code kv-get-put-append}: keys (sorted) to {@link AppendedText}, every other key holding
 * {@code ""}. Small sorted arrays rather than a map: a checked sub-history usually has one key, and the
 * search creates a state per step. Canonical (no key holds {@code ""}), immutable, hash cached.
 */
public final class TextMapState {
  /** Every key holds "". */
  public static final TextMapState EMPTY = new TextMapState(new String[0], new AppendedText[0]);

  private final String[] keys;
  private final AppendedText[] values;
  private final int hash;

  private TextMapState(String[] keys, AppendedText[] values) {
    this.keys = keys;
    this.values = values;
    this.hash = 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
  }

  /** The value of {@code key}. */
  public AppendedText get(String key) {
    int at = Arrays.binarySearch(keys, key);
    return at >= 0 ? values[at] : AppendedText.EMPTY;
  }

  /** This state with {@code key} set to {@code value}. */
  public TextMapState with(String key, AppendedText value) {
    int at = Arrays.binarySearch(keys, key);
    if (at >= 0) {
      if (value == AppendedText.EMPTY) {
        return without(at);
      }
      AppendedText[] newValues = values.clone();
      newValues[at] = value;
      return new TextMapState(keys, newValues);
    }
    if (value == AppendedText.EMPTY) {
      return this;
    }
    int insert = -at - 1;
    String[] newKeys = new String[keys.length + 1];
    AppendedText[] newValues = new AppendedText[keys.length + 1];
    System.arraycopy(keys, 0, newKeys, 0, insert);
    System.arraycopy(values, 0, newValues, 0, insert);
    newKeys[insert] = key;
    newValues[insert] = value;
    System.arraycopy(keys, insert, newKeys, insert + 1, keys.length - insert);
    System.arraycopy(values, insert, newValues, insert + 1, keys.length - insert);
    return new TextMapState(newKeys, newValues);
  }

  private TextMapState without(int at) {
    String[] newKeys = new String[keys.length - 1];
    AppendedText[] newValues = new AppendedText[keys.length - 1];
    System.arraycopy(keys, 0, newKeys, 0, at);
    System.arraycopy(values, 0, newValues, 0, at);
    System.arraycopy(keys, at + 1, newKeys, at, keys.length - at - 1);
    System.arraycopy(values, at + 1, newValues, at, keys.length - at - 1);
    return new TextMapState(newKeys, newValues);
  }

  /** The keys that hold something, with their strings, in key order. */
  public Map<Object, Object> asMap() {
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keys.length; i++) {
      map.put(keys[i], values[i].toString());
    }
    return map;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TextMapState state && state.hash == hash
        && Arrays.equals(keys, state.keys) && Arrays.equals(values, state.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
