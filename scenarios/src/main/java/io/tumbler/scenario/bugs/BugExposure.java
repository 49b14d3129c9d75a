package io.tumbler.scenario.bugs;

import io.tumbler.raft.KnownBug;

/**
 * How the simulation catches a catalogued bug: the harness check that must report it ({@code raft-safety},
 * {@code linearizability}, {@code liveness}, {@code vm-invariants}, {@code convergence}), for {@code raft-safety}
 * the journal safety property expected to fire (null when the nodes' own invariant assertions stop the run first,
 * reported under {@code raft-safety} as "node invariant failed", and for the other checks), the scenario that
 * exposes it, and whether the harness can hunt it yet. This lives with the harness, not in the Raft core, whose
 * {@link KnownBug} only names the deviation; the switch below covers every constant, so a new bug does not compile
 * until the harness says how it is caught.
 *
 * @param harnessReady false while the harness cannot hunt the bug (its scenario or property does not exist yet):
 *     it is proven by {@code raft-impl}'s own tests, and catalogue tests and campaigns that hunt every bug skip it
 */
public record BugExposure(String check, String property, String scenario, boolean harnessReady) {

  /** How {@code bug} is caught. */
  public static BugExposure of(KnownBug bug) {
    return switch (bug) {
      case FIGURE_8_COMMIT -> new BugExposure("raft-safety", "FIGURE_8_RULE", "figure-8-hunt", true);
      case VOTE_NOT_PERSISTED -> new BugExposure("raft-safety", "VOTE_DURABLE_BEFORE_SENT", "vote-hunt", true);
      case VOTE_CLEARED_ON_STEP_DOWN -> new BugExposure("raft-safety", "VOTE_DURABLE_BEFORE_SENT", "default", true);
      case VOTE_WITHOUT_LOG_CHECK -> new BugExposure("raft-safety", "VOTE_LOG_CHECK", "figure-8", true);
      case APPEND_WITHOUT_CONSISTENCY_CHECK -> new BugExposure("raft-safety", "LOG_MATCHING", "default", true);
      case STALE_APPEND_TRUNCATES -> new BugExposure("raft-safety", null, "reorder-duplicate", true);
      case FOLLOWER_COMMIT_BEYOND_VERIFIED ->
          new BugExposure("raft-safety", "STATE_MACHINE_SAFETY", "backtrack-hunt", true);
      case STALE_TERM_APPEND -> new BugExposure("raft-safety", null, "stale-term-hunt", true);
      case STALE_RESPONSE_COUNTED -> new BugExposure("raft-safety", null, "stale-ack-hunt", true);
      case APPLY_BEFORE_COMMIT ->
          new BugExposure("raft-safety", "STATE_MACHINE_SAFETY", "partitioned-leader-rejoin", true);
      case READ_WITHOUT_LEADERSHIP_CHECK -> new BugExposure("raft-safety", "READ_INDEX_CONFIRMED", "read-hunt", true);
      case READ_INDEX_BEFORE_NOOP -> new BugExposure("raft-safety", "READ_FRESHNESS", "noop-hunt", true);
      case LEASE_WITHOUT_DRIFT_BOUND -> new BugExposure("raft-safety", "LEASE_EXCLUSIVE", "lease-skew", true);
      case NO_SESSION_DEDUP -> new BugExposure("linearizability", null, "reorder-duplicate", true);
      case ACK_BEFORE_SYNC -> new BugExposure("raft-safety", "ACK_DURABLE_BEFORE_SENT", "default", true);
      case COMMIT_REGRESSES_AFTER_RESTART -> new BugExposure("raft-safety", "COMMIT_MONOTONIC", "churn", true);
      case LEADER_OVERWRITES_OWN_LOG -> new BugExposure("raft-safety", "LEADER_APPEND_ONLY", "leader-failover", true);
      case STICKY_LEADER_FOREVER -> new BugExposure("liveness", null, "leader-failover", true);
      case LEARNER_COUNTED_IN_QUORUM -> new BugExposure("raft-safety", "CONFIGURATION_QUORUM", "membership", true);
      case REMOVED_LEADER_COUNTS_ITSELF -> new BugExposure("raft-safety", "CONFIGURATION_QUORUM", "membership", true);
      case CONFIG_BEFORE_CURRENT_TERM_COMMIT ->
          new BugExposure("raft-safety", "CONFIGURATION_AGREEMENT", "membership", true);
      case SNAPSHOT_DROPS_CONFIGURATION ->
          new BugExposure("raft-safety", "CONFIGURATION_AGREEMENT", "membership", true);
      case REJOIN_WITHOUT_SECRET_CHECK -> new BugExposure("raft-safety", "JOIN_AUTHENTICATED", "rejoin", true);
      case HANDSHAKE_NONCE_REUSABLE -> new BugExposure("raft-safety", "JOIN_AUTHENTICATED", "rejoin", true);
      case WIPED_NODE_OLD_IDENTITY -> new BugExposure("raft-safety", "INCARNATION_MONOTONIC", "rejoin", true);
    };
  }
}
