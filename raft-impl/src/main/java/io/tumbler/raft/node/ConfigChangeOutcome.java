package io.tumbler.raft.node;

import io.tumbler.raft.ConfigChangeResult;
import io.tumbler.raft.Configuration;

/**
 * The answer to {@link RaftNode#proposeConfigChange}: given once, on the node's thread. {@link Committed} comes
 * when the change is committed and applied here; the refusals come at once. As with client commands there is no
 * timeout result: an operator who hears nothing reads the configuration from {@code status()} and decides.
 */
public sealed interface ConfigChangeOutcome {
    /** The change committed at {@code index}; {@code configuration} is the configuration it set. */
    record Committed(long index, Configuration configuration) implements ConfigChangeOutcome {}

    /** This node is not the leader; try {@code leaderHint} (0: unknown). Nothing was appended. */
    record NotLeader(int leaderHint) implements ConfigChangeOutcome {}

    /** The leader refused the change (see {@link ConfigChangeResult.Reason}); nothing was appended. */
    record Refused(ConfigChangeResult.Reason reason, String detail) implements ConfigChangeOutcome {}

    /** The change was appended but its log slot went to another entry (a leader change): it never took effect. */
    record Dropped(String reason) implements ConfigChangeOutcome {}

    /** A leader's snapshot replaced the log before the outcome was seen here; check the configuration. */
    record Unknown(String reason) implements ConfigChangeOutcome {}
}
