package io.tumbler.lin.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One event of a history, with Jepsen's fields: an invocation or a completion of an operation.
 *
 * <p>Values are normalized (see {@link ImmutableValues}); the record is immutable. The order of a
 * {@link History}'s operations is the real-time order; {@link #timeNanos} is informative only.
 *
 * @param index        Jepsen's {@code :index}: the file's own index when it has one, else the event's
 *                     0-based position in its source (for Porcupine logs, the line number)
 * @param process      the process: a {@link Long} for a client; anything else (Jepsen's {@code :nemesis}
 *                     keyword) marks a non-client event the checker ignores
 * @param type         invoke, ok, fail or info
 * @param f            the function name without colon ({@code "read"}, {@code "cas"}, {@code "create-vm"})
 * @param value        the value ({@code null} for nil or when absent)
 * @param valuePresent false when the source had no {@code value} key at all (Knossos mutex histories),
 *                     so that it round-trips; every writer omits the key then
 * @param timeNanos    Jepsen's {@code :time} in nanoseconds, when recorded
 * @param extra        every other field in source order ({@code error}, ...), keyed by name without colon
 */
public record Operation(
    long index,
    Object process,
    OpType type,
    String f,
    Object value,
    boolean valuePresent,
    OptionalLong timeNanos,
    Map<String, Object> extra) {

  /** Field names that {@link #extra} may not use, because they are the record's own. */
  public static final Set<String> STANDARD_FIELDS =
      Collections.unmodifiableSet(new java.util.LinkedHashSet<>(
          java.util.List.of("index", "process", "type", "f", "value", "time")));

  public Operation {
    process = ImmutableValues.normalize(Objects.requireNonNull(process, "process"));
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(f, "f");
    value = ImmutableValues.normalize(value);
    if (!valuePresent && value != null) {
      throw new IllegalArgumentException("an absent value must be null, got " + value);
    }
    Objects.requireNonNull(timeNanos, "timeNanos");
    extra = normalizeExtra(extra);
  }

  private static Map<String, Object> normalizeExtra(Map<String, Object> extra) {
    if (extra == null || extra.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Object> field : extra.entrySet()) {
      if (STANDARD_FIELDS.contains(field.getKey())) {
        throw new IllegalArgumentException("extra field may not be named " + field.getKey());
      }
      copy.put(field.getKey(), ImmutableValues.normalize(field.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  /** An invocation by client {@code process}, without time or extra fields. */
  public static Operation invoke(long index, long process, String f, Object value) {
    return of(index, process, OpType.INVOKE, f, value);
  }

  /** An ok completion by client {@code process}. */
  public static Operation ok(long index, long process, String f, Object value) {
    return of(index, process, OpType.OK, f, value);
  }

  /** A fail completion by client {@code process}. */
  public static Operation fail(long index, long process, String f, Object value) {
    return of(index, process, OpType.FAIL, f, value);
  }

  /** An info (indeterminate) completion by client {@code process}. */
  public static Operation info(long index, long process, String f, Object value) {
    return of(index, process, OpType.INFO, f, value);
  }

  /** An event with a value, no time and no extra fields. */
  public static Operation of(long index, long process, OpType type, String f, Object value) {
    return new Operation(index, process, type, f, value, true, OptionalLong.empty(), Map.of());
  }

  /** Whether a client (an integer process) issued this event; nemesis events are not checked. */
  public boolean isClient() {
    return process instanceof Long;
  }

  /** The client process number; only for {@link #isClient()} events. */
  public long clientProcess() {
    if (!(process instanceof Long number)) {
      throw new IllegalStateException("not a client event: " + this);
    }
    return number;
  }

  /** The {@code error} field (Jepsen's failure reason), or null. */
  public Object error() {
    return extra.get("error");
  }

  /** This event with another index. */
  public Operation withIndex(long newIndex) {
    return new Operation(newIndex, process, type, f, value, valuePresent, timeNanos, extra);
  }

  /** This event with another time. */
  public Operation withTimeNanos(long newTimeNanos) {
    return new Operation(index, process, type, f, value, valuePresent, OptionalLong.of(newTimeNanos), extra);
  }

  /** This event with an extra field added or replaced. */
  public Operation withExtra(String name, Object fieldValue) {
    Map<String, Object> copy = new LinkedHashMap<>(extra);
    copy.put(name, fieldValue);
    return new Operation(index, process, type, f, value, valuePresent, timeNanos, copy);
  }

  /** A compact Jepsen-like rendering: {@code {index 3, process 1, ok read 2}}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{index ").append(index).append(", process ").append(process)
        .append(", ").append(type.jepsenName()).append(' ').append(f);
    if (valuePresent) {
      out.append(' ').append(value);
    }
    extra.forEach((name, fieldValue) -> out.append(", ").append(name).append(' ').append(fieldValue));
    return out.append('}').toString();
  }
}
