package io.tumbler.report.view;

import io.tumbler.report.input.TraceMessages;
import io.tumbler.report.input.TraceMessages.Fate;
import io.tumbler.runformat.TraceMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The messages of the failure window, ready for a Lamport-style sequence diagram: one lane per Raft node
 * (n1, n2...) plus the client process of the failing operation, and the most relevant messages between them.
 *
 * <p>The failure window is the failing operation's invocation to its completion for a linearizability failure,
 * and the last {@link #SAFETY_WINDOW_NANOS} before the detecting journal event for a Raft safety violation. At
 * most {@link #CAP} messages are kept: the failing client's first, then elections, appends with entries,
 * acknowledgements and heartbeats, each group nearest the focus moment first (the failing completion or the
 * detection), then drawn in send order.
 *
 * <p>The failing client's lane: the scenarios' clients send requests with {@code clientId} 1000000 + P for
 * history process P, so the trace process that sends such requests is that client.
 *
 * @param title what the window is ("the failing read of process 8")
 * @param fromNanos the window's start
 * @param toNanos the window's end
 * @param lanes lane names, left to right
 * @param messages the kept messages, in send order
 * @param leftOut messages between the lanes in the window that were not kept
 * @param otherProcesses messages in the window to or from other processes (other clients), not drawn
 * @param note why there is nothing to draw, or "" when there is
 */
public record MessageSequence(String title, long fromNanos, long toNanos, List<String> lanes, List<Arrow> messages,
    int leftOut, int otherProcesses, String note) {
  /** The most messages a diagram shows; beyond this a sequence diagram stops being readable. */
  public static final int CAP = 80;
  /** How far back from a safety violation's detection the window reaches. */
  public static final long SAFETY_WINDOW_NANOS = 50_000_000L;
  private static final long CLIENT_SESSION_BASE = 1_000_000L;

  /**
   * One message on the diagram.
   *
   * @param from sender lane
   * @param to receiver lane
   * @param sendNanos when it was sent
   * @param endNanos when it was delivered or dropped, -1 while still in flight when reading stopped
   * @param fate delivered, dropped or in flight
   * @param label the short label ("AppendEntries t3 [12..14] c11")
   */
  public record Arrow(int from, int to, long sendNanos, long endNanos, Fate fate, String label,
      MessageLabel.Family family) {}

  public MessageSequence {
    lanes = List.copyOf(lanes);
    messages = List.copyOf(messages);
  }

  static MessageSequence none(String title, String note) {
    return new MessageSequence(title, 0, 0, List.of(), List.of(), 0, 0, note);
  }

  /** The sequence of {@code view}'s failure, or one with a {@link #note} saying why there is none. */
  public static MessageSequence of(RunView view) {
    if (!view.counterexamples().isEmpty()) {
      HistoryOp op = view.counterexamples().get(0).failing();
      if (!view.history().ops().contains(op)) {
        return none("the failing operation", "history.jsonl does not hold the failing operation, so its time window "
            + "is unknown");
      }
      long end = op.completeNanos() < 0 ? op.invokeNanos() + SAFETY_WINDOW_NANOS : op.completeNanos();
      return read(view.files().dir(), "the failing " + op.f() + " of process " + op.process(), op.invokeNanos(),
          end, end, op.process());
    }
    if (!view.safety().isEmpty()) {
      LogExcerpt x = view.safety().get(0);
      long n = x.finding().eventNumber();
      if (n < 0 || n >= view.files().journal().size()) {
        return none("the safety violation", "the detecting journal event #" + n + " is not in journal.jsonl");
      }
      long at = view.files().journal().get((int) n).timeNanos();
      return read(view.files().dir(), "the " + SAFETY_WINDOW_NANOS / 1_000_000 + " ms before the "
          + x.finding().property() + " violation was detected", Math.max(0, at - SAFETY_WINDOW_NANOS), at, at, "");
    }
    return none("", "no failure to explain");
  }

  /** The client session id of history process {@code process}; -1 for a non-numeric process (it has none). */
  private static long focusClient(String process) {
    try {
      return CLIENT_SESSION_BASE + Long.parseLong(process);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean isRequestOf(TraceMessage m, long clientId) {
    return m instanceof TraceMessage.Client c && c.kind().equals("Request")
        && c.field("clientId", "").equals(Long.toString(clientId));
  }

  static MessageSequence read(Path dir, String title, long from, long to, long focus, String process) {
    Path trace = dir.resolve("trace.jsonl");
    if (!Files.isRegularFile(trace)) {
      return none(title, "trace.jsonl is not in the run directory (the run was made with --no-trace, or the file "
          + "was not kept), so the messages cannot be shown");
    }
    try {
      return select(title, from, to, focus, process, TraceMessages.read(trace, from, to));
    } catch (IOException e) {
      return none(title, "trace.jsonl cannot be read: " + e.getMessage());
    }
  }

  /** Picks the lanes and the {@link #CAP} most relevant messages; pure, for tests. */
  static MessageSequence select(String title, long from, long to, long focus, String process, TraceMessages t) {
    long client = focusClient(process);
    Map<Integer, Integer> laneOf = new TreeMap<>();
    List<String> lanes = new ArrayList<>();
    t.processNames().forEach((p, name) -> {
      if (name.matches("n\\d+")) {
        laneOf.put(p, lanes.size());
        lanes.add(name);
      }
    });
    t.messages().stream().filter(m -> isRequestOf(m.message(), client)).findFirst().ifPresent(m -> {
      laneOf.put(m.from(), lanes.size());
      lanes.add(t.processNames().getOrDefault(m.from(), "p" + m.from()) + " (client, process " + process + ")");
    });
    List<Candidate> candidates = new ArrayList<>();
    int others = 0;
    for (TraceMessages.Message m : t.messages()) {
      if (laneOf.containsKey(m.from()) && laneOf.containsKey(m.to())) {
        candidates.add(new Candidate(m, MessageLabel.of(m.message(), client)));
      } else {
        others++;
      }
    }
    List<Candidate> kept = new ArrayList<>(candidates);
    kept.sort(Comparator.comparingInt((Candidate c) -> c.label().priority())
        .thenComparingLong(c -> Math.abs(c.message().sendNanos() - focus))
        .thenComparingLong(c -> c.message().sendIndex()));
    kept = new ArrayList<>(kept.subList(0, Math.min(CAP, kept.size())));
    kept.sort(Comparator.comparingLong((Candidate c) -> c.message().sendNanos())
        .thenComparingLong(c -> c.message().sendIndex()));
    List<Arrow> arrows = new ArrayList<>();
    for (Candidate c : kept) {
      TraceMessages.Message m = c.message();
      arrows.add(new Arrow(laneOf.get(m.from()), laneOf.get(m.to()), m.sendNanos(), m.endNanos(), m.fate(),
          c.label().text(), c.label().family()));
    }
    String note = lanes.isEmpty() ? "trace.jsonl names no Raft node (no PROCESS_START n1...)"
        : arrows.isEmpty() ? "no message between the nodes was sent in this window" : "";
    return new MessageSequence(title, from, to, lanes, arrows, candidates.size() - kept.size(), others, note);
  }

  private record Candidate(TraceMessages.Message message, MessageLabel label) {}
}
