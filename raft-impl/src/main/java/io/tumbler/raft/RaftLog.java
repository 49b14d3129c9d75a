package io.tumbler.raft;

import java.util.ArrayList;
import java.util.List;

/**
 * The node's log as the core sees it: the position of the latest snapshot, the entries after it
 * (durable ones and the {@link UnstableTail}), the commit index and the applied index (etcd's
 * {@code raftLog}).
 *
 * <p>Invariants, checked on every change: entries are contiguous from {@code snapshot.index + 1};
 * terms never decrease along the log and never fall below the snapshot term;
 * {@code snapshot.index <= applied <= committed <= lastIndex}; committed entries are never truncated.
 */
final class RaftLog {
    /** Returned by {@link #term(long)} for an index that is compacted away or beyond the last entry. */
    static final long UNAVAILABLE = -1;

    private final ArrayList<Entry> entries = new ArrayList<>();
    private final UnstableTail unstable;
    private final KnownBugs bugs;
    private final ConfigurationHistory configurations;
    private SnapshotMeta snapshot;
    private long committed;
    private long applied;

    /** The log of a one-voter cluster of node 1 (for tests of the log alone). */
    RaftLog(RecoveredState recovered) {
        this(recovered, KnownBugs.NONE, Configuration.ofVoters(List.of(1)));
    }

    /** A log recovered from {@code recovered}; {@code bootstrap} is the configuration before any CONFIG entry. */
    RaftLog(RecoveredState recovered, KnownBugs bugs, Configuration bootstrap) {
        this.bugs = bugs;
        this.snapshot = recovered.snapshotMeta();
        this.configurations = new ConfigurationHistory(bootstrap, snapshot);
        for (Entry entry : recovered.entries()) {
            appendChecked(entry);
        }
        long commit = Math.max(recovered.hardState().commitIndex(), snapshot.index());
        check(commit <= lastIndex(), "recovered commit index " + commit + " is beyond the recovered last index "
                + lastIndex() + ": durable entries were lost");
        this.committed = recoveredCommitDeviation(commit);
        this.applied = snapshot.index();
        this.unstable = new UnstableTail(lastIndex() + 1);
    }

    /**
     * {@link KnownBug#COMMIT_REGRESSES_AFTER_RESTART}: a restarted node resumes from its durable commit index; the
     * deviation ignores it and starts from the snapshot index, so the node's commit index goes back.
     */
    private long recoveredCommitDeviation(long durableCommit) {
        return bugs.on(KnownBug.COMMIT_REGRESSES_AFTER_RESTART) ? snapshot.index() : durableCommit;
    }

    UnstableTail unstable() {
        return unstable;
    }

    /** The configuration a snapshot covering {@code index} carries: null while the bootstrap one applies there. */
    Configuration snapshotConfigurationAt(long index) {
        return configurations.forSnapshotAt(index);
    }

    /** The configuration in effect at {@code index} (at or after the snapshot index). */
    LogConfiguration configurationAt(long index) {
        return configurations.at(index);
    }

    /** The configuration this log uses now: its latest, committed or not. */
    LogConfiguration configuration() {
        return configurations.latest();
    }

    SnapshotMeta snapshot() {
        return snapshot;
    }

    long firstIndex() {
        return snapshot.index() + 1;
    }

    long lastIndex() {
        return snapshot.index() + entries.size();
    }

    long lastTerm() {
        return term(lastIndex());
    }

    long committed() {
        return committed;
    }

    long applied() {
        return applied;
    }

    /** The term at {@code index}, or {@link #UNAVAILABLE}; index 0 has term 0. */
    long term(long index) {
        if (index == snapshot.index()) {
            return snapshot.term();
        }
        if (index < snapshot.index() || index > lastIndex()) {
            return UNAVAILABLE;
        }
        return entries.get(offset(index)).term();
    }

    boolean matchTerm(long index, long term) {
        return term(index) == term;
    }

    /**
     * A current leader holds every committed entry (Leader Completeness), so an append whose previous entry is
     * within our committed prefix must name that entry's term. If it does not, a committed entry was lost or
     * overwritten somewhere: safety is already broken, and no amount of backtracking can reconcile the logs.
     */
    void checkAgreesWithCommitted(long prevIndex, long prevTerm) {
        if (prevIndex > committed || prevIndex < snapshot.index()) {
            return;
        }
        long ours = term(prevIndex);
        check(ours == prevTerm, "the leader's entry " + prevIndex + " has term " + prevTerm + " but our committed entry "
                + prevIndex + " has term " + ours + " (commit " + committed + "): a committed entry was lost or overwritten");
    }

    /** Raft §5.4.1: is a log ending at (lastIndex, lastTerm) at least as up-to-date as ours? */
    boolean isUpToDate(long otherLastIndex, long otherLastTerm) {
        long ourTerm = lastTerm();
        return otherLastTerm > ourTerm || (otherLastTerm == ourTerm && otherLastIndex >= lastIndex());
    }

