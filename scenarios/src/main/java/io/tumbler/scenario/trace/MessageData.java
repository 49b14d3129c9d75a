package io.tumbler.scenario.trace;

import io.tumbler.raft.AppendEntries;
import io.tumbler.raft.AppendResponse;
import io.tumbler.raft.Entry;
import io.tumbler.raft.Heartbeat;
import io.tumbler.raft.HeartbeatResponse;
import io.tumbler.raft.InstallSnapshot;
import io.tumbler.raft.JoinChallenge;
import io.tumbler.raft.JoinProof;
import io.tumbler.raft.JoinRequest;
import io.tumbler.raft.Message;
import io.tumbler.raft.RequestVote;
import io.tumbler.raft.TimeoutNow;
import io.tumbler.raft.VoteResponse;
import io.tumbler.runformat.TraceMessage;
import io.tumbler.raft.runtime.ClientProtocol;
import io.tumbler.raft.runtime.ClientRequest;
import io.tumbler.scenario.wire.Wire;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated network message as trace data ({@link TraceMessage}), built from the message value itself (never
 * from its {@code toString}): the Raft record's fields, an append's entries as a count and an index range, the
 * client protocol's fields by name. Every {@link Message} kind has a branch; a new kind without one fails the
 * run loudly instead of tracing a blank.
 */
public final class MessageData {
  private MessageData() {}

  /** The trace detail of {@code detail}: a wire message as data, anything else (a label, a name) as its text. */
  public static Object describe(Object detail) {
    if (detail instanceof Wire w) {
      return of(w);
    }
    return detail == null ? null : detail.toString();
  }

  /** {@code message} as data. */
  public static TraceMessage of(Wire message) {
    if (message instanceof Wire.Peer p) {
      return raft(p.message());
    }
    if (message instanceof Wire.Call c) {
      byte[] frame = c.frame();
      return client("Request", Map.of("clientId", c.caller(), "sequence", c.call(), "kind", requestKind(frame),
          "payloadBytes", frame.length));
    }
    if (message instanceof Wire.Answer a) {
      byte[] frame = a.frame();
      return client("Reply", Map.of("clientId", a.caller(), "sequence", a.call(), "status",
          ClientProtocol.responseKind(frame), "payloadBytes", frame.length));
    }
    return new TraceMessage.Other(message.toString());
  }

  /** What a request frame asks for: COMMAND, READ_LINEARIZABLE/LEASE/LOCAL, an admin request's name, MALFORMED. */
  private static String requestKind(byte[] frame) {
    ClientRequest request;
    try {
      request = ClientProtocol.decodeRequest(frame);
    } catch (IllegalArgumentException e) {
      return "MALFORMED";
    }
    if (request instanceof ClientRequest.Submit) {
      return "COMMAND";
    }
    if (request instanceof ClientRequest.Read r) {
      return "READ_" + r.mode();
    }
    return request.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
  }

  private static TraceMessage client(String kind, Map<String, Object> fields) {
    Map<String, String> text = new LinkedHashMap<>();
    fields.forEach((k, v) -> text.put(k, String.valueOf(v))); // Client sorts them by name
    return new TraceMessage.Client(kind, text);
  }

  /** A Raft message as data. */
  public static TraceMessage.Raft raft(Message m) {
    if (m instanceof AppendEntries a) {
      List<Entry> e = a.entries();
      return new TraceMessage.AppendEntries(a.from(), a.to(), a.term(), a.prevIndex(), a.prevTerm(), e.size(),
          e.isEmpty() ? 0 : e.get(0).index(), e.isEmpty() ? 0 : e.get(e.size() - 1).index(), a.commitIndex());
    }
    if (m instanceof AppendResponse r) {
      return new TraceMessage.AppendResponse(r.from(), r.to(), r.term(), r.success(), r.index(), r.conflictIndex(),
          r.conflictTerm());
    }
    if (m instanceof Heartbeat h) {
      return new TraceMessage.Heartbeat(h.from(), h.to(), h.term(), h.commitIndex(), h.round());
    }
    if (m instanceof HeartbeatResponse h) {
      return new TraceMessage.HeartbeatResponse(h.from(), h.to(), h.term(), h.round());
    }
    return rare(m);
  }

  /** Elections, snapshots, transfers and joins. */
  private static TraceMessage.Raft rare(Message m) {
    if (m instanceof RequestVote v) {
      return new TraceMessage.RequestVote(v.from(), v.to(), v.term(), v.preVote(), v.lastLogIndex(),
          v.lastLogTerm(), v.transfer());
    }
    if (m instanceof VoteResponse v) {
      return new TraceMessage.VoteResponse(v.from(), v.to(), v.term(), v.preVote(), v.granted());
    }
    if (m instanceof InstallSnapshot s) {
      return new TraceMessage.InstallSnapshot(s.from(), s.to(), s.term(), s.snapshot().meta().index(),
          s.snapshot().meta().term());
    }
    if (m instanceof TimeoutNow t) {
      return new TraceMessage.TimeoutNow(t.from(), t.to(), t.term());
    }
    if (m instanceof JoinRequest j) {
      return new TraceMessage.JoinRequest(j.from(), j.to(), j.term(), j.hostId(), j.incarnation());
    }
    if (m instanceof JoinChallenge j) {
      return new TraceMessage.JoinChallenge(j.from(), j.to(), j.term(), j.nonce());
    }
    if (m instanceof JoinProof j) {
      return new TraceMessage.JoinProof(j.from(), j.to(), j.term(), j.hostId(), j.incarnation(), j.nonce());
    }
    throw new IllegalStateException("no trace data for Raft message kind " + m.getClass().getSimpleName());
  }
}
