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

  /** An event of the current version. */
  public static TraceEvent of(long index, String type, long timeNanos, String process, long a, long b,
      String detail, TraceMessage message) {
    return new TraceEvent(VERSION, index, type, timeNanos, process, a, b, detail, message);
  }
}
