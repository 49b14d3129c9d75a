package io.tumbler.runformat;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of a run's {@code trace.jsonl}: one simulator event, with the fingerprinted fields ({@code type},
 * {@code timeNanos}, {@code process}, {@code a}, {@code b}; their meaning per type is the simulator's
 * {@code TraceType}) and what the simulation knew about it beside them: a message as data ({@link TraceMessage})
 * on the message events, or a free text {@code detail} (a process name on {@code PROCESS_START}, an action label).
 * Neither is fingerprinted: the fingerprint is of the simulation, not of this file.
 *
 * @param version the format version, {@link #VERSION}; a line without one was written before versions (version 1,
 *     messages as their {@code toString} in {@code detail})
 * @param index 0-based position in the run's trace (counts every event, written or not)
 * @param type the simulator's event type name ("MESSAGE_SEND")
 * @param timeNanos true simulated time
 * @param process the process ("p0"), or null when the event is not about one process
 * @param a first numeric field
 * @param b second numeric field
 * @param detail free text, or null
 * @param message the message of a message event, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TraceEvent(int version, long index, String type, long timeNanos, String process, long a, long b,
    String detail, TraceMessage message) {
  /** The version this code writes and reads. */
  public static final int VERSION = 2;

  private static final String TIME_FIELD = "\"timeNanos\":";

  /** An event of the current version. */
  public static TraceEvent of(long index, String type, long timeNanos, String process, long a, long b,
      String detail, TraceMessage message) {
    return new TraceEvent(VERSION, index, type, timeNanos, process, a, b, detail, message);
  }

  /** The number of {@link #process()} ("p3" is 3; the simulator names processes {@code p<number>}), or -1. */
  public int processNumber() {
    if (process == null) {
      return -1;
    }
    try {
      return Integer.parseInt(process.startsWith("p") ? process.substring(1) : process);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * The {@code timeNanos} of a trace line without parsing it (a reader skipping to a time window in a trace of
   * millions of lines); -1 when the line has none, and the line is then parsed.
   */
  public static long timeNanosOf(String line) {
    int at = line.indexOf(TIME_FIELD);
    if (at < 0) {
      return -1;
    }
    long v = 0;
    for (int i = at + TIME_FIELD.length(); i < line.length() && Character.isDigit(line.charAt(i)); i++) {
      v = v * 10 + (line.charAt(i) - '0');
    }
    return v;
  }
}
