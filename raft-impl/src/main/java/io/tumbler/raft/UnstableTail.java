package io.tumbler.raft;

import java.util.List;

/**
 * Which part of the in-memory log is not yet durable: every entry at or after
 * {@code firstUnstableIndex}, and a snapshot received from the leader but not yet persisted. These
 * are exactly what the next {@link Ready} asks the driver to persist (etcd's {@code unstable}).
 *
 * <p>Entries may be rewritten while a Ready is outstanding (a new leader truncates the tail), so
 * acknowledgement ({@link #persisted}) moves the boundary only past entries that are still in the
 * log with the same term: log matching makes (index, term) identify an entry and all before it.
 */
final class UnstableTail {
    private long firstUnstableIndex;
    private Snapshot pendingSnapshot;

    UnstableTail(long firstUnstableIndex) {
        this.firstUnstableIndex = firstUnstableIndex;
    }

    long firstUnstableIndex() {
        return firstUnstableIndex;
    }

    Snapshot pendingSnapshot() {
        return pendingSnapshot;
    }

    /** The log changed from {@code index} on (append or truncation): from there on nothing is durable. */
    void rewrittenFrom(long index) {
        firstUnstableIndex = Math.min(firstUnstableIndex, index);
    }

    /** The log was replaced by {@code snapshot}; the snapshot itself must now be persisted. */
    void restoredTo(Snapshot snapshot) {
        pendingSnapshot = snapshot;
        firstUnstableIndex = snapshot.meta().index() + 1;
    }

    /** The driver made {@code entries} durable; {@code log} tells which of them are still current. */
    void persisted(List<Entry> entries, RaftLog log) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            if (log.matchTerm(entry.index(), entry.term())) {
                firstUnstableIndex = Math.max(firstUnstableIndex, entry.index() + 1);
                return;
            }
        }
    }

    /** The driver made {@code snapshot} durable. */
    void snapshotPersisted(Snapshot snapshot) {
        if (pendingSnapshot != null && pendingSnapshot.meta().equals(snapshot.meta())) {
            pendingSnapshot = null;
        }
    }
}
