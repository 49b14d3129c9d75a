package io.tumbler.lin.history;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Normalizes the values an {@link Operation} may carry to the one universe every reader, writer and
 * model agrees on: {@code null}, {@link Boolean}, {@link Long} (every integer that fits), {@link
 * BigInteger}, {@link Double}, {@link java.math.BigDecimal}, {@link String}, {@link Character}, {@link
 * Keyword}, {@link EdnSymbol}, {@link EdnTagged}, {@link EdnList}, and unmodifiable {@link List}
 * (vectors), {@link Set} and {@link Map} that keep insertion order. Normalizing once at the edge lets
 * models compare values with {@code equals} (an {@code Integer 3} would not equal a {@code Long 3}).
 */
public final class ImmutableValues {
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private ImmutableValues() {}

  /** {@code value} in the normal universe; throws IllegalArgumentException for anything outside it. */
  public static Object normalize(Object value) {
    if (value == null || value instanceof Long || value instanceof String || value instanceof Keyword
        || value instanceof Boolean || value instanceof Double || value instanceof EdnList
        || value instanceof EdnSymbol || value instanceof EdnTagged || value instanceof Character
        || value instanceof java.math.BigDecimal) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof BigInteger big) {
      return big.compareTo(LONG_MIN) >= 0 && big.compareTo(LONG_MAX) <= 0 ? (Object) big.longValue() : big;
    }
    return normalizeCollection(value);
  }

  private static Object normalizeCollection(Object value) {
    if (value instanceof List<?> items) {
      return list(items);
    }
    if (value instanceof Set<?> items) {
      Set<Object> copy = new LinkedHashSet<>();
      for (Object item : items) {
        copy.add(normalize(item));
      }
      return Collections.unmodifiableSet(copy);
    }
    if (value instanceof Map<?, ?> entries) {
      return map(entries);
    }
    throw new IllegalArgumentException("unsupported value of type " + value.getClass().getName() + ": " + value);
  }

  /** An unmodifiable, normalized copy of {@code items}. */
  public static List<Object> list(List<?> items) {
    List<Object> copy = new ArrayList<>(items.size());
    for (Object item : items) {
      copy.add(normalize(item));
    }
    return Collections.unmodifiableList(copy);
  }

  /** An unmodifiable, normalized, order-keeping copy of {@code entries}. */
  public static Map<Object, Object> map(Map<?, ?> entries) {
    Map<Object, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : entries.entrySet()) {
      copy.put(normalize(entry.getKey()), normalize(entry.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  /** Shorthand for an unmodifiable vector of the given items, normalized. */
  public static List<Object> vector(Object... items) {
    return list(java.util.Arrays.asList(items));
  }
}
