package io.tumbler.raft;

/**
 * The catalog of deliberate, documented bugs that can be switched on in {@code raft-impl} to prove that
 * Tumbler's checks catch what they claim (DESIGN.md "The tumbler command"). Each bug is a small, clearly
 * marked branch at the exact place in the core or the driver where a real implementation gets it wrong,
 * taken only when {@link KnownBugs#on} says so; with the empty set (the default) the code is the correct
 * one. Production runtimes refuse any non-empty set ({@code RaftServer}).
 *
 * <p>Each constant names the harness check that must catch it ({@code raft-safety}, {@code linearizability},
 * {@code liveness}, {@code vm-invariants}, {@code convergence}), for {@code raft-safety} the safety property
 * expected to fire, and the simulation scenario that exposes it. Names are stable: they appear in run
 * directories, replay commands and CI configurations.
 */
public enum KnownBug {
    FIGURE_8_COMMIT("figure-8-commit",
            "a new leader appends no no-op and commits entries of earlier terms by counting their replicas (Raft "
                    + "Figure 8), so a later leader without such an entry can overwrite it after it was committed",
            "raft-safety", "FIGURE_8_RULE", "figure-8-hunt"),
    VOTE_NOT_PERSISTED("vote-not-persisted",
            "the driver persists the term but not votedFor before replying to a vote request, so a node that "
                    + "crashes and restarts can vote again in the same term",
            "raft-safety", "VOTE_DURABLE_BEFORE_SENT", "vote-hunt"),
    VOTE_CLEARED_ON_STEP_DOWN("vote-cleared-on-step-down",
            "a candidate that steps down to follower in the same term forgets its vote, so it may vote twice in "
                    + "that term",
            "raft-safety", "VOTE_DURABLE_BEFORE_SENT", "default"),
    VOTE_WITHOUT_LOG_CHECK("vote-without-log-check",
            "votes are granted without the up-to-date log check (Raft 5.4.1), so a leader can be elected without "
                    + "committed entries",
            "raft-safety", "VOTE_LOG_CHECK", "figure-8"),
    APPEND_WITHOUT_CONSISTENCY_CHECK("append-without-consistency-check",
            "a follower accepts AppendEntries without checking the term of its entry at prevIndex, splicing the "
                    + "leader's entries onto a divergent prefix",
            "raft-safety", "LOG_MATCHING", "default"),
    STALE_APPEND_TRUNCATES("stale-append-truncates",
            "a follower truncates its log after prevIndex on every non-empty append, so a stale, duplicated or "
                    + "reordered append deletes entries it has already acknowledged",
            "raft-safety", null, "reorder-duplicate"),
    FOLLOWER_COMMIT_BEYOND_VERIFIED("follower-commit-beyond-verified",
            "a follower advances its commit index to the leader's commit even past the last entry the append "
                    + "verified, committing a divergent suffix",
            "raft-safety", "STATE_MACHINE_SAFETY", "backtrack-hunt"),
    STALE_TERM_APPEND("stale-term-append",
            "a follower accepts AppendEntries from a leader of an older term instead of rejecting it",
            "raft-safety", null, "stale-term-hunt"),
    STALE_RESPONSE_COUNTED("stale-response-counted",
            "a leader counts append acknowledgements from older terms towards its replication progress and commit, "
                    + "so an acknowledgement held back since an earlier term makes it believe a follower holds "
                    + "entries that were replaced since, and its heartbeats tell that follower to commit them",
            "raft-safety", null, "stale-ack-hunt"),
    APPLY_BEFORE_COMMIT("apply-before-commit",
            "entries are handed to the state machine as soon as they are persisted, before they commit",
            "raft-safety", "STATE_MACHINE_SAFETY", "partitioned-leader-rejoin"),
    READ_WITHOUT_LEADERSHIP_CHECK("read-without-leadership-check",
            "linearizable (ReadIndex) reads are served at once from the leader's state without a heartbeat round "
                    + "confirming it still leads",
            "raft-safety", "READ_INDEX_CONFIRMED", "read-hunt"),
    READ_INDEX_BEFORE_NOOP("read-index-before-noop",
            "a new leader serves ReadIndex reads before its no-op commits, using a commit index that may be behind "
                    + "writes its predecessor acknowledged",
            "raft-safety", "READ_FRESHNESS", "noop-hunt"),
    LEASE_WITHOUT_DRIFT_BOUND("lease-without-drift-bound",
            "lease reads are served for the whole election timeout with no allowance for clock drift, so a leader "
                    + "whose clock runs slow serves reads after a successor was elected",
            "raft-safety", "LEASE_EXCLUSIVE", "lease-skew"),
    NO_SESSION_DEDUP("no-session-dedup",
            "the state machine applies every client command it sees, without deduplicating retried or duplicated "
                    + "(clientId, sequence) commands",
            "linearizability", null, "reorder-duplicate"),
    ACK_BEFORE_SYNC("ack-before-sync",
            "the driver sends a Ready's messages (votes, append acknowledgements) before its entries and hard "
                    + "state are synced, so a crash loses what was promised",
            "raft-safety", "ACK_DURABLE_BEFORE_SENT", "default"),
    COMMIT_REGRESSES_AFTER_RESTART("commit-regresses-after-restart",
            "after a restart the core ignores the durable commit index and starts from the snapshot index, so a "
                    + "node's commit index goes back",
            "raft-safety", "COMMIT_MONOTONIC", "churn"),
    LEADER_OVERWRITES_OWN_LOG("leader-overwrites-own-log",
            "a new leader discards its uncommitted tail before appending its no-op, deleting entries from its own "
                    + "log",
            "raft-safety", "LEADER_APPEND_ONLY", "leader-failover"),
    STICKY_LEADER_FOREVER("sticky-leader-forever",
            "PreVote/CheckQuorum broken: a follower's leader stickiness never expires, so once the leader is gone "
                    + "(killed, or cut off by a partial partition) no election can succeed and the cluster stalls "
                    + "even after the faults heal",
            "liveness", null, "leader-failover"),
    LEARNER_COUNTED_IN_QUORUM("learner-counted-in-quorum",
            "learners are counted like voters in the commit, vote, ReadIndex, lease and CheckQuorum majorities, so "
                    + "an entry can commit on a minority of the voters and be lost to a leader they elect",
            "raft-safety", "CONFIGURATION_QUORUM", "membership"),
    REMOVED_LEADER_COUNTS_ITSELF("removed-leader-counts-itself",
            "a leader that removed itself from the voters still counts its own copy towards the new "
                    + "configuration's majority, so an entry can commit on fewer than a majority of the remaining voters",
            "raft-safety", "CONFIGURATION_QUORUM", "membership"),
    CONFIG_BEFORE_CURRENT_TERM_COMMIT("config-before-current-term-commit",
            "a new leader appends a configuration change before an entry of its own term has committed (Ongaro's "
                    + "single-server membership bug, raft-dev 2015), so a node whose log holds a competing, uncommitted "
                    + "change can later be elected under that configuration and overwrite the committed one",
            "raft-safety", "CONFIGURATION_AGREEMENT", "membership"),
    SNAPSHOT_DROPS_CONFIGURATION("snapshot-drops-configuration",
            "installing a leader's snapshot restores the state machine but not the configuration the snapshot "
                    + "carries: the node falls back to the bootstrap configuration and votes, campaigns and counts "
                    + "quorums over the wrong members",
            "raft-safety", "CONFIGURATION_AGREEMENT", "membership"),
    REJOIN_WITHOUT_SECRET_CHECK("rejoin-without-secret-check",
            "the leader admits a host whose join proof it never verified against the cluster secret, so a host "
                    + "without the secret (or anyone on the wire) joins the cluster",
            "raft-safety", "JOIN_AUTHENTICATED", "rejoin"),
    HANDSHAKE_NONCE_REUSABLE("handshake-nonce-reusable",
            "the leader accepts a join proof for a nonce that was already answered, so a proof captured on the "
                    + "wire and sent again later admits a host that did not ask",
            "raft-safety", "JOIN_AUTHENTICATED", "rejoin"),
    WIPED_NODE_OLD_IDENTITY("wiped-node-old-identity",
            "the leader admits a host that lost its disk under an incarnation it already admitted (its old "
                    + "identity, whose votes the lost disk forgot) instead of requiring the next one",
            "raft-safety", "INCARNATION_MONOTONIC", "rejoin");

