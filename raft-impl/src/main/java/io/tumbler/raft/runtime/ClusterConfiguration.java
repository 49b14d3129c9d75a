package io.tumbler.raft.runtime;

import io.tumbler.raft.Configuration;
import io.tumbler.raft.Role;
import java.util.Map;
import java.util.TreeMap;

/**
 * One server's answer to an admin {@link ClientRequest.ConfigurationQuery}: the configuration its node uses now
 * (the latest in its log, committed or not) and, when it leads, how far each other member's log matches its own,
 * which is how an operator (or {@link RaftAdmin}) tells that a learner caught up before promoting it.
 *
 * @param reportedBy  the answering node
 * @param role        its role
 * @param leaderId    the leader it knows of (0: none)
 * @param index       where the configuration took effect (0: the bootstrap configuration)
 * @param commitIndex the node's commit index
 * @param configuration voters and learners
 * @param matchIndex  on a leader, every other member's match index, by id; empty elsewhere
 */
public record ClusterConfiguration(int reportedBy, Role role, int leaderId, long index, long commitIndex,
                                   Configuration configuration, Map<Integer, Long> matchIndex) {
    public ClusterConfiguration {
        matchIndex = java.util.Collections.unmodifiableMap(new TreeMap<>(matchIndex));
    }

    /** True once the entry that set this configuration is committed on the answering node. */
    public boolean committed() {
        return index <= commitIndex;
    }

    @Override
    public String toString() {
        return configuration + " at index " + index + (committed() ? " (committed)" : " (not yet committed)")
                + ", reported by node " + reportedBy + " (" + role + ", leader " + leaderId + ", commit "
                + commitIndex + ")" + (matchIndex.isEmpty() ? "" : ", match " + matchIndex);
    }
}
