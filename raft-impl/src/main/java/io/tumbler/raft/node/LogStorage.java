package io.tumbler.raft.node;

import io.tumbler.raft.Entry;
import io.tumbler.raft.HardState;
import io.tumbler.raft.RecoveredState;
import io.tumbler.raft.Snapshot;
import java.util.List;

/**
 * Stable storage for one Raft node: its log, hard state and latest snapshot.
 *
 * <p><b>Durability.</b> Every mutating call takes effect for later calls at once but is DURABLE ONLY after
 * a later {@link #sync} reports {@link SyncResult.Synced}; a crash before that may keep any prefix of the
 * unsynced changes, in order. The node never sends a message or acknowledges a client on the strength of
 * state that has not been synced (persist before send). A {@link SyncResult.Failed} sync is fatal: the node
 * halts and restarts from what {@link #load} finds (fail-stop; see {@link SyncResult}).
 *
 * <p><b>Threading.</b> Single-threaded: every call, and every sync callback, on the node's thread. At most
 * one sync is outstanding at a time. No call blocks on the network; writes may block on the local disk
 * (real adapters) or return at once (simulated disks).
 *
 * <p><b>Errors.</b> An I/O error is thrown as {@link java.io.UncheckedIOException} and is fatal like a
 * failed sync. Damage found by {@link #load} that is not a torn tail is thrown as
 * {@code io.tumbler.raft.storage.CorruptLogException} (or an adapter's equivalent) naming file and offset.
 */
public interface LogStorage extends AutoCloseable {
    /**
     * Recovers the durable state: hard state, latest snapshot (or null) and the entries after it,
     * contiguous. Called exactly once, before any other method. Repairs a torn tail (the repair becomes
     * durable with the next sync).
     */
    RecoveredState load();

    /**
     * Appends {@code entries} (contiguous, ascending, non-empty). The first entry's index may be at most
     * one past the last stored index; every stored entry at or after it is discarded first (log suffix
     * truncation on a conflict, Raft §5.3).
     */
    void append(List<Entry> entries);

    /** Replaces the stored hard state. */
    void saveHardState(HardState hardState);

    /**
     * Stores a snapshot this node took of its own state machine. Entries after it are kept; entries up to
     * its index become eligible for {@link #compactPrefix}.
     */
    void saveSnapshot(Snapshot snapshot);

    /**
     * Stores a snapshot received from the leader (InstallSnapshot) and discards the whole log: the next
     * append starts at {@code snapshot.meta().index() + 1}.
     */
    void installSnapshot(Snapshot snapshot);

    /**
     * Allows discarding entries up to {@code throughIndex}. Storage discards only what a durable snapshot
     * covers, and may do so lazily (after a later successful sync); entries still needed stay readable by
     * {@link #load}.
     */
    void compactPrefix(long throughIndex);

    /** Makes every earlier call durable, then calls {@code callback} exactly once (see class notes). */
    void sync(SyncCallback callback);

    /** Releases resources; unsynced changes keep whatever durability they have. */
    @Override
    void close();
}
