package io.tumbler.sim.disk;

/** How an fsync ended. */
public enum SyncResult {
    /** Every change made to the file before the sync was issued is now durable. */
    SYNCED,
    /** The sync failed (injected); nothing it covered became durable, and the changes stay unsynced. */
    FAILED
}