    /** Entries from {@code from} to {@code to} inclusive, cut at {@code maxCount} or {@code maxBytes} (at least one). */
    List<Entry> slice(long from, long to, int maxCount, long maxBytes) {
        if (from < firstIndex()) {
            throw invariant("slice from " + from + " reaches into the compacted prefix (first " + firstIndex() + ")");
        }
        long end = Math.min(to, lastIndex());
        List<Entry> out = new ArrayList<>();
        long bytes = 0;
        for (long index = from; index <= end && out.size() < maxCount; index++) {
            Entry entry = entries.get(offset(index));
            bytes += entry.sizeBytes();
            if (!out.isEmpty() && bytes > maxBytes) {
                break;
            }
            out.add(entry);
        }
        return out;
    }

    /** Appends a leader's new entry at the end of its own log (a leader never overwrites). */
    void appendAsLeader(Entry entry) {
        appendChecked(entry);
        unstable.rewrittenFrom(entry.index());
    }

    /**
     * The follower side of AppendEntries (Raft §5.3): if our entry at {@code prevIndex} has
     * {@code prevTerm}, delete conflicting entries, append new ones, advance commit to
     * {@code min(leaderCommit, last new index)} and return the last new index; otherwise return -1.
     */
    long maybeAppend(long prevIndex, long prevTerm, long leaderCommit, List<Entry> newEntries) {
        if (!matchTerm(prevIndex, prevTerm) && !splicesWithoutConsistencyCheckDeviation(prevIndex)) {
            return -1;
        }
        long lastNew = prevIndex + newEntries.size();
        long conflict = staleAppendTruncatesDeviation(findConflict(newEntries), lastNew, newEntries);
        if (conflict != 0) {
            check(conflict > committed, "leader would overwrite committed entry " + conflict + " (commit " + committed + ")");
            truncateFrom(conflict);
            int from = (int) Math.min(conflict - prevIndex - 1, newEntries.size());
            for (Entry entry : newEntries.subList(from, newEntries.size())) {
                appendChecked(entry);
            }
            unstable.rewrittenFrom(conflict);
        }
        commitTo(Math.min(leaderCommit, commitsUnverifiedSuffixDeviation(lastNew)));
        return lastNew;
    }

    /**
     * {@link KnownBug#APPEND_WITHOUT_CONSISTENCY_CHECK}: a follower refuses an append whose entry at {@code prevIndex}
     * does not have {@code prevTerm}; the deviation accepts it whenever it holds an entry there, splicing the
     * leader's entries onto a divergent prefix.
     */
    private boolean splicesWithoutConsistencyCheckDeviation(long prevIndex) {
        return bugs.on(KnownBug.APPEND_WITHOUT_CONSISTENCY_CHECK) && prevIndex <= lastIndex();
    }

    /**
     * {@link KnownBug#STALE_APPEND_TRUNCATES}: a follower truncates only from the first conflicting entry
     * ({@code conflict}, 0 for none); the deviation drops whatever follows a non-empty append's last entry
     * ({@code lastNew}), even entries a newer append delivered and it acknowledged (only the committed prefix is
     * spared).
     */
    private long staleAppendTruncatesDeviation(long conflict, long lastNew, List<Entry> newEntries) {
        if (bugs.on(KnownBug.STALE_APPEND_TRUNCATES) && !newEntries.isEmpty() && lastNew < lastIndex()) {
            long cut = Math.max(conflict == 0 ? lastNew + 1 : conflict, committed + 1);
            return cut <= lastIndex() ? cut : conflict;
        }
        return conflict;
    }

    /**
     * {@link KnownBug#FOLLOWER_COMMIT_BEYOND_VERIFIED}: a follower commits no further than the last entry the append
     * verified ({@code lastNew}); the deviation commits up to its last index, an unverified suffix included.
     */
    private long commitsUnverifiedSuffixDeviation(long lastNew) {
        return bugs.on(KnownBug.FOLLOWER_COMMIT_BEYOND_VERIFIED) ? lastIndex() : lastNew;
    }

    /** The first new entry that is absent or has a different term, or 0 if all are present. */
    private long findConflict(List<Entry> newEntries) {
        for (Entry entry : newEntries) {
            if (!matchTerm(entry.index(), entry.term())) {
                return entry.index();
            }
        }
        return 0;
    }

    /** The largest index {@code <= index} whose term is {@code <= term} (fast backtracking). */
    ConflictHint findConflictByTerm(long index, long term) {
        if (index < snapshot.index()) {
            return new ConflictHint(index, 0); // compacted here: terms unknown, the probe stands
        }
        for (long i = Math.min(index, lastIndex()); i >= snapshot.index(); i--) {
            long ourTerm = term(i);
            if (ourTerm <= term) {
                return new ConflictHint(i, ourTerm);
            }
        }
        // Everything we still hold is newer than the probe: point below our snapshot.
        return new ConflictHint(snapshot.index(), 0);
    }

    void commitTo(long index) {
        if (index > committed) {
            if (index > lastIndex()) {
                throw invariant("commit " + index + " beyond last index " + lastIndex() + ": was the log truncated or lost?");
            }
            committed = index;
        }
    }

