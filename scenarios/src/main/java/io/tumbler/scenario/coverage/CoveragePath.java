package io.tumbler.scenario.coverage;

/**
 * The protocol, workload and fault paths a run counts, each under a stable kebab-case name (the key in
 * {@code run.json}'s and {@code results.jsonl}'s {@code coverage} object and in a campaign's sums). The names are
 * a format: rename one and old campaign files stop summing with new ones. Per-point buggify counters are not
 * listed here; {@link CoverageCounters} names them after the fault point.
 */
public enum CoveragePath {
  ELECTIONS_STARTED_ON_TIMEOUT("elections-started-on-timeout"),
  ELECTIONS_STARTED_ON_TRANSFER("elections-started-on-transfer"),
  ELECTIONS_STARTED_AFTER_PRE_VOTE("elections-started-after-pre-vote"),
  PRE_VOTES_STARTED("pre-votes-started"),
  PRE_VOTES_GRANTED("pre-votes-granted"),
  PRE_VOTES_REJECTED("pre-votes-rejected"),
  VOTES_GRANTED("votes-granted"),
  VOTES_REJECTED_STALE_LOG("votes-rejected-stale-log"),
  VOTES_REJECTED_STALE_TERM("votes-rejected-stale-term"),
  VOTES_REJECTED_ALREADY_VOTED("votes-rejected-already-voted"),
  VOTES_REJECTED_LEADER_KNOWN("votes-rejected-leader-known"),
  VOTE_REQUESTS_IGNORED_STICKY_LEADER("vote-requests-ignored-sticky-leader"),
  LEADERS_ELECTED("leaders-elected"),
  STEP_DOWNS_HIGHER_TERM("step-downs-higher-term"),
  STEP_DOWNS_CHECK_QUORUM("step-downs-check-quorum"),
  APPEND_REJECTIONS_LOG_MISMATCH("append-rejections-log-mismatch"),
  LOG_TRUNCATIONS("log-truncations"),
  SNAPSHOTS_TAKEN("snapshots-taken"),
  SNAPSHOTS_SENT("snapshots-sent"),
  SNAPSHOTS_INSTALLED("snapshots-installed"),
  READS_SERVED_READ_INDEX("reads-served-read-index"),
  READS_SERVED_LEASE("reads-served-lease"),
  READS_SERVED_LOCAL("reads-served-local"),
  SESSION_DEDUP_HITS_AT_SUBMIT("session-dedup-hits-at-submit"),
  SESSION_DEDUP_HITS_AT_APPLY("session-dedup-hits-at-apply"),
  CLIENT_RETRIES("client-retries"),
  PLACEMENTS_REFUSED_NO_CAPACITY("placements-refused-no-capacity"),
  CAS_FAILURES("cas-failures"),
  NODE_CRASHES("node-crashes"),
  NODE_RESTARTS("node-restarts"),
  NODE_PAUSES("node-pauses"),
  NODE_HALTS("node-halts"),
  TORN_WRITES("torn-writes"),
  FSYNC_FAILURES("fsync-failures"),
  /** Configuration changes the harness drove to commitment (add learner, promote, remove). */
  CONFIG_CHANGES_COMMITTED("config-changes-committed"),
  /** Nodes added: promoted to voter after joining as learners. */
  NODES_ADDED("nodes-added"),
  /** Nodes removed (or replaced): their removal committed and the process was stopped. */
  NODES_REMOVED("nodes-removed"),
  FAULT_POINTS_FIRED("fault-points-fired");

  private final String counterName;

  CoveragePath(String counterName) {
    this.counterName = counterName;
  }

  /** The stable kebab-case name. */
  public String counterName() {
    return counterName;
  }

  /**
   * A path only a run that schedules membership changes can reach (add, remove, replace). Other runs do not
   * count it at all, so a campaign that never changes membership does not report it as never reached.
   */
  public boolean needsMembershipChanges() {
    return this == CONFIG_CHANGES_COMMITTED || this == NODES_ADDED || this == NODES_REMOVED;
  }
}
