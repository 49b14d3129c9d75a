package io.tumbler.scenario.trace;

import io.tumbler.runformat.RunFormatJson;
import io.tumbler.runformat.TraceEvent;
import io.tumbler.runformat.TraceMessage;
import io.tumbler.sim.trace.TraceJournal;
import io.tumbler.sim.trace.TraceRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a run's {@code trace.jsonl}: one {@link TraceEvent} per kept simulator record. The journal must have been
 * made by {@link #journal} so that message details are already {@link TraceMessage} data.
 */
public final class TraceFile {
  private TraceFile() {}

  /** A text-mode journal keeping the first {@code maxKept} records, messages described as data. */
  public static TraceJournal journal(long maxKept) {
    return TraceJournal.withText(maxKept, MessageData::describe);
  }

  /** The event of one kept record. */
  public static TraceEvent event(TraceRecord r) {
    Object d = r.detail();
    TraceMessage message = d instanceof TraceMessage m ? m : null;
    String detail = d == null || message != null ? null : d.toString();
    return TraceEvent.of(r.index(), r.type().name(), r.timeNanos(), r.process() < 0 ? null : "p" + r.process(),
        r.a(), r.b(), detail, message);
  }

  /** The lines of {@code trace.jsonl} for {@code journal}'s kept records; empty outside text mode. */
  public static List<String> lines(TraceJournal journal) {
    List<String> lines = new ArrayList<>();
    for (TraceRecord r : journal.records()) {
      lines.add(RunFormatJson.line(event(r)));
    }
    return lines;
  }
}