    /** Raft §5.4.2 (Figure 8): commit by counting replicas only for an entry of the leader's own term. */
    boolean maybeCommit(long index, long currentTerm) {
        if (index > committed && (term(index) == currentTerm || figure8CommitsOlderTermByCountDeviation())) {
            commitTo(index);
            return true;
        }
        return false;
    }

    /**
     * {@link KnownBug#FIGURE_8_COMMIT}: a leader commits by counting replicas only an entry of its own term; the
     * deviation commits an entry of any term by count (Raft Figure 8).
     */
    private boolean figure8CommitsOlderTermByCountDeviation() {
        return bugs.on(KnownBug.FIGURE_8_COMMIT);
    }

    void appliedTo(long index) {
        if (index > committed && !appliesUncommittedDeviation()) {
            throw invariant("applied " + index + " beyond commit " + committed);
        }
        applied = Math.max(applied, index);
    }

    /**
     * {@link KnownBug#APPLY_BEFORE_COMMIT}: nothing beyond the commit index is applied; the deviation lets the node
     * apply (and report applied) entries that are persisted but not committed.
     */
    private boolean appliesUncommittedDeviation() {
        return bugs.on(KnownBug.APPLY_BEFORE_COMMIT);
    }

    boolean hasEntriesToApply() {
        return applyLimit() > applied;
    }

    List<Entry> entriesToApply() {
        return hasEntriesToApply() ? slice(applied + 1, applyLimit(), Integer.MAX_VALUE, Long.MAX_VALUE) : List.of();
    }

    /** The last entry the state machine may see: the committed one. */
    private long applyLimit() {
        return applyLimitDeviation(committed);
    }

    /**
     * {@link KnownBug#APPLY_BEFORE_COMMIT}: entries are handed to the state machine up to the commit index; the
     * deviation hands them over up to the last index, as soon as they are persisted.
     */
    private long applyLimitDeviation(long commitIndex) {
        return bugs.on(KnownBug.APPLY_BEFORE_COMMIT) ? lastIndex() : commitIndex;
    }

    /**
     * {@link KnownBug#LEADER_OVERWRITES_OWN_LOG}: a leader never deletes or overwrites entries in its own log (Leader
     * Append-Only, §5.3); the deviation has a new leader drop its uncommitted tail before it appends its no-op.
     */
    void dropsOwnUncommittedTailDeviation() {
        if (bugs.on(KnownBug.LEADER_OVERWRITES_OWN_LOG) && committed < lastIndex() && committed >= snapshot.index()) {
            truncateFrom(committed + 1);
            unstable.rewrittenFrom(committed + 1);
        }
    }

    List<Entry> entriesToPersist() {
        long from = unstable.firstUnstableIndex();
        return from > lastIndex() ? List.of() : slice(from, lastIndex(), Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    /** Replaces the whole log by a snapshot from the leader; everything in it counts as applied. */
    void restore(Snapshot received) {
        SnapshotMeta meta = received.meta();
        check(meta.index() > committed, "restoring snapshot " + meta + " at or below commit " + committed);
        entries.clear();
        snapshot = meta;
        configurations.restoredTo(dropsSnapshotConfigurationDeviation(meta));
        committed = meta.index();
        applied = meta.index();
        unstable.restoredTo(received);
    }

    /**
     * {@link KnownBug#SNAPSHOT_DROPS_CONFIGURATION}: an installed snapshot restores the configuration it carries; the
     * deviation restores none, so the node falls back to the bootstrap configuration.
     */
    private SnapshotMeta dropsSnapshotConfigurationDeviation(SnapshotMeta meta) {
        return bugs.on(KnownBug.SNAPSHOT_DROPS_CONFIGURATION) ? meta.withoutConfiguration() : meta;
    }

    /** Drops the durable, applied prefix up to {@code index}, now covered by a local snapshot. */
    SnapshotMeta compact(long index) {
        check(index <= applied, "compacting to " + index + " beyond applied " + applied);
        check(index < unstable.firstUnstableIndex(), "compacting unpersisted entry " + index);
        long term = term(index);
        Configuration configuration = configurations.forSnapshotAt(index);
        entries.subList(0, offset(index) + 1).clear();
        configurations.compactedTo(index);
        snapshot = new SnapshotMeta(index, term, configuration);
        return snapshot;
    }

    private void truncateFrom(long index) {
        entries.subList(offset(index), entries.size()).clear();
        configurations.truncatedFrom(index);
    }

    private void appendChecked(Entry entry) {
        if (entry.index() != lastIndex() + 1) {
            throw invariant("appending entry " + entry.index() + " after last index " + lastIndex());
        }
        if (entry.term() < lastTerm()) {
            throw invariant("appending entry " + entry.index() + "@" + entry.term() + " after term " + lastTerm()
                    + ": terms must not decrease");
        }
        entries.add(entry);
        configurations.appended(entry);
    }

    private int offset(long index) {
        return (int) (index - snapshot.index() - 1);
    }

    /** Cold-path checks; hot paths test first and build their message only on failure (see {@link #invariant}). */
    private static void check(boolean condition, String message) {
        if (!condition) {
            throw invariant(message);
        }
    }

    private static IllegalStateException invariant(String message) {
        return new IllegalStateException("raft log invariant: " + message);
    }
}