    private final String bugName;
    private final String description;
    private final String check;
    private final String property;
    private final String scenario;
    private final boolean harnessReady;

    KnownBug(String bugName, String description, String check, String property, String scenario) {
        this(bugName, description, check, property, scenario, true);
    }

    KnownBug(String bugName, String description, String check, String property, String scenario,
             boolean harnessReady) {
        this.bugName = bugName;
        this.description = description;
        this.check = check;
        this.property = property;
        this.scenario = scenario;
        this.harnessReady = harnessReady;
    }

    /** The stable kebab-case name used by {@code --bug}. */
    public String bugName() {
        return bugName;
    }

    /** What the bug does. */
    public String description() {
        return description;
    }

    /** The harness check that must catch it. */
    public String check() {
        return check;
    }

    /**
     * For {@code raft-safety}: the name of the journal safety property expected to fire; null when the nodes'
     * own invariant assertions stop the run first (reported under {@code raft-safety} as "node invariant
     * failed"), and for the other checks.
     */
    public String property() {
        return property;
    }

    /** The scenario that exposes it. */
    public String scenario() {
        return scenario;
    }

    /**
     * False while the simulation harness cannot hunt this bug yet: its {@link #scenario()} or its
     * {@link #property()} does not exist in {@code scenarios} (the membership bugs, until the membership scenario
     * and the configuration-aware journal checks land). Such a bug is proven by {@code raft-impl}'s own tests;
     * catalog tests and campaigns that hunt every bug skip it.
     */
    public boolean harnessReady() {
        return harnessReady;
    }

    /** The bug called {@code name}; an unknown name raises {@link IllegalArgumentException} listing the known ones. */
    public static KnownBug named(String name) {
        for (KnownBug bug : values()) {
            if (bug.bugName.equals(name.trim())) {
                return bug;
            }
        }
        StringBuilder known = new StringBuilder();
        for (KnownBug bug : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(bug.bugName);
        }
        throw new IllegalArgumentException("unknown bug '" + name.trim() + "' (known: " + known + ")");
    }
}
