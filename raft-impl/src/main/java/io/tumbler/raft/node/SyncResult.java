package io.tumbler.raft.node;

/**
 * How a durability request ({@link LogStorage#sync}, {@code StorageFile.sync}) ended.
 *
 * <p>A {@link Failed} sync is fatal for a Raft node: after a failed fsync the kernel may have dropped the
 * dirty pages, so a retry can report success for data that is gone (the 2018 PostgreSQL "fsyncgate"
 * lesson). The node therefore halts (fail-stop) and recovers from what is on disk after a restart.
 */
public sealed interface SyncResult permits SyncResult.Synced, SyncResult.Failed {
    /** The shared success value. */
    Synced SYNCED = new Synced();

    /** Everything written before the request is durable. */
    record Synced() implements SyncResult {}

    /**
     * Nothing can be assumed durable; {@code description} names the file and the cause for a person.
     */
    record Failed(String description) implements SyncResult {
        public Failed {
            if (description == null || description.isEmpty()) {
                throw new IllegalArgumentException("a sync failure needs a description");
            }
        }
    }

    /** Whether this is {@link Synced}. */
    default boolean succeeded() {
        return this instanceof Synced;
    }
}
