package io.tumbler.raft;

/**
 * The catalog of deliberate, documented bugs that can be switched on in {@code raft-impl} to prove that
 * Tumbler's checks catch what they claim (DESIGN.md "The tumbler command"). Each bug deviates at the exact place
 * in the core or the driver where a real implementation gets it wrong, taken only when {@link KnownBugs#on} says
 * so; with the empty set (the default) the code is the correct one. Production runtimes refuse any non-empty set
 * ({@code RaftServer}).
 *
 * <p><b>Deviations.</b> The code keeps each rule about Raft and puts every deliberate deviation from it in one small
 * method of its own, beside the rule, named for what it does instead and ending in {@code Deviation} (for example
 * {@code figure8CommitsOlderTermByCountDeviation()} in {@code RaftLog}). A deviation method is the only place a
 * {@code bugs.on(KnownBug.X)} test may appear; it tests exactly that one bug, and its Javadoc starts with
 * {@code {@link KnownBug#X}}, then says in one sentence what the correct rule is and what the deviation does
 * instead. It has one of three shapes, chosen so that the rule's own method reads as the rule:
 * <ul>
 *   <li>a <em>filter</em> takes the value the rule computed and returns it unchanged unless the bug is on
 *       ({@code commitTo(min(leaderCommit, commitsUnverifiedSuffixDeviation(lastNew)))});</li>
 *   <li>a <em>permission</em> returns whether the bug lets a refused case through, and is asked after the rule
 *       ({@code term(index) == currentTerm || figure8CommitsOlderTermByCountDeviation()});</li>
 *   <li>a <em>takeover</em> does the deviant action itself and returns whether it did, so the rule's method
 *       continues or returns ({@code if (figure8SkipsNoopDeviation()) return;}), or, with nothing to replace, adds
 *       its action and returns nothing.</li>
 * </ul>
 * The correct path pays nothing beyond the {@code on} test: primitives and the rule's own values pass through, no
 * allocation or lookup is added. {@code DeviationShapeTest} holds every source file of {@code raft-impl} to this.
 *
 * <p>The core knows each bug by its name and what it does, nothing of the harness: which check must catch it and
 * which scenario exposes it are the simulation's business ({@code scenarios}' {@code BugExposure}). Names are
 * stable: they appear in run directories, replay commands and CI configurations.
 */
