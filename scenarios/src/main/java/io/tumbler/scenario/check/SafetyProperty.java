package io.tumbler.scenario.check;

/**
 * The safety properties checked online from the observation journal (Raft paper Figure 3, and more), each with its
 * rule in words: the rule travels with every finding into checks.json, so a report explains any property, new ones
 * included, without a list of its own.
 */
public enum SafetyProperty {
  ELECTION_SAFETY("At most one leader can be elected in a given term (§5.2)."),
  LEADER_APPEND_ONLY("A leader never overwrites or deletes entries in its log; it only appends (§5.3)."),
  LOG_MATCHING("If two logs contain an entry with the same index and term, the logs are identical up to it "
      + "(§5.3)."),
  LEADER_COMPLETENESS("An entry committed in a term is present in the logs of the leaders of every later term "
      + "(§5.4)."),
  STATE_MACHINE_SAFETY("No two servers apply different entries at the same index; nothing is applied before it "
      + "commits (§5.4.3)."),
  ONE_VOTE_PER_TERM("A node votes for at most one candidate per term, across restarts (§5.2, persistent "
      + "votedFor)."),
  COMMIT_MONOTONIC("A node's commit index never decreases, and never falls below what it had made durable."),
  ACKED_WRITE_DURABLE("Every write acknowledged to a client is in the final committed log, at the index it was "
      + "acked."),
  STATE_DIGEST_AGREEMENT("Replicas that applied the same prefix have the same state machine digest."),
  TERM_MONOTONIC("A node's term never decreases, across restarts too (the durable term), and rises only by its "
      + "own election or a message of a higher term: a PreVote never raises it (§5.1, dissertation "
      + "§9.6)."),
  VOTE_DURABLE_BEFORE_SENT("A vote leaves a node only after its hard state holds that vote durably, and a restart keeps "
      + "it (§5.2)."),
  ACK_DURABLE_BEFORE_SENT("An append acknowledgement leaves only once the log it claims and its term are durable "
      + "(Figure 2)."),
  VOTE_LOG_CHECK("A vote goes only to a candidate whose log is at least as up to date as the voter's (§5.4.1)."),
  READ_FRESHNESS("A linearizable or lease read reflects every write acknowledged to a client before the read "
      + "reached the serving node (dissertation §6.4)."),
  READ_AFTER_APPLY("A linearizable or lease read is served from a state machine applied at least up to the "
      + "read's index (dissertation §6.4)."),
  READ_INDEX_CONFIRMED("A ReadIndex read is answered only after a majority, the leader included, answered a "
      + "heartbeat round sent after the read arrived (dissertation §6.4)."),
  LEASE_EXCLUSIVE("A lease read is answered only while no leader of a later term exists, and never by a leader "
      + "after it sent TimeoutNow in its term: the lease must end before a majority could elect "
      + "another leader (dissertation §6.4.1, §3.10)."),
  FIGURE_8_RULE("A leader commits only through an entry of its own term held by a majority, counting "
      + "acknowledgements of its own term (§5.4.2, Figure 8)."),
  ELECTION_QUORUM("A node becomes leader of term T only with votes of term T from a majority, itself included "
      + "(§5.2)."),
  ACK_MATCHES_LEADER("A follower acknowledges match index M to the leader of term T only holding the leader's "
      + "entry at M (§5.3)."),
  ELECTION_TIMER_RULE("A node campaigns on its own (pre-vote or candidacy) only after an election timeout of at "
      + "least T ticks without a reset: its (re)start, a real vote it granted, a message accepted "
      + "from the leader of its term, its previous campaign (Figure 2, §5.2). A TimeoutNow transfer "
      + "is exempt. Ticks are counted by the harness."),
  TRANSFER_HANDED_OFF("A vote request that asks voters to ignore leader stickiness (a leadership transfer's election "
      + "in term T) comes only from a node the leader of term T - 1 sent TimeoutNow (dissertation §3.10, §4.2.3)."),
  CONFIGURATION_QUORUM("An election, a commit or a ReadIndex confirmation is decided by a majority of the voters of "
      + "the deciding node's configuration (the latest in its log): learners never count, nor does a "
      + "leader that removed itself, nor a member of another configuration (dissertation §4.1, "
      + "§4.2.2)."),
  CONFIGURATION_AGREEMENT("Nodes that hold the same log prefix use the same configuration (a snapshot carries it, an "
      + "install keeps it); a leader has at most one uncommitted configuration change in its log, and "
      + "appends one only after an entry of its own term committed (dissertation §4.1, Ongaro's "
      + "single-server fix)."),
  JOIN_AUTHENTICATED("A host joining through the rejoin handshake is admitted only on a verified handshake: never "
      + "a host without the cluster secret, never twice on one nonce (a replayed proof), and no such "
      + "host appears in a configuration before a leader admitted it."),
  INCARNATION_MONOTONIC("The incarnations a leader admits for one host strictly increase: a wiped host comes back "
      + "under a new incarnation and node id, never its old identity.");

  private final String rule;

  SafetyProperty(String rule) {
    this.rule = rule;
  }

  /** The rule in one or two sentences, with its section of the Raft paper or dissertation: a report shows it. */
  public String rule() {
    return rule;
  }
}
