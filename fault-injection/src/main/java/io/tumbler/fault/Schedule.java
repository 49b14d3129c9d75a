package io.tumbler.fault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The timed faults of one run, in firing order (ties keep their listed order). Serializes to
 * {@code {"version":1,"faults":[{"atMillis":..,"fault":{"type":..}}]}}; a schedule read back replays
 * the run exactly, and a hand-edited one is validated on read.
 */
public record Schedule(int version, List<TimedFault> faults) {
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public Schedule {
    if (version != FORMAT_VERSION) {
      throw new IllegalArgumentException("unsupported schedule version " + version + " (expected " + FORMAT_VERSION + ")");
    }
    List<TimedFault> sorted = new ArrayList<>(faults);
    sorted.sort(Comparator.comparingLong(TimedFault::atMillis)); // stable: ties keep their order
    faults = List.copyOf(sorted);
  }

  public static Schedule of(List<TimedFault> faults) {
    return new Schedule(FORMAT_VERSION, faults);
  }

  public static Schedule empty() {
    return of(List.of());
  }

  /** The same schedule without the faults at the given positions (for shrinking). */
  public Schedule without(int fromInclusive, int toExclusive) {
    List<TimedFault> kept = new ArrayList<>(faults.subList(0, fromInclusive));
    kept.addAll(faults.subList(toExclusive, faults.size()));
    return of(kept);
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a schedule always serializes", e);
    }
  }

  /** Reads a schedule; malformed JSON or an unknown fault type raises a message naming line and column. */
  public static Schedule fromJson(String json) {
    try {
      return JSON.readValue(json, Schedule.class);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr();
      throw new IllegalArgumentException("malformed schedule" + where + ": " + e.getOriginalMessage(), e);
    }
  }
}
