package io.tumbler.runformat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;
import java.util.TreeMap;

/**
 * A message on the simulated network as {@code trace.jsonl} records it: its kind (the JSON {@code "type"}) and
 * its fields as data, written by the simulation from the message value itself, so a reader never parses a
 * {@code toString}. Raft messages keep every scalar field of the production record; an append keeps its entries
 * as a count and an index range (their payloads are not part of the trace). Client traffic is generic, a kind and
 * a small map of fields, so any client protocol fills it; messages of another system under test are their text.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TraceMessage.RequestVote.class, name = "RequestVote"),
    @JsonSubTypes.Type(value = TraceMessage.VoteResponse.class, name = "VoteResponse"),
    @JsonSubTypes.Type(value = TraceMessage.AppendEntries.class, name = "AppendEntries"),
    @JsonSubTypes.Type(value = TraceMessage.AppendResponse.class, name = "AppendResponse"),
    @JsonSubTypes.Type(value = TraceMessage.Heartbeat.class, name = "Heartbeat"),
    @JsonSubTypes.Type(value = TraceMessage.HeartbeatResponse.class, name = "HeartbeatResponse"),
    @JsonSubTypes.Type(value = TraceMessage.InstallSnapshot.class, name = "InstallSnapshot"),
    @JsonSubTypes.Type(value = TraceMessage.TimeoutNow.class, name = "TimeoutNow"),
    @JsonSubTypes.Type(value = TraceMessage.JoinRequest.class, name = "JoinRequest"),
    @JsonSubTypes.Type(value = TraceMessage.JoinChallenge.class, name = "JoinChallenge"),
    @JsonSubTypes.Type(value = TraceMessage.JoinProof.class, name = "JoinProof"),
    @JsonSubTypes.Type(value = TraceMessage.Client.class, name = "Client"),
    @JsonSubTypes.Type(value = TraceMessage.Other.class, name = "Other")
})
public sealed interface TraceMessage {

  /** A Raft message between two nodes: sender and receiver ids (1..N) and the sender's term. */
  sealed interface Raft extends TraceMessage {
    int from();

    int to();

    long term();
  }

  /** A vote or pre-vote request (Raft §5.2; pre-vote §9.6). */
  record RequestVote(int from, int to, long term, boolean preVote, long lastLogIndex, long lastLogTerm,
      boolean transfer) implements Raft {}

  /** The answer to a {@link RequestVote}. */
  record VoteResponse(int from, int to, long term, boolean preVote, boolean granted) implements Raft {}

  /**
   * An append (Raft §5.3) with its entries as data: how many, and the first and last index (0 when empty).
   */
  record AppendEntries(int from, int to, long term, long prevIndex, long prevTerm, int entryCount,
      long firstIndex, long lastIndex, long commitIndex) implements Raft {}

  /** The answer to an {@link AppendEntries}. */
  record AppendResponse(int from, int to, long term, boolean success, long index, long conflictIndex,
      long conflictTerm) implements Raft {}

  /** A leader's heartbeat (no entries) with its commit index and round. */
  record Heartbeat(int from, int to, long term, long commitIndex, long round) implements Raft {}

  /** The answer to a {@link Heartbeat}. */
  record HeartbeatResponse(int from, int to, long term, long round) implements Raft {}

  /** A snapshot sent to a lagging follower (Raft §7): the last index and term it covers. */
  record InstallSnapshot(int from, int to, long term, long lastIndex, long lastTerm) implements Raft {}

  /** Leadership transfer: the receiver campaigns at once. */
  record TimeoutNow(int from, int to, long term) implements Raft {}

  /** A host asking to join the cluster. */
  record JoinRequest(int from, int to, long term, int hostId, long incarnation) implements Raft {}

  /** The leader's challenge to a joining host. */
  record JoinChallenge(int from, int to, long term, long nonce) implements Raft {}

  /** The joining host's answer to a challenge (its MAC is not traced). */
  record JoinProof(int from, int to, long term, int hostId, long incarnation, long nonce) implements Raft {}

  /**
   * Client traffic: {@code kind} is what it is ("Request", "Reply"), {@code fields} its fields by name
   * (e.g. clientId, sequence, operation kind or status, payload size), sorted by name.
   */
  record Client(String kind, Map<String, String> fields) implements TraceMessage {
    public Client {
      fields = java.util.Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    /** The field {@code name}, or {@code absent}. */
    public String field(String name, String absent) {
      return fields.getOrDefault(name, absent);
    }
  }

  /** A message of another system under test, as its text (deterministic, never an identity hash). */
  record Other(String text) implements TraceMessage {}
}
