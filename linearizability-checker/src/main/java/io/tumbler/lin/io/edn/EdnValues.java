package io.tumbler.lin.io.edn;

import clojure.lang.BigInt;
import clojure.lang.IPersistentList;
import clojure.lang.IPersistentMap;
import clojure.lang.IPersistentSet;
import clojure.lang.IPersistentVector;
import clojure.lang.ISeq;
import clojure.lang.PersistentArrayMap;
import clojure.lang.PersistentHashSet;
import clojure.lang.PersistentList;
import clojure.lang.PersistentVector;
import clojure.lang.Symbol;
import clojure.lang.TaggedLiteral;
import io.tumbler.lin.history.EdnList;
import io.tumbler.lin.history.EdnSymbol;
import io.tumbler.lin.history.EdnTagged;
import io.tumbler.lin.history.ImmutableValues;
import io.tumbler.lin.history.Keyword;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts between Clojure's EDN data and the history value universe ({@link ImmutableValues}), both ways,
 * without loss: keywords stay keywords, lists stay lists, sets stay sets, tagged elements keep their tag.
 */
public final class EdnValues {
  private EdnValues() {}

  /**
   * {@code data} (as Clojure's EDN reader returns it) in the history value universe.
   *
   * @throws IllegalArgumentException for data EDN cannot hold (a ratio, a function)
   */
  public static Object fromClojure(Object data) {
    if (data == null || data instanceof String || data instanceof Long || data instanceof Boolean
        || data instanceof Double || data instanceof Character || data instanceof java.math.BigDecimal) {
      return data;
    }
    if (data instanceof clojure.lang.Keyword keyword) {
      return Keyword.of(keyword.toString().substring(1));
    }
    if (data instanceof BigInt big) {
      return ImmutableValues.normalize(big.toBigInteger());
    }
    if (data instanceof Symbol symbol) {
      return new EdnSymbol(symbol.toString());
    }
    if (data instanceof TaggedLiteral tagged) {
      return new EdnTagged(tagged.tag.toString(), fromClojure(tagged.form));
    }
    return collectionFromClojure(data);
  }

  private static Object collectionFromClojure(Object data) {
    if (data instanceof IPersistentVector vector) {
      return ImmutableValues.list(items((Collection<?>) vector));
    }
    if (data instanceof IPersistentList || data instanceof ISeq) {
      return new EdnList(items((Collection<?>) data));
    }
    if (data instanceof IPersistentSet set) {
      Set<Object> items = new LinkedHashSet<>(items((Collection<?>) set));
      return ImmutableValues.normalize(items);
    }
    if (data instanceof IPersistentMap map) {
      Map<Object, Object> entries = new LinkedHashMap<>();
      for (Object entry : (Iterable<?>) map) {
        Map.Entry<?, ?> pair = (Map.Entry<?, ?>) entry;
        entries.put(fromClojure(pair.getKey()), fromClojure(pair.getValue()));
      }
      return ImmutableValues.map(entries);
    }
    throw new IllegalArgumentException("EDN value of an unsupported type " + data.getClass().getName() + ": " + data);
  }

  private static List<Object> items(Collection<?> collection) {
    List<Object> items = new ArrayList<>(collection.size());
    for (Object item : collection) {
      items.add(fromClojure(item));
    }
    return items;
  }

  /** {@code value} (of the history value universe) as Clojure data, for Clojure's printer. */
  public static Object toClojure(Object value) {
    if (value == null || value instanceof String || value instanceof Long || value instanceof Boolean
        || value instanceof Double || value instanceof Character || value instanceof java.math.BigDecimal) {
      return value;
    }
    if (value instanceof Keyword keyword) {
      return clojure.lang.Keyword.intern(keyword.name());
    }
    if (value instanceof BigInteger big) {
      return BigInt.fromBigInteger(big);
    }
    if (value instanceof EdnSymbol symbol) {
      return Symbol.intern(symbol.name());
    }
    if (value instanceof EdnTagged tagged) {
      return TaggedLiteral.create(Symbol.intern(tagged.tag()), toClojure(tagged.value()));
    }
    if (value instanceof EdnList list) {
      return PersistentList.create(clojureItems(list.items()));
    }
    return collectionToClojure(value);
  }

  private static Object collectionToClojure(Object value) {
    if (value instanceof List<?> vector) {
      return PersistentVector.create(clojureItems(vector));
    }
    if (value instanceof Set<?> set) {
      return PersistentHashSet.create(clojureItems(new ArrayList<>(set)));
    }
    if (value instanceof Map<?, ?> map) {
      Object[] keyValues = new Object[map.size() * 2];
      int i = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        keyValues[i++] = toClojure(entry.getKey());
        keyValues[i++] = toClojure(entry.getValue());
      }
      return new PersistentArrayMap(keyValues);
    }
    throw new IllegalArgumentException("not a history value: " + value.getClass().getName());
  }

  private static List<Object> clojureItems(List<?> items) {
    List<Object> converted = new ArrayList<>(items.size());
    for (Object item : items) {
      converted.add(toClojure(item));
    }
    return converted;
  }
}
