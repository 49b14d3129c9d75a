package io.tumbler.scenario.check;

/** The safety properties checked online from the observation journal (Raft paper Figure 3, and more). */
public enum SafetyProperty {
  /** At most one leader can be elected in a given term (§5.2). */
  ELECTION_SAFETY,
  /** A leader never overwrites or deletes entries in its log; it only appends (§5.3). */
  LEADER_APPEND_ONLY,
  /** If two logs contain an entry with the same index and term, the logs are identical up to it (§5.3). */
  LOG_MATCHING,
  /** An entry committed in a term is present in the logs of the leaders of every later term (§5.4). */
  LEADER_COMPLETENESS,
  /** No two servers apply different entries at the same index; nothing is applied before it commits (§5.4.3). */
  STATE_MACHINE_SAFETY,
  /** A node votes for at most one candidate per term, across restarts (§5.2, persistent votedFor). */
  ONE_VOTE_PER_TERM,
  /** A node's commit index never decreases, and never falls below what it had made durable. */
  COMMIT_MONOTONIC,
  /** Every write acknowledged to a client is in the final committed log, at the index it was acked. */
  ACKED_WRITE_DURABLE,
  /** Replicas that applied the same prefix have the same state machine digest. */
  STATE_DIGEST_AGREEMENT,
  /**
   * A node's term never decreases, across restarts too (the durable term), and rises only by its own election
   * or a message of a higher term: a PreVote never raises it (§5.1, dissertation §9.6).
   */
  TERM_MONOTONIC,
  /** A vote leaves a node only after its hard state holds that vote durably, and a restart keeps it (§5.2). */
  VOTE_DURABLE_BEFORE_SENT,
  /** An append acknowledgement leaves only once the log it claims and its term are durable (Figure 2). */
  ACK_DURABLE_BEFORE_SENT,
  /** A vote goes only to a candidate whose log is at least as up to date as the voter's (§5.4.1). */
  VOTE_LOG_CHECK,
  /**
   * A linearizable or lease read reflects every write acknowledged to a client before the read reached the
   * serving node (dissertation §6.4).
   */
  READ_FRESHNESS,
  /**
   * A linearizable or lease read is served from a state machine applied at least up to the read's index
   * (dissertation §6.4).
   */
  READ_AFTER_APPLY,
  /**
   * A ReadIndex read is answered only after a majority, the leader included, answered a heartbeat round sent
   * after the read arrived (dissertation §6.4).
   */
  READ_INDEX_CONFIRMED,
  /**
   * A lease read is answered only while no leader of a later term exists, and never by a leader after it sent
   * TimeoutNow in its term: the lease must end before a majority could elect another leader (dissertation
   * §6.4.1, §3.10).
   */
  LEASE_EXCLUSIVE,
  /**
   * A leader commits only through an entry of its own term held by a majority, counting acknowledgements of
   * its own term (§5.4.2, Figure 8).
   */
  FIGURE_8_RULE,
  /** A node becomes leader of term T only with votes of term T from a majority, itself included (§5.2). */
  ELECTION_QUORUM,
  /** A follower acknowledges match index M to the leader of term T only holding the leader's entry at M (§5.3). */
  ACK_MATCHES_LEADER,
  /**
   * A node campaigns on its own (pre-vote or candidacy) only after an election timeout of at least T ticks
   * without a reset: its (re)start, a real vote it granted, a message accepted from the leader of its term, its
   * previous campaign (Figure 2, §5.2). A TimeoutNow transfer is exempt. Ticks are counted by the harness.
   */
  ELECTION_TIMER_RULE,
  /**
   * An election, a commit or a ReadIndex confirmation is decided by a majority of the voters of the deciding node's
   * configuration (the latest in its log): learners never count, nor does a leader that removed itself, nor a
   * member of another configuration (dissertation §4.1, §4.2.2).
   */
  CONFIGURATION_QUORUM,
  /**
   * Nodes that hold the same log prefix use the same configuration (a snapshot carries it, an install keeps it);
   * a leader has at most one uncommitted configuration change in its log, and appends one only after an entry of
   * its own term committed (dissertation §4.1, Ongaro's single-server fix).
   */
  CONFIGURATION_AGREEMENT,
  /**
   * A host joining through the rejoin handshake is admitted only on a verified handshake: never a host without the
   * cluster secret, never twice on one nonce (a replayed proof), and no such host appears in a configuration before
   * a leader admitted it.
   */
  JOIN_AUTHENTICATED,
  /**
   * The incarnations a leader admits for one host strictly increase: a wiped host comes back under a new
   * incarnation and node id, never its old identity.
   */
  INCARNATION_MONOTONIC
}
