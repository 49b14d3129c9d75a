package io.tumbler.raft.node;

/**
 * Completion of a durability request. Called exactly once per request, either synchronously from inside
 * the {@code sync} call or later, but always on the thread that owns the storage (the node's thread):
 * adapters whose I/O completes elsewhere must hand the completion back to that thread.
 */
@FunctionalInterface
public interface SyncCallback {
    /** Reports the outcome of one sync request. */
    void completed(SyncResult result);
}
