package io.tumbler.scenario.run;

import io.tumbler.sim.kernel.SimulationFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * An exception that escaped the system under test during a simulated run: the verdict of the
 * {@code sut-exception} check. The system under test is the Raft core, node driver and storage
 * ({@code io.tumbler.raft.*} but not the production adapters of {@code io.tumbler.raft.runtime}) and the VM state
 * machine ({@code io.tumbler.vm.*}), and MicroRaft ({@code io.microraft.*}) when it is the one under test. An exception counts when any frame of its stack trace, or of a cause's, is
 * in those packages, not only its top frame: a JDK collection throwing inside placement, or a harness adapter
 * throwing while the driver called it, escaped through the system under test and stopped that node the way it
 * would stop a production server. An exception with no such frame is a bug in Tumbler (a harness error).
 *
 * @param process     the process whose event threw ({@code n3}; a client {@code c1} when the client's own use of
 *                    the VM codecs threw; {@code "-"} for a harness action acting for no process)
 * @param exception   the exception's class name
 * @param message     its message (may be null)
 * @param timeNanos   the simulated time of the failing event
 * @param eventNumber the failing event's number among the run's live events (1-based)
 * @param thrownAt    the top frame of the stack trace
 * @param sutFrame    the topmost frame in the system under test (equal to {@code thrownAt} when it threw itself)
 */
record SutException(String process, String exception, String message, long timeNanos, long eventNumber,
    String thrownAt, String sutFrame) {

  /** The verdict for {@code failure}, or null when no frame of its cause is in the system under test. */
  static SutException of(SimulationFailure failure, IntFunction<String> processNames) {
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    StackTraceElement sut = firstSutFrame(cause);
    if (sut == null) {
      return null;
    }
    StackTraceElement[] frames = cause.getStackTrace();
    String top = frames.length == 0 ? "(no stack trace)" : frames[0].toString();
    String process = failure.process() < 0 ? "-" : processNames.apply(failure.process());
    return new SutException(process, cause.getClass().getName(), cause.getMessage(), failure.timeNanos(),
        failure.eventNumber(), top, sut.toString());
  }

  /** Whether a frame belongs to the system under test. */
  static boolean inSut(StackTraceElement frame) {
    String c = frame.getClassName();
    return c.startsWith("io.tumbler.vm.") || c.startsWith("io.tumbler.raft.") && !c.startsWith("io.tumbler.raft.runtime.")
        || c.startsWith("io.microraft."); // the second system under test (--sut microraft)
  }

  /** The topmost frame in the system under test of {@code t} or, failing that, of its causes; null if none. */
  static StackTraceElement firstSutFrame(Throwable t) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable x = t; x != null && seen.add(x); x = x.getCause()) {
      for (StackTraceElement frame : x.getStackTrace()) {
        if (inSut(frame)) {
          return frame;
        }
      }
    }
    return null;
  }

  /** The check's details: what threw where and when, then where it left the system under test. */
  List<String> details() {
    List<String> out = new ArrayList<>();
    out.add(String.format("%s threw %s: %s at t=%.9fs (event %d)", process, exception, message, timeNanos / 1e9,
        eventNumber));
    out.add("thrown at " + thrownAt);
    if (!sutFrame.equals(thrownAt)) {
      out.add("in the system under test at " + sutFrame);
    }
    return out;
  }
}
