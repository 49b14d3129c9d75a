package io.tumbler.report.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tumbler.runformat.FormatVersionException;
import io.tumbler.runformat.RunFormatJson;
import io.tumbler.runformat.TraceEvent;
import io.tumbler.runformat.TraceMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * The messages sent during a window of simulated time, read from a run's {@code trace.jsonl} as a stream: lines
 * before the window are skipped after a glance at their time (only process names are kept), lines are parsed
 * from the window's start, and reading stops {@link #SETTLE_NANOS} after its end, when the messages sent in the
 * window have been delivered or dropped. A trace of tens of megabytes is never held in memory.
 *
 * <p>The trace is read as {@link TraceEvent} records (run-format): a send (process = sender, a = receiver,
 * b = digest, message = the message as data), a delivery (process = receiver, a = sender, b = digest) and a drop (process = receiver, a = sender, b = the
 * reason; no digest). A delivery is matched to the oldest undelivered send on its link with the same digest; a
 * drop to the send on its link at the same instant (dropped on the way out), else to the oldest undelivered
 * send on that link. Identical messages on one link are interchangeable, so the pairing is exact up to them.
 *
 * @param processNames trace process index to its name ("n1", "c3"), from {@code PROCESS_START}
 * @param messages the messages sent in the window, in send order
 * @param badLines trace lines in the read range that did not parse
 * @throws FormatVersionException (from {@link #read}) when the trace is of another format version
 */
public record TraceMessages(TreeMap<Integer, String> processNames, List<Message> messages, int badLines) {
  /** How long after the window messages are followed to their delivery or drop. */
  public static final long SETTLE_NANOS = 50_000_000L;

  /** What became of a message by the end of the read range. */
  public enum Fate { DELIVERED, DROPPED, IN_FLIGHT }

  /**
   * One message.
   *
   * @param sendIndex the trace index of its send
   * @param from the sending process
   * @param to the receiving process
   * @param sendNanos when it was sent
   * @param endNanos when it was delivered or dropped; -1 while in flight
   * @param fate what became of it
   * @param message the message as data, as the simulation traced it
   */
  public record Message(long sendIndex, int from, int to, long sendNanos, long endNanos, Fate fate,
      TraceMessage message) {
    Message ended(long atNanos, Fate how) {
      assert fate == Fate.IN_FLIGHT && atNanos >= sendNanos : "a message ends twice or before it was sent";
      return new Message(sendIndex, from, to, sendNanos, atNanos, how, message);
    }
  }

  public TraceMessages {
    messages = List.copyOf(messages);
  }

  /**
   * Reads the messages sent in {@code [fromNanos, toNanos]}.
   *
   * @throws FormatVersionException when the trace was written in another run-format version (one line naming the
   *     file and the versions; messages of an older trace are text this code no longer parses)
   */
  public static TraceMessages read(Path trace, long fromNanos, long toNanos) throws IOException {
    Reading r = new Reading(trace.getFileName().toString());
    try (BufferedReader in = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        long t = TraceEvent.timeNanosOf(line);
        if (t > toNanos + SETTLE_NANOS) {
          break;
        }
        if (t >= fromNanos || line.contains("\"PROCESS_START\"")) {
          r.take(line, t <= toNanos);
        }
      }
    }
    return new TraceMessages(r.names, r.finished(), r.bad);
  }

  /** The state of one pass over the trace. */
  private static final class Reading {
    final TreeMap<Integer, String> names = new TreeMap<>();
    final List<Message> all = new ArrayList<>();
    /** Per directed link ("from>to"): the positions in {@link #all} of messages still in flight, oldest first. */
    final TreeMap<String, Deque<Integer>> inFlight = new TreeMap<>();
    final List<Long> digests = new ArrayList<>();
    final String file;
    int bad;

    Reading(String file) {
      this.file = file;
    }

    void take(String line, boolean sendsCount) throws FormatVersionException {
      TraceEvent e;
      try {
        e = RunFormatJson.traceEvent(line);
      } catch (JsonProcessingException ex) {
        bad++;
        return;
      }
      if (e.version() != TraceEvent.VERSION) {
        throw new FormatVersionException(file, Math.max(1, e.version()), TraceEvent.VERSION);
      }
      int process = e.processNumber();
      long t = e.timeNanos();
      int peer = (int) e.a();
      switch (e.type() == null ? "" : e.type()) {
        case "PROCESS_START" -> names.put(process, e.detail() == null ? "p" + process : e.detail());
        case "MESSAGE_SEND" -> {
          if (sendsCount) {
            inFlight.computeIfAbsent(process + ">" + peer, k -> new ArrayDeque<>()).add(all.size());
            TraceMessage m = e.message() == null ? new TraceMessage.Other("") : e.message();
            all.add(new Message(e.index(), process, peer, t, -1, Fate.IN_FLIGHT, m));
            digests.add(e.b());
          }
        }
        case "MESSAGE_DELIVER" -> end(peer + ">" + process, t, Fate.DELIVERED, e.b());
        case "MESSAGE_DROP" -> end(peer + ">" + process, t, Fate.DROPPED, 0);
        default -> { }
      }
    }

    private void end(String link, long t, Fate fate, long digest) {
      Deque<Integer> waiting = inFlight.get(link);
      if (waiting == null || waiting.isEmpty()) {
        return; // sent before the window
      }
      Integer pick = null;
      if (fate == Fate.DROPPED) {
        pick = all.get(waiting.peekLast()).sendNanos() == t ? waiting.peekLast() : waiting.peekFirst();
      } else {
        for (Integer i : waiting) {
          if (digests.get(i) == digest) {
            pick = i;
            break;
          }
        }
      }
      if (pick != null) {
        for (Iterator<Integer> it = waiting.iterator(); it.hasNext(); ) {
          if (it.next().equals(pick)) {
            it.remove();
            break;
          }
        }
        all.set(pick, all.get(pick).ended(t, fate));
      }
    }

    List<Message> finished() {
      return all;
    }
  }
}
