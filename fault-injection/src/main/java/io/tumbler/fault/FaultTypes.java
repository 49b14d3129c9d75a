package io.tumbler.fault;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code "type"} names of faults in a schedule, derived from the sealed {@link Fault} hierarchy: every record
 * that implements it names itself with {@link JsonTypeName}, and nothing else lists them. A fault record without a
 * name, or two with the same one, fails here when the class loads, so a schedule can never write a fault it cannot
 * read back.
 */
public final class FaultTypes extends TypeIdResolverBase {
  private static final Map<String, Class<?>> BY_NAME = new TreeMap<>();
  private static final Map<Class<?>, String> BY_CLASS = new LinkedHashMap<>();

  static {
    collect(Fault.class);
  }

  private static void collect(Class<?> sealed) {
    for (Class<?> sub : sealed.getPermittedSubclasses()) {
      if (sub.isInterface()) {
        collect(sub);
        continue;
      }
      JsonTypeName name = sub.getAnnotation(JsonTypeName.class);
      if (name == null || name.value().isEmpty()) {
        throw new ExceptionInInitializerError("fault " + sub.getName() + " has no @JsonTypeName");
      }
      if (BY_NAME.put(name.value(), sub) != null) {
        throw new ExceptionInInitializerError("two faults are named \"" + name.value() + "\"");
      }
      BY_CLASS.put(sub, name.value());
    }
  }

  /** Every fault's name, in alphabetical order. */
  public static List<String> names() {
    return new ArrayList<>(BY_NAME.keySet());
  }

  /** Every fault record class, in the same order as {@link #names()}. */
  public static List<Class<?>> classes() {
    return new ArrayList<>(BY_NAME.values());
  }

  /**
   * One fault of every kind, in the order of {@link #names()}, built from each record's components with small valid
   * values (nodes 1, 2..., 1 ms, 100 ppm, rate 0.1, the first enum constant, groups [[1], [2, 3]]): the starting point
   * {@code tumbler list faults} prints for hand-written schedules, and what tests walk to reach every kind.
   */
  public static List<Fault> examples() {
    List<Fault> out = new ArrayList<>();
    for (Class<?> type : BY_NAME.values()) {
      RecordComponent[] components = type.getRecordComponents();
      Object[] args = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      int nextNode = 1;
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        args[i] = types[i] == int.class ? nextNode++
            : components[i].getName().endsWith("Ppm") ? 100L : exampleValue(types[i]);
      }
      try {
        out.add((Fault) type.getDeclaredConstructor(types).newInstance(args));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot build an example of fault " + type.getName(), e);
      }
    }
    return out;
  }

  private static Object exampleValue(Class<?> type) {
    if (type == long.class) {
      return 1_000_000L;
    } else if (type == double.class) {
      return 0.1;
    } else if (type.isEnum()) {
      return type.getEnumConstants()[0];
    } else if (type == List.class) {
      return List.of(List.of(1), List.of(2, 3));
    }
    throw new IllegalStateException("no example value for a fault component of type " + type.getName());
  }

  /** The name of {@code fault}'s kind, as written in a schedule's {@code "type"} field. */
  public static String nameOf(Fault fault) {
    return BY_CLASS.get(fault.getClass());
  }

  @Override
  public String idFromValue(Object value) {
    return BY_CLASS.get(value.getClass());
  }

  @Override
  public String idFromValueAndType(Object value, Class<?> suggestedType) {
    return idFromValue(value);
  }

  @Override
  public JavaType typeFromId(DatabindContext context, String id) {
    Class<?> type = BY_NAME.get(id);
    return type == null ? null : context.constructType(type);
  }

  @Override
  public String getDescForKnownTypeIds() {
    return String.join(", ", BY_NAME.keySet());
  }

  @Override
  public JsonTypeInfo.Id getMechanism() {
    return JsonTypeInfo.Id.CUSTOM;
  }
}
