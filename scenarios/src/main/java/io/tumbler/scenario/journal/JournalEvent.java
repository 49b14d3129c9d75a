package io.tumbler.scenario.journal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One observation of one node, as the online checkers and the saved {@code journal.jsonl} see it.
 *
 * <p>The harness translates the Raft node's observations into these records (and adds the process
 * events the node cannot see: crash and recovery), so the same checkers run online, every event, and
 * offline over a saved journal. Times are the simulator's true time in nanoseconds.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "event")
@JsonSubTypes({
  @JsonSubTypes.Type(JournalEvent.RoleChanged.class),
  @JsonSubTypes.Type(JournalEvent.Voted.class),
  @JsonSubTypes.Type(JournalEvent.HardStateSynced.class),
  @JsonSubTypes.Type(JournalEvent.EntriesAppended.class),
  @JsonSubTypes.Type(JournalEvent.EntriesTruncated.class),
  @JsonSubTypes.Type(JournalEvent.CommitAdvanced.class),
  @JsonSubTypes.Type(JournalEvent.Applied.class),
  @JsonSubTypes.Type(JournalEvent.SnapshotInstalled.class),
  @JsonSubTypes.Type(JournalEvent.SnapshotRejected.class),
  @JsonSubTypes.Type(JournalEvent.LogReplacedBySnapshot.class),
  @JsonSubTypes.Type(JournalEvent.ReadServed.class),
  @JsonSubTypes.Type(JournalEvent.ClientAcked.class),
  @JsonSubTypes.Type(JournalEvent.Crashed.class),
  @JsonSubTypes.Type(JournalEvent.Recovered.class),
  @JsonSubTypes.Type(JournalEvent.TermSeen.class),
  @JsonSubTypes.Type(JournalEvent.VoteRequested.class),
  @JsonSubTypes.Type(JournalEvent.VoteGranted.class),
  @JsonSubTypes.Type(JournalEvent.AppendAcked.class),
  @JsonSubTypes.Type(JournalEvent.ReadAnswered.class),
  @JsonSubTypes.Type(JournalEvent.Wiped.class),
  @JsonSubTypes.Type(JournalEvent.Paused.class),
  @JsonSubTypes.Type(JournalEvent.ElectionTimerReset.class),
  @JsonSubTypes.Type(JournalEvent.CampaignStarted.class),
  @JsonSubTypes.Type(JournalEvent.TransferSent.class),
  @JsonSubTypes.Type(JournalEvent.ConfigurationChanged.class),
  @JsonSubTypes.Type(JournalEvent.NodeJoined.class),
  @JsonSubTypes.Type(JournalEvent.HandshakeHost.class),
  @JsonSubTypes.Type(JournalEvent.HandshakeReplayed.class),
  @JsonSubTypes.Type(JournalEvent.JoinAdmitted.class),
  @JsonSubTypes.Type(JournalEvent.JoinRejected.class),
})
public sealed interface JournalEvent {
  long timeNanos();

  int node();

  /** The node's role changed; {@code role} is one of FOLLOWER, PRE_CANDIDATE, CANDIDATE, LEADER. */
  record RoleChanged(long timeNanos, int node, String role, long term) implements JournalEvent {}

  /** The node granted its vote for {@code term} to {@code candidate} (a real vote, not a pre-vote). */
  record Voted(long timeNanos, int node, long term, int candidate) implements JournalEvent {}

  /** A hard state became durable on the node's disk. */
  record HardStateSynced(long timeNanos, int node, long term, int votedFor, long commitIndex)
      implements JournalEvent {}

  /**
   * The node's log now holds these entries at consecutive indexes from {@code firstIndex}; anything it
   * held at or after {@code firstIndex} before was replaced (a truncation is reported separately too).
   */
  record EntriesAppended(long timeNanos, int node, long firstIndex, List<EntryId> entries)
      implements JournalEvent {}

  /** The node removed every entry at or after {@code fromIndex}. */
  record EntriesTruncated(long timeNanos, int node, long fromIndex) implements JournalEvent {}

  /** The node's commit index rose to {@code commitIndex}. */
  record CommitAdvanced(long timeNanos, int node, long commitIndex) implements JournalEvent {}

