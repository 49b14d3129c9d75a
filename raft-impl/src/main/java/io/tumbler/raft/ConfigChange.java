package io.tumbler.raft;

/**
 * One single-server membership change (dissertation §4.1): each moves the voter set by at most one node, so any
 * majority of the old voters and any majority of the new ones share a node and no two leaders can be elected in
 * one term across the change. New nodes join as learners, catch up, then are promoted; removal takes a voter or a
 * learner out.
 */
public sealed interface ConfigChange {
    /** The node the change is about. */
    int node();

    /**
     * Adds {@code node} as a learner: it receives the log and snapshots but does not vote or count. With an
     * {@code identity} (a host admitted by the rejoin handshake) the configuration records which host incarnation
     * the node runs as and raises the host's highest admitted incarnation; without one (an operator's addition)
     * no identity is recorded.
     */
    record AddLearner(int node, HostIncarnation identity) implements ConfigChange {
        /** An addition without a recorded identity. */
        public AddLearner(int node) {
            this(node, null);
        }
    }

    /** Makes learner {@code node} a voter (do it once it has caught up, or commits may stall meanwhile). */
    record PromoteLearner(int node) implements ConfigChange {
    }

    /** Removes voter or learner {@code node}; a leader that removes itself steps down once the change commits. */
    record Remove(int node) implements ConfigChange {
    }
}
