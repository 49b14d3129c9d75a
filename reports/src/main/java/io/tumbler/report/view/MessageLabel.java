package io.tumbler.report.view;

import io.tumbler.runformat.TraceMessage;
import java.util.Locale;

/**
 * How a traced message reads on a sequence diagram, and how much it matters to a reader of a failure. The trace
 * carries each message as data ({@link TraceMessage}); this turns it into a short label such as
 * {@code AppendEntries t3 [12..14] c11} or {@code VoteResp t4 granted}.
 *
 * @param text the label
 * @param priority lower is more relevant: 0 the failing client's requests and replies, 1 elections and
 *     snapshots, 2 appends carrying entries and rejections, 3 empty appends and acknowledgements, 4 heartbeats,
 *     5 other clients' traffic
 * @param family what the message is about (its colour on a diagram)
 */
public record MessageLabel(String text, int priority, Family family) {

  /** What a message is about, for its colour on a diagram: decided from the message's kind, never from its text. */
  public enum Family {
    CLIENT,
    ELECTION,
    HEARTBEAT,
    REPLICATION
  }

  /** A label of the replication family (appends, snapshots, and anything else between nodes). */
  public MessageLabel(String text, int priority) {
    this(text, priority, Family.REPLICATION);
  }

  /** The label of {@code m}; requests and replies of client session {@code focusClientId} come first. */
  public static MessageLabel of(TraceMessage m, long focusClientId) {
    if (m instanceof TraceMessage.Client c) {
      return client(c, focusClientId);
    }
    if (m instanceof TraceMessage.Other o) {
      return new MessageLabel(o.text().isEmpty() ? "message" : o.text(), 3);
    }
    return raft((TraceMessage.Raft) m);
  }

  private static MessageLabel raft(TraceMessage.Raft m) {
    String term = " t" + m.term();
    if (m instanceof TraceMessage.AppendEntries a) {
      String commit = " c" + a.commitIndex();
      return a.entryCount() == 0 ? new MessageLabel("AppendEntries" + term + " empty" + commit, 3)
          : new MessageLabel("AppendEntries" + term + " [" + a.firstIndex() + ".." + a.lastIndex() + "]" + commit, 2);
    }
    if (m instanceof TraceMessage.AppendResponse r) {
      return r.success() ? new MessageLabel("AppendResp" + term + " ok " + r.index(), 3)
          : new MessageLabel("AppendResp" + term + " rejected", 2);
    }
    if (m instanceof TraceMessage.Heartbeat h) {
      return new MessageLabel("Heartbeat" + term + " c" + h.commitIndex(), 4, Family.HEARTBEAT);
    }
    if (m instanceof TraceMessage.HeartbeatResponse) {
      return new MessageLabel("HeartbeatResp" + term, 4, Family.HEARTBEAT);
    }
    if (m instanceof TraceMessage.RequestVote v) {
      return new MessageLabel((v.preVote() ? "PreVote" : "RequestVote") + term + " last " + v.lastLogIndex() + "@"
          + v.lastLogTerm(), 1, Family.ELECTION);
    }
    if (m instanceof TraceMessage.VoteResponse v) {
      return new MessageLabel((v.preVote() ? "PreVoteResp" : "VoteResp") + term + " "
          + (v.granted() ? "granted" : "denied"), 1, Family.ELECTION);
    }
    if (m instanceof TraceMessage.InstallSnapshot s) {
      return new MessageLabel("InstallSnapshot" + term + " to " + s.lastIndex() + "@" + s.lastTerm(), 1);
    }
    return new MessageLabel(m.getClass().getSimpleName() + term, 3);
  }

  private static MessageLabel client(TraceMessage.Client c, long focusClientId) {
    int priority = c.field("clientId", "").equals(Long.toString(focusClientId)) ? 0 : 5;
    String what = c.kind().equals("Request") ? c.field("kind", "?").toLowerCase(Locale.ROOT)
        : c.field("status", "?");
    return new MessageLabel(c.kind() + " #" + c.field("sequence", "?") + " " + what, priority, Family.CLIENT);
  }
}