  /** The node applied the entry at {@code index}; {@code stateDigest} is its state machine's digest after. */
  record Applied(long timeNanos, int node, long index, long term, long entryDigest, long stateDigest)
      implements JournalEvent {}

  /** The node installed a snapshot covering the log up to {@code index}/{@code term}. */
  record SnapshotInstalled(long timeNanos, int node, long index, long term, long stateDigest)
      implements JournalEvent {}

  /**
   * The node refused a leader's snapshot up to {@code index}: its image restores to state digest {@code actual},
   * not the {@code expected} one recorded when it was taken. Its state, log and indexes are unchanged.
   */
  record SnapshotRejected(long timeNanos, int node, long index, long expected, long actual) implements JournalEvent {}

  /**
   * A leader's snapshot covering the log up to {@code index}/{@code term} became durable on the node: from
   * here on its log is that snapshot plus what follows (reported before the commit index the same step raises).
   */
  record LogReplacedBySnapshot(long timeNanos, int node, long index, long term) implements JournalEvent {}

  /** The node served a read in {@code mode} (linearizable, lease, local) at {@code readIndex}. */
  record ReadServed(long timeNanos, int node, String mode, long readIndex) implements JournalEvent {}

  /**
   * The node acknowledged a client's write, applied as the entry at {@code index} with this term and
   * digest; term and digest are 0 when the node answered from a session table that a leader's snapshot
   * brought (it never applied the entry itself, so it cannot name it).
   */
  record ClientAcked(
      long timeNanos, int node, long clientId, long sequence, long index, long term, long entryDigest)
      implements JournalEvent {}

  /** The process crashed: its volatile state is gone. */
  record Crashed(long timeNanos, int node) implements JournalEvent {}

  /**
   * The process restarted and recovered this durable state from its disk; its log is then re-announced
   * with {@link EntriesAppended} from {@code snapshotIndex + 1}.
   */
  record Recovered(
      long timeNanos,
      int node,
      long term,
      int votedFor,
      long commitIndex,
      long snapshotIndex,
      long snapshotTerm)
      implements JournalEvent {}

  // ---- harness observations of the wire (the simulated transport sees what the node cannot report) ----

  /**
   * The node was handed a message from {@code from} whose term is above the node's own: the only way,
   * besides starting an election, that its term may rise. Pre-vote requests and granted pre-vote answers
   * carry a term nobody holds yet and are not reported.
   */
  record TermSeen(long timeNanos, int node, int from, long term) implements JournalEvent {}

  /** The node was handed {@code candidate}'s (real, not pre-) vote request for {@code term}, with its last entry. */
  record VoteRequested(long timeNanos, int node, int candidate, long term, long lastLogIndex, long lastLogTerm)
      implements JournalEvent {}

  /** The node sent its vote for {@code term} to {@code candidate} (a granted real vote, not a pre-vote). */
  record VoteGranted(long timeNanos, int node, int candidate, long term) implements JournalEvent {}

  /** The node sent {@code leader} a successful append acknowledgement of {@code term} claiming {@code matchIndex}. */
  record AppendAcked(long timeNanos, int node, int leader, long term, long matchIndex) implements JournalEvent {}

  /**
   * The node answered a linearizable or lease read (mode as in {@link ReadServed}) from state at
   * {@code appliedIndex}; the request had reached the node at {@code arrivalNanos}. For a linearizable
   * (ReadIndex) read, {@code confirmedBy} lists the followers whose answers to a heartbeat round the node sent
   * at or after the arrival had reached it (as the wire shows; null for a lease read, or in a journal written
   * before it was recorded). Local reads are not reported: they may be stale by design.
   */
  record ReadAnswered(long timeNanos, int node, String mode, long arrivalNanos, long appliedIndex,
      List<Integer> confirmedBy) implements JournalEvent {
    /** A read whose confirming round was not observed. */
    public ReadAnswered(long timeNanos, int node, String mode, long arrivalNanos, long appliedIndex) {
      this(timeNanos, node, mode, arrivalNanos, appliedIndex, null);
    }
  }

  /** The node's disk was erased (an operator replacing a machine): its next recovery starts from nothing. */
  record Wiped(long timeNanos, int node) implements JournalEvent {}