public enum KnownBug {
    FIGURE_8_COMMIT("figure-8-commit",
            "a new leader appends no no-op and commits entries of earlier terms by counting their replicas (Raft "
                    + "Figure 8), so a later leader without such an entry can overwrite it after it was committed"),
    VOTE_NOT_PERSISTED("vote-not-persisted",
            "the driver persists the term but not votedFor before replying to a vote request, so a node that "
                    + "crashes and restarts can vote again in the same term"),
    VOTE_CLEARED_ON_STEP_DOWN("vote-cleared-on-step-down",
            "a candidate that steps down to follower in the same term forgets its vote, so it may vote twice in "
                    + "that term"),
    VOTE_WITHOUT_LOG_CHECK("vote-without-log-check",
            "votes are granted without the up-to-date log check (Raft 5.4.1), so a leader can be elected without "
                    + "committed entries"),
    APPEND_WITHOUT_CONSISTENCY_CHECK("append-without-consistency-check",
            "a follower accepts AppendEntries without checking the term of its entry at prevIndex, splicing the "
                    + "leader's entries onto a divergent prefix"),
    STALE_APPEND_TRUNCATES("stale-append-truncates",
            "a follower truncates its log after prevIndex on every non-empty append, so a stale, duplicated or "
                    + "reordered append deletes entries it has already acknowledged"),
    FOLLOWER_COMMIT_BEYOND_VERIFIED("follower-commit-beyond-verified",
            "a follower advances its commit index to the leader's commit even past the last entry the append "
                    + "verified, committing a divergent suffix"),
    STALE_TERM_APPEND("stale-term-append",
            "a follower accepts AppendEntries from a leader of an older term instead of rejecting it"),
    STALE_RESPONSE_COUNTED("stale-response-counted",
            "a leader counts append acknowledgements from older terms towards its replication progress and commit, "
                    + "so an acknowledgement held back since an earlier term makes it believe a follower holds "
                    + "entries that were replaced since, and its heartbeats tell that follower to commit them"),
    APPLY_BEFORE_COMMIT("apply-before-commit",
            "entries are handed to the state machine as soon as they are persisted, before they commit"),
    READ_WITHOUT_LEADERSHIP_CHECK("read-without-leadership-check",
            "linearizable (ReadIndex) reads are served at once from the leader's state without a heartbeat round "
                    + "confirming it still leads"),
    READ_INDEX_BEFORE_NOOP("read-index-before-noop",
            "a new leader serves ReadIndex reads before its no-op commits, using a commit index that may be behind "
                    + "writes its predecessor acknowledged"),
    LEASE_WITHOUT_DRIFT_BOUND("lease-without-drift-bound",
            "lease reads are served for the whole election timeout with no allowance for clock drift, so a leader "
                    + "whose clock runs slow serves reads after a successor was elected"),
    NO_SESSION_DEDUP("no-session-dedup",
            "the state machine applies every client command it sees, without deduplicating retried or duplicated "
                    + "(clientId, sequence) commands"),
    ACK_BEFORE_SYNC("ack-before-sync",
            "the driver sends a Ready's messages (votes, append acknowledgements) before its entries and hard "
                    + "state are synced, so a crash loses what was promised"),
    COMMIT_REGRESSES_AFTER_RESTART("commit-regresses-after-restart",
            "after a restart the core ignores the durable commit index and starts from the snapshot index, so a "
                    + "node's commit index goes back"),
    LEADER_OVERWRITES_OWN_LOG("leader-overwrites-own-log",
            "a new leader discards its uncommitted tail before appending its no-op, deleting entries from its own "
                    + "log"),
    STICKY_LEADER_FOREVER("sticky-leader-forever",
            "PreVote/CheckQuorum broken: a follower's leader stickiness never expires, so once the leader is gone "
                    + "(killed, or cut off by a partial partition) no election can succeed and the cluster stalls "
                    + "even after the faults heal"),
    LEARNER_COUNTED_IN_QUORUM("learner-counted-in-quorum",
            "learners are counted like voters in the commit, vote, ReadIndex, lease and CheckQuorum majorities, so "
                    + "an entry can commit on a minority of the voters and be lost to a leader they elect"),
    REMOVED_LEADER_COUNTS_ITSELF("removed-leader-counts-itself",
            "a leader that removed itself from the voters still counts its own copy towards the new "
                    + "configuration's majority, so an entry can commit on fewer than a majority of the remaining voters"),
    CONFIG_BEFORE_CURRENT_TERM_COMMIT("config-before-current-term-commit",
            "a new leader appends a configuration change before an entry of its own term has committed (Ongaro's "
                    + "single-server membership bug, raft-dev 2015), so a node whose log holds a competing, uncommitted "
                    + "change can later be elected under that configuration and overwrite the committed one"),
    SNAPSHOT_DROPS_CONFIGURATION("snapshot-drops-configuration",
            "installing a leader's snapshot restores the state machine but not the configuration the snapshot "
                    + "carries: the node falls back to the bootstrap configuration and votes, campaigns and counts "
                    + "quorums over the wrong members"),
    REJOIN_WITHOUT_SECRET_CHECK("rejoin-without-secret-check",
            "the leader admits a host whose join proof it never verified against the cluster secret, so a host "
                    + "without the secret (or anyone on the wire) joins the cluster"),
    HANDSHAKE_NONCE_REUSABLE("handshake-nonce-reusable",
            "the leader accepts a join proof for a nonce that was already answered, so a proof captured on the "
                    + "wire and sent again later admits a host that did not ask"),
    WIPED_NODE_OLD_IDENTITY("wiped-node-old-identity",
            "the leader admits a host that lost its disk under an incarnation it already admitted (its old "
                    + "identity, whose votes the lost disk forgot) instead of requiring the next one");

    private final String bugName;
    private final String description;

    KnownBug(String bugName, String description) {
        this.bugName = bugName;
        this.description = description;
    }

    /** The stable kebab-case name used by {@code --bug}. */
    public String bugName() {
        return bugName;
    }

    /** What the bug does. */
    public String description() {
        return description;
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
