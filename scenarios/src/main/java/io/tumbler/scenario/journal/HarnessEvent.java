package io.tumbler.scenario.journal;

import java.util.List;

/**
 * What the harness journals beside the nodes' own observations: what it did to a process (crash, wipe, pause, a
 * joining host) and what it saw on the simulated wire or counted itself (terms arriving, votes and acknowledgements
 * sent, reads answered, election-timer resets and campaigns) — facts no node reports about itself. Each record is
 * its own journal entry; times are the simulator's true time in nanoseconds.
 */
public sealed interface HarnessEvent extends JournalEntry {
  @Override
  default Object payload() {
    return this;
  }

  /** The process crashed: its volatile state is gone. */
  record Crashed(long timeNanos, int node) implements HarnessEvent {}

  /**
   * The node was handed a message from {@code from} whose term is above the node's own: the only way,
   * besides starting an election, that its term may rise. Pre-vote requests and granted pre-vote answers
   * carry a term nobody holds yet and are not reported.
   */
  record TermSeen(long timeNanos, int node, int from, long term) implements HarnessEvent {}

  /**
   * The node was handed {@code candidate}'s (real, not pre-) vote request for {@code term}, with its last entry, and
   * whether it is a leadership transfer's ({@code transfer}: voters grant it despite having heard from a leader).
   */
  record VoteRequested(long timeNanos, int node, int candidate, long term, long lastLogIndex, long lastLogTerm,
      boolean transfer) implements HarnessEvent {
    /** An ordinary election's request. */
    public VoteRequested(long timeNanos, int node, int candidate, long term, long lastLogIndex, long lastLogTerm) {
      this(timeNanos, node, candidate, term, lastLogIndex, lastLogTerm, false);
    }
  }

  /** The node sent its vote for {@code term} to {@code candidate} (a granted real vote, not a pre-vote). */
  record VoteGranted(long timeNanos, int node, int candidate, long term) implements HarnessEvent {}

  /** The node sent {@code leader} a successful append acknowledgement of {@code term} claiming {@code matchIndex}. */
  record AppendAcked(long timeNanos, int node, int leader, long term, long matchIndex) implements HarnessEvent {}

  /**
   * The node answered a linearizable or lease read (mode as in {@code Observation.ReadServed}) from state at
   * {@code appliedIndex}; the request had reached the node at {@code arrivalNanos}. For a linearizable
   * (ReadIndex) read, {@code confirmedBy} lists the followers whose answers to a heartbeat round the node sent
   * at or after the arrival had reached it (as the wire shows; null for a lease read, or in a journal written
   * before it was recorded). Local reads are not reported: they may be stale by design.
   */
  record ReadAnswered(long timeNanos, int node, String mode, long arrivalNanos, long appliedIndex,
      List<Integer> confirmedBy) implements HarnessEvent {
    /** A read whose confirming round was not observed. */
    public ReadAnswered(long timeNanos, int node, String mode, long arrivalNanos, long appliedIndex) {
      this(timeNanos, node, mode, arrivalNanos, appliedIndex, null);
    }
  }

  /** The node's disk was erased (an operator replacing a machine): its next recovery starts from nothing. */
  record Wiped(long timeNanos, int node) implements HarnessEvent {}

  /**
   * The process was paused (stop-the-world) until {@code untilNanos} at the latest (a heal resumes it earlier):
   * nothing reached it meanwhile, and its ticks stopped while true time ran on.
   */
  record Paused(long timeNanos, int node, long untilNanos) implements HarnessEvent {}

  /**
   * The node's election timer was reset by an event Figure 2 names: {@code cause} VOTE_GRANTED (a real vote,
   * {@code peer} the candidate) or LEADER_MESSAGE (an append, heartbeat or snapshot of a term at least the
   * node's own, {@code peer} the leader). {@code ticks} is how many ticks the harness had delivered to this
   * incarnation of the node at that moment. To keep the journal small only the latest reset before each
   * {@link CampaignStarted} is journaled, just before it; the others could not change the verdict.
   */
  record ElectionTimerReset(long timeNanos, int node, long term, String cause, int peer, long ticks)
      implements HarnessEvent {}

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
      implements HarnessEvent {}

  /**
   * The harness saw the node send TimeoutNow of {@code term} to {@code target} (a leadership transfer's hand-off:
   * the target may now be elected at any moment, ignoring the followers' stickiness).
   */
  record TransferSent(long timeNanos, int node, int target, long term) implements HarnessEvent {}

  /**
   * The harness started node {@code node} as a new host joining the cluster: it is outside the bootstrap
   * configuration (it starts from the cluster's bootstrap peers, which do not name it) until a configuration change
   * adds it. Journaled just before its first {@code Observation.Recovered}.
   */
  record NodeJoined(long timeNanos, int node) implements HarnessEvent {}

  /**
   * The harness is about to start node {@code node} as host {@code hostId} in {@code incarnation}, joining through
   * the rejoin handshake; {@code authentic} false: it holds a wrong secret and must never be admitted.
   */
  record HandshakeHost(long timeNanos, int node, int hostId, long incarnation, boolean authentic)
      implements HarnessEvent {}

  /** The nemesis resent a join proof captured from {@code joiner} with {@code nonce} to {@code node} (the leader). */
  record HandshakeReplayed(long timeNanos, int node, int joiner, long nonce) implements HarnessEvent {}
}
