package io.tumbler.sim.disk;

/**
 * Completion of a {@link SimDisk#sync}. Runs on the simulation thread, inside the process that issued the sync,
 * and only if that incarnation is still alive (deferred while it is paused).
 */
@FunctionalInterface
public interface SyncCallback {
    /** Called once with the outcome. */
    void onSyncComplete(SyncResult result);
}