  /**
   * The process was paused (stop-the-world) until {@code untilNanos} at the latest (a heal resumes it earlier):
   * nothing reached it meanwhile, and its ticks stopped while true time ran on.
   */
  record Paused(long timeNanos, int node, long untilNanos) implements JournalEvent {}

  // ---- harness observations of the election timer (ticks are counted by the harness, not by the node) ----

  /**
   * The node's election timer was reset by an event Figure 2 names: {@code cause} VOTE_GRANTED (a real vote,
   * {@code peer} the candidate) or LEADER_MESSAGE (an append, heartbeat or snapshot of a term at least the
   * node's own, {@code peer} the leader). {@code ticks} is how many ticks the harness had delivered to this
   * incarnation of the node at that moment. To keep the journal small only the latest reset before each
   * {@link CampaignStarted} is journaled, just before it; the others could not change the verdict.
   */
  record ElectionTimerReset(long timeNanos, int node, long term, String cause, int peer, long ticks)
      implements JournalEvent {}

  /**
   * The node started a campaign for {@code term} (the term it asks votes for): {@code path} is how the node
   * reports it (PRE_VOTE_STARTED, ELECTION_ON_TIMEOUT, ELECTION_ON_TRANSFER, ELECTION_AFTER_PRE_VOTE),
   * {@code trigger} what the harness was handing the node at that moment (TICK, the simple name of a peer
   * message type such as TimeoutNow or VoteResponse, or NONE), {@code ticks} the ticks delivered to this
   * incarnation so far, and {@code electionTimeoutTicks} the configured minimum election timeout T (the node
   * draws its timeout from [T, 2T)).
   */
  record CampaignStarted(
      long timeNanos, int node, long term, String path, String trigger, long ticks, int electionTimeoutTicks)
      implements JournalEvent {}

  /**
   * The harness saw the node send TimeoutNow of {@code term} to {@code target} (a leadership transfer's hand-off:
   * the target may now be elected at any moment, ignoring the followers' stickiness).
   */
  record TransferSent(long timeNanos, int node, int target, long term) implements JournalEvent {}

  /**
   * The node now uses the configuration {@code voters}/{@code learners}, in effect from {@code index}: the CONFIG
   * entry there (or the snapshot at {@code index}) is durable in its log, committed or not; {@code index} 0 is the
   * bootstrap configuration (a truncation or a snapshot can bring it back). A node uses the latest configuration in
   * its log (dissertation §4.1); journaled after the other events of the sync that made it durable, and right after
   * {@link Recovered} when the recovered configuration is not the bootstrap one. Absent from runs whose membership
   * never changed.
   */
  record ConfigurationChanged(long timeNanos, int node, long index, List<Integer> voters, List<Integer> learners)
      implements JournalEvent {
    public ConfigurationChanged {
      voters = List.copyOf(voters);
      learners = List.copyOf(learners);
    }
  }

  /**
   * The harness started node {@code node} as a new host joining the cluster: it is outside the bootstrap
   * configuration (it starts from the cluster's bootstrap peers, which do not name it) until a configuration change
   * adds it. Journaled just before its first {@link Recovered}.
   */
  record NodeJoined(long timeNanos, int node) implements JournalEvent {}

  /**
   * The harness is about to start node {@code node} as host {@code hostId} in {@code incarnation}, joining through
   * the rejoin handshake; {@code authentic} false: it holds a wrong secret and must never be admitted.
   */
  record HandshakeHost(long timeNanos, int node, int hostId, long incarnation, boolean authentic)
      implements JournalEvent {}

  /** The nemesis resent a join proof captured from {@code joiner} with {@code nonce} to {@code node} (the leader). */
  record HandshakeReplayed(long timeNanos, int node, int joiner, long nonce) implements JournalEvent {}

  /** Leader {@code node} verified {@code joiner}'s handshake (host {@code hostId}/{@code incarnation}, {@code nonce}). */
  record JoinAdmitted(long timeNanos, int node, int joiner, int hostId, long incarnation, long nonce)
      implements JournalEvent {}

  /** Leader {@code node} refused {@code joiner}'s handshake for {@code reason}. */
  record JoinRejected(long timeNanos, int node, int joiner, int hostId, long incarnation, String reason)
      implements JournalEvent {}

  /** The identity of one log entry: its term and its checksum digest. */
  record EntryId(long term, long digest) {}
}
