package io.tumbler.raft.storage;

import io.tumbler.raft.Entry;
import io.tumbler.raft.Snapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays WAL records into the log they describe: an entry at or below the last index truncates the
 * suffix first, a {@link WalRecord.LogReset} empties the log. Pure; inconsistencies throw
 * {@link ReplayException} and the caller names the file and offset.
 */
final class LogReplay {
    /** Index just before the first entry; -1 until the first record fixes it. */
    private long baseIndex = -1;
    /** Term at {@link #baseIndex} when a reset fixed it; -1 when unknown (a compacted prefix). */
    private long baseTerm = -1;
    private final List<Entry> entries = new ArrayList<>();

    void apply(WalRecord record) {
        if (record instanceof WalRecord.EntryRecord e) {
            applyEntry(e.entry());
        } else if (record instanceof WalRecord.LogReset reset) {
            entries.clear();
            baseIndex = reset.index();
            baseTerm = reset.term();
        }
    }

    private void applyEntry(Entry entry) {
        if (baseIndex < 0 || entry.index() <= baseIndex) {
            // The first surviving record after compaction, or a rewrite below the replay's start.
            entries.clear();
            baseIndex = entry.index() - 1;
            baseTerm = -1;
        }
        long last = lastIndex();
        if (entry.index() > last + 1) {
            throw new ReplayException("entry " + entry.index() + " leaves a gap after index " + last);
        }
        entries.subList((int) (entry.index() - baseIndex - 1), entries.size()).clear();
        long previousTerm = entries.isEmpty() ? baseTerm : entries.get(entries.size() - 1).term();
        if (entry.term() < previousTerm) {
            throw new ReplayException("entry " + entry.index() + " has term " + entry.term()
                    + ", below the preceding term " + previousTerm);
        }
        entries.add(entry);
    }

    long lastIndex() {
        return baseIndex < 0 ? 0 : baseIndex + entries.size();
    }

    /**
     * The entries after {@code snapshot} (null for none), contiguous from its index + 1. Entries that
     * contradict the snapshot (another term at its index) are an old history the snapshot superseded
     * before the log said so durably; they are dropped.
     */
    List<Entry> entriesAfter(Snapshot snapshot) {
        long snapIndex = snapshot == null ? 0 : snapshot.meta().index();
        long snapTerm = snapshot == null ? 0 : snapshot.meta().term();
        if (baseIndex < 0 || snapIndex >= lastIndex()) {
            return List.of();
        }
        if (snapIndex < baseIndex) {
            throw new ReplayException("the log starts after index " + baseIndex + " but the newest snapshot covers"
                    + " only up to " + snapIndex + ": entries " + (snapIndex + 1) + ".." + baseIndex + " are missing");
        }
        if (snapIndex == baseIndex) {
            if (baseTerm >= 0 && snapIndex > 0 && baseTerm != snapTerm) {
                throw new ReplayException("log reset at " + baseIndex + "@" + baseTerm
                        + " contradicts the snapshot at " + snapIndex + "@" + snapTerm);
            }
            return List.copyOf(entries);
        }
        Entry atSnapshot = entries.get((int) (snapIndex - baseIndex - 1));
        if (atSnapshot.term() != snapTerm) {
            return List.of();
        }
        return List.copyOf(entries.subList((int) (snapIndex - baseIndex), entries.size()));
    }

    /** The log is inconsistent in a way no crash can produce. */
    static final class ReplayException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReplayException(String message) {
            super(message);
        }
    }
}
