package io.tumbler.raft;

/**
 * The outcome of {@link RaftCore#proposeConfigChange}. As with {@link ProposeResult}, acceptance is not
 * commitment: the change is in effect on the leader at once (a node uses the latest configuration in its log) and
 * is safe to build on once the entry at {@code index} with {@code term} commits.
 */
public sealed interface ConfigChangeResult {
    /** Appended at {@code index} in {@code term}; {@code configuration} is the new configuration. */
    record Accepted(long index, long term, Configuration configuration) implements ConfigChangeResult {
    }

    /** This node is not the leader; {@code leaderHint} is the known leader or 0. */
    record NotLeader(int leaderHint) implements ConfigChangeResult {
    }

    /** The leader refused the change; nothing was appended. */
    record Refused(Reason reason, String detail) implements ConfigChangeResult {
    }

    /** Why a change was refused. */
    enum Reason {
        /** A leadership transfer is in progress. */
        TRANSFER_IN_PROGRESS,
        /**
         * No entry of the leader's term has committed yet: a change appended now could be lost to a leader of an
         * older configuration (Ongaro's single-server bug, raft-dev 2015).
         */
        NO_CURRENT_TERM_COMMIT,
        /** An earlier configuration change is not committed yet: at most one may be in flight. */
        CHANGE_IN_FLIGHT,
        /** The node is not a member (remove) or not known as a learner (promote). */
        UNKNOWN_NODE,
        /** The node is already a member (add) or already a voter (promote). */
        ALREADY_MEMBER,
        /** Removing the only voter would leave nobody to decide anything. */
        LAST_VOTER
    }
}
