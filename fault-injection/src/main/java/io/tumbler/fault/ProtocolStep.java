package io.tumbler.fault;

/**
 * A protocol step the harness can see happen, on which an {@link Fault.OnStep} trigger fires: faults
 * that land on the moment a protocol is most fragile (between a vote request and the sync of the vote,
 * right after an acknowledgement, as a new leader takes office) rather than at a random time. Steps named
 * {@code ..._RECEIVED} are message deliveries (their {@link StepTarget#SENDER} is the message's sender);
 * the others are a node's own observations, made when the node decides or makes them durable.
 */
public enum ProtocolStep {
  /** A node won an election. */
  LEADER_ELECTED,
  /** A node raised its term and asked for votes. */
  CANDIDATE_STARTED,
  /** A node started a pre-vote (its term unchanged). */
  PRE_VOTE_STARTED,
  /** A vote request (not a pre-vote) reached a node: its vote and term are not yet synced. */
  VOTE_REQUEST_RECEIVED,
  /** A granted vote reached its candidate. */
  VOTE_GRANT_RECEIVED,
  /** A vote became durable on the voter (the grant leaves right after). */
  VOTE_PERSISTED,
  /** A non-empty AppendEntries reached a follower: the entries are not yet synced. */
  APPEND_RECEIVED,
  /** Entries became durable on a node (a follower's acknowledgement leaves right after). */
  ENTRIES_PERSISTED,
  /** A successful append acknowledgement reached the leader. */
  APPEND_ACK_RECEIVED,
  /** A node's commit index advanced. */
  COMMIT_ADVANCED,
  /** A node took a snapshot of its own state. */
  SNAPSHOT_TAKEN,
  /** A leader's snapshot reached a follower. */
  SNAPSHOT_RECEIVED,
  /** A node answered a read. */
  READ_SERVED,
  /** A node acknowledged a client command as applied. */
  CLIENT_ACKED,
  /**
   * A leadership transfer's TimeoutNow reached its target, which campaigns at once while the sender still
   * leads (its {@link StepTarget#SENDER}).
   */
  TRANSFER_RECEIVED;

  /** True for message deliveries, whose sender is known. */
  public boolean isDelivery() {
    return name().endsWith("_RECEIVED");
  }
}
