package io.tumbler.lin.history;

import java.util.List;

/**
 * An EDN list {@code (a b c)}, kept apart from a vector (a Java {@link List}) only so that EDN prints
 * back as it was read. Clojure considers a list and a vector with the same items equal; so does
 * {@link #sameItems}.
 *
 * @param items the elements, in order (an immutable copy)
 */
public record EdnList(List<Object> items) {
  public EdnList {
    items = ImmutableValues.list(items);
  }

  /** Whether {@code other} (a list or vector) holds the same items in the same order. */
  public boolean sameItems(Object other) {
    if (other instanceof EdnList list) {
      return items.equals(list.items);
    }
    return other instanceof List<?> vector && items.equals(vector);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < items.size(); i++) {
      out.append(i == 0 ? "" : " ").append(items.get(i));
    }
    return out.append(')').toString();
  }
}
