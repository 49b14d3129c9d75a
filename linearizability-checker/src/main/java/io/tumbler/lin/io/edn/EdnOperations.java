package io.tumbler.lin.io.edn;

import clojure.lang.IPersistentMap;
import clojure.lang.PersistentArrayMap;
import io.tumbler.lin.history.Keyword;
import io.tumbler.lin.history.MalformedHistoryException;
import io.tumbler.lin.history.OpType;
import io.tumbler.lin.history.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Jepsen op maps ({@code {:process 1, :type :ok, :f :read, :value 3, :time ..., :index ...}}) to and
 * from {@link Operation}s. {@code :process}, {@code :type} and {@code :f} are required; {@code :type} is
 * one of the four types and {@code :f} a keyword; {@code :time} and {@code :index} are integers when
 * present; every other key (a keyword) is kept as an extra field.
 */
public final class EdnOperations {
  private static final clojure.lang.Keyword PROCESS = clojure.lang.Keyword.intern("process");
  private static final clojure.lang.Keyword TYPE = clojure.lang.Keyword.intern("type");
  private static final clojure.lang.Keyword F = clojure.lang.Keyword.intern("f");
  private static final clojure.lang.Keyword VALUE = clojure.lang.Keyword.intern("value");
  private static final clojure.lang.Keyword TIME = clojure.lang.Keyword.intern("time");
  private static final clojure.lang.Keyword INDEX = clojure.lang.Keyword.intern("index");

  private EdnOperations() {}

  /** Whether {@code form} has an {@code :index} key. */
  static boolean hasIndex(Object form) {
    return form instanceof IPersistentMap map && map.containsKey(INDEX);
  }

  /**
   * The operation in op map {@code form}.
   *
   * @param position the index to use when the map has no {@code :index}
   * @param source   the file, for errors
   * @param line     the line the map starts on, for errors
   */
  public static Operation fromOpMap(Object form, long position, String source, int line) {
    if (!(form instanceof IPersistentMap map)) {
      throw new MalformedHistoryException(source, line, "an op map {:process .., :type .., :f ..}",
          MalformedHistoryException.excerpt(form));
    }
    Object process = required(map, PROCESS, source, line);
    OpType type = type(map, source, line);
    String f = keywordName(required(map, F, source, line), ":f to be a keyword", source, line);
    Map<String, Object> extra = new LinkedHashMap<>();
    for (Object entry : map) {
      Map.Entry<?, ?> pair = (Map.Entry<?, ?>) entry;
      Object key = pair.getKey();
      if (key != PROCESS && key != TYPE && key != F && key != VALUE && key != TIME && key != INDEX) {
        extra.put(keywordName(key, "op map keys to be keywords", source, line), convert(pair.getValue(), source, line));
      }
    }
    return new Operation(integer(map, INDEX, source, line, position), convert(process, source, line), type, f,
        convert(map.valAt(VALUE), source, line), map.containsKey(VALUE), time(map, source, line), extra);
  }

  private static Object required(IPersistentMap map, clojure.lang.Keyword key, String source, int line) {
    if (!map.containsKey(key)) {
      throw new MalformedHistoryException(source, line, "an op map with " + key, MalformedHistoryException.excerpt(map));
    }
    return map.valAt(key);
  }

  private static OpType type(IPersistentMap map, String source, int line) {
    Object type = required(map, TYPE, source, line);
    OpType parsed = type instanceof clojure.lang.Keyword keyword ? OpType.fromJepsenName(keyword.getName()) : null;
    if (parsed == null) {
      throw new MalformedHistoryException(source, line, ":type :invoke, :ok, :fail or :info", MalformedHistoryException.excerpt(type));
    }
    return parsed;
  }

  private static String keywordName(Object key, String expected, String source, int line) {
    if (!(key instanceof clojure.lang.Keyword keyword)) {
      throw new MalformedHistoryException(source, line, expected, MalformedHistoryException.excerpt(key));
    }
    return keyword.toString().substring(1);
  }

  private static long integer(IPersistentMap map, clojure.lang.Keyword key, String source, int line, long fallback) {
    if (!map.containsKey(key)) {
      return fallback;
    }
    Object value = map.valAt(key);
    if (!(value instanceof Long number)) {
      throw new MalformedHistoryException(source, line, key + " to be an integer", MalformedHistoryException.excerpt(value));
    }
    return number;
  }

  private static OptionalLong time(IPersistentMap map, String source, int line) {
    return map.containsKey(TIME) ? OptionalLong.of(integer(map, TIME, source, line, 0)) : OptionalLong.empty();
  }

  private static Object convert(Object data, String source, int line) {
    try {
      return EdnValues.fromClojure(data);
    } catch (IllegalArgumentException e) {
      throw new MalformedHistoryException(source, line, "EDN data (nil, numbers, strings, keywords, collections)", e.getMessage());
    }
  }

  /** {@code operation} as a Jepsen op map; {@code :index} only when {@code withIndex}. */
  public static Object toOpMap(Operation operation, boolean withIndex) {
    List<Object> keyValues = new ArrayList<>();
    keyValues.add(PROCESS);
    keyValues.add(EdnValues.toClojure(operation.process()));
    keyValues.add(TYPE);
    keyValues.add(clojure.lang.Keyword.intern(operation.type().jepsenName()));
    keyValues.add(F);
    keyValues.add(EdnValues.toClojure(Keyword.of(operation.f())));
    if (operation.valuePresent()) {
      keyValues.add(VALUE);
      keyValues.add(EdnValues.toClojure(operation.value()));
    }
    if (operation.timeNanos().isPresent()) {
      keyValues.add(TIME);
      keyValues.add(operation.timeNanos().getAsLong());
    }
    if (withIndex) {
      keyValues.add(INDEX);
      keyValues.add(operation.index());
    }
    operation.extra().forEach((name, value) -> {
      keyValues.add(clojure.lang.Keyword.intern(name));
      keyValues.add(EdnValues.toClojure(value));
    });
    return new PersistentArrayMap(keyValues.toArray());
  }
}
