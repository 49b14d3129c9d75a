package io.tumbler.raft.node;

/**
 * The observation-journal port: receives every {@link Observation} a node makes, in order.
 *
 * <p>Contract: called on the node's thread, synchronously; must not block and must not call back into
 * the node. Production uses {@link #NOOP}, which also tells the node (via {@link #enabled}) to skip
 * building observations, including the per-apply state digest.
 */
public interface RaftObserver {
    /** Discards everything; the production default. */
    RaftObserver NOOP = new RaftObserver() {
        @Override
        public void observe(Observation observation) {
        }

        @Override
        public boolean enabled() {
            return false;
        }
    };

    /** Records one observation. */
    void observe(Observation observation);

    /** Whether observations are wanted at all (false lets the node skip the work of making them). */
    default boolean enabled() {
        return true;
    }
}
