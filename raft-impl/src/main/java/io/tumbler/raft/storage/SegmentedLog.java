package io.tumbler.raft.storage;

import io.tumbler.raft.Entry;
import io.tumbler.raft.HardState;
import io.tumbler.raft.RecoveredState;
import io.tumbler.raft.Snapshot;
import io.tumbler.raft.node.LogStorage;
import io.tumbler.raft.node.SyncCallback;
import io.tumbler.raft.node.SyncResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link LogStorage} as an append-only, segmented, checksummed write-ahead log in a {@link StorageDirectory},
 * plus double-buffered hard-state slots ({@link HardStateSlots}) and snapshot files ({@link SnapshotFiles}).
 * The same code runs on real files and on a simulated disk.
 *
 * <p>Layout: {@code wal-<sequence>.seg} segments, each rolled once it reaches {@code segmentTargetBytes};
 * every record framed by {@link RecordFrame}. Suffix truncation is logical (a rewritten index supersedes
 * the old one on replay, see {@link LogReplay}), so no durable byte is ever overwritten in place.
 *
 * <p>Sync order, each step awaited before the next: new snapshot files, the directory (their names),
 * WAL segments in sequence order, the directory again (new segments' names), the hard-state slot. Hence a
 * durable hard state implies a durable log, and a durable log reset implies its durable snapshot. After a
 * successful sync, segments wholly covered by a durable snapshot (and up to the requested compaction) are
 * deleted, as are superseded snapshot files.
 *
 * <p>A failed sync or an I/O error poisons the instance: later calls throw {@link IllegalStateException}
 * (the node is expected to halt; see {@link SyncResult}). Single-threaded, as {@link LogStorage} requires;
 * no change may be made while a sync is in flight (the driver persists only between syncs).
 */
public final class SegmentedLog implements LogStorage {
    /** Default size at which a segment is rolled. */
    public static final int DEFAULT_SEGMENT_TARGET_BYTES = 16 << 20;

    private final StorageDirectory directory;
    private final int segmentTargetBytes;
    private final List<Segment> segments = new ArrayList<>();
    /** Segments with unsynced appends or truncation, oldest first. */
    private final List<Segment> unsyncedSegments = new ArrayList<>();
    private HardStateSlots hardState;
    private SnapshotFiles snapshots;
    private boolean loaded;
    private boolean directoryUnsynced;
    private boolean syncInFlight;
    private String poisoned;
    /** Invariant: the stored log ends at (lastIndex, lastTerm); lastIndex >= the newest snapshot's index. */
    private long lastIndex;
    private long lastTerm;
    private long compactThroughIndex;
    /** Frames encoded for the newest segment but not yet handed to its file: one write per batch. */
    private final ByteArrayOutputStream unwritten = new ByteArrayOutputStream();

    /** A log in {@code directory}, rolling segments at {@code segmentTargetBytes}. Call {@link #load} next. */
    public SegmentedLog(StorageDirectory directory, int segmentTargetBytes) {
        if (segmentTargetBytes < 64) {
            throw new IllegalArgumentException("segmentTargetBytes must be at least 64, got " + segmentTargetBytes);
        }
        this.directory = directory;
        this.segmentTargetBytes = segmentTargetBytes;
    }

    /** A log with {@link #DEFAULT_SEGMENT_TARGET_BYTES}. */
    public SegmentedLog(StorageDirectory directory) {
        this(directory, DEFAULT_SEGMENT_TARGET_BYTES);
    }

    @Override
    public RecoveredState load() {
        if (loaded) {
            throw new IllegalStateException("load() called twice on " + directory.describe());
        }
        loaded = true;
        try {
            return recover();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover the log in " + directory.describe(), e);
        }
    }

    private RecoveredState recover() throws IOException {
        SnapshotFiles.Recovered snapshot = SnapshotFiles.recover(directory);
        snapshots = snapshot.files();
        hardState = HardStateSlots.open(directory);
        SegmentRecovery.Result wal = SegmentRecovery.recover(directory);
        segments.addAll(wal.segments());
        List<Entry> entries = entriesAfter(wal, snapshot.snapshot());
        Snapshot snap = snapshot.snapshot();
        lastIndex = entries.isEmpty() ? snapshotIndex(snap) : entries.get(entries.size() - 1).index();
        lastTerm = entries.isEmpty() ? (snap == null ? 0 : snap.meta().term()) : entries.get(entries.size() - 1).term();
        HardState hard = hardState.recovered();
        if (hard.commitIndex() > lastIndex) {
            throw new CorruptLogException(HardStateSlots.SLOT_A, 0, "hard state commits index " + hard.commitIndex()
                    + " but the log ends at " + lastIndex);
        }
        if (snap != null && entries.isEmpty()) {
            // Make the snapshot the log's explicit start, superseding any stale records the replay skipped.
            appendRecord(new WalRecord.LogReset(snap.meta().index(), snap.meta().term()), snap.meta().index());
            writeBatch();
        }
        // Torn or superseded snapshot files go only once the rest proved consistent (they may be evidence).
        for (String obsolete : snapshot.obsolete()) {
            directory.delete(obsolete);
        }
        // A repaired tail (truncation, deletions) becomes durable with the first sync.
        directoryUnsynced = true;
        if (!segments.isEmpty()) {
            markUnsynced(segments.get(segments.size() - 1));
        }
        return new RecoveredState(hard, snap, entries);
    }

    private static List<Entry> entriesAfter(SegmentRecovery.Result wal, Snapshot snapshot) {
        try {
            return wal.replay().entriesAfter(snapshot);
        } catch (LogReplay.ReplayException e) {
            String first = wal.segments().isEmpty() ? "wal" : wal.segments().get(0).name();
            throw new CorruptLogException(first, 0, e.getMessage());
        }
    }

    @Override
    public void append(List<Entry> entries) {
        requireWritable();
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("append of no entries");
        }
        Entry first = entries.get(0);
        if (first.index() > lastIndex + 1 || first.index() <= snapshots.newestIndex()) {
            throw new IllegalStateException("append at " + first.index() + " to a log ending at " + lastIndex
                    + " with a snapshot at " + snapshots.newestIndex());
        }
        if (first.index() == lastIndex + 1 && first.term() < lastTerm) {
            throw new IllegalStateException("entry " + first.index() + "@" + first.term()
                    + " follows a higher term " + lastTerm);
        }
        Entry previous = null;
        for (Entry entry : entries) {
            if (previous != null && (entry.index() != previous.index() + 1 || entry.term() < previous.term())) {
                throw new IllegalArgumentException("entries not contiguous: " + previous + " then " + entry);
            }
            previous = entry;
        }
        for (Entry entry : entries) {
            appendRecord(new WalRecord.EntryRecord(entry), entry.index());
        }
        writeBatch();
        lastIndex = previous.index();
        lastTerm = previous.term();
    }

    @Override
    public void saveHardState(HardState state) {
        requireWritable();
        hardState.save(state);
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        requireWritable();
        if (snapshot.meta().index() > lastIndex) {
            throw new IllegalStateException("local snapshot at " + snapshot.meta().index()
                    + " is beyond the log's end " + lastIndex);
        }
        snapshots.write(snapshot);
    }

    @Override
    public void installSnapshot(Snapshot snapshot) {
        requireWritable();
        snapshots.write(snapshot);
        appendRecord(new WalRecord.LogReset(snapshot.meta().index(), snapshot.meta().term()), snapshot.meta().index());
        writeBatch();
        lastIndex = snapshot.meta().index();
        lastTerm = snapshot.meta().term();
    }

    @Override
    public void compactPrefix(long throughIndex) {
        requireWritable();
        compactThroughIndex = Math.max(compactThroughIndex, throughIndex);
    }

    @Override
    public void sync(SyncCallback callback) {
        requireWritable();
        List<StorageFile> snapshotFiles = snapshots.unsynced();
        List<SyncChain.Step> steps = new ArrayList<>();
        for (StorageFile file : snapshotFiles) {
            steps.add(file::sync);
        }
        if (!snapshotFiles.isEmpty()) {
            steps.add(directory::sync);
        }
        for (Segment segment : unsyncedSegments) {
            steps.add(segment.file()::sync);
        }
        if (directoryUnsynced) {
            steps.add(directory::sync);
        }
        if (hardState.dirty()) {
            steps.add(hardState::sync);
        }
        unsyncedSegments.clear();
        directoryUnsynced = false;
        syncInFlight = true;
        SyncChain.run(steps, result -> finishSync(result, snapshotFiles, callback));
    }

    private void finishSync(SyncResult result, List<StorageFile> snapshotFiles, SyncCallback callback) {
        syncInFlight = false;
        SyncResult outcome = result;
        if (result.succeeded()) {
            try {
                hardState.markDurable();
                snapshots.markDurable(snapshotFiles);
                compact();
            } catch (IOException | UncheckedIOException e) {
                outcome = new SyncResult.Failed("compaction in " + directory.describe() + " failed: " + e);
            }
        }
        if (outcome instanceof SyncResult.Failed failed) {
            poisoned = failed.description();
        }
        callback.completed(outcome);
    }

    /** Deletes leading segments and snapshot files that the newest durable snapshot supersedes. */
    private void compact() throws IOException {
        long through = Math.min(compactThroughIndex, snapshots.durableIndex());
        while (segments.size() > 1 && segments.get(0).maxIndex() <= through) {
            Segment oldest = segments.remove(0);
            unsyncedSegments.remove(oldest);
            oldest.file().close();
            directory.delete(oldest.name());
            directoryUnsynced = true;
        }
        if (snapshots.deleteSuperseded()) {
            directoryUnsynced = true;
        }
    }

    @Override
    public void close() {
        try {
            for (Segment segment : segments) {
                segment.file().close();
            }
            if (hardState != null) {
                hardState.close();
            }
            if (snapshots != null) {
                snapshots.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the log in " + directory.describe(), e);
        }
    }

    /** The index of the last stored entry (or of the snapshot the log starts after). */
    public long lastIndex() {
        return lastIndex;
    }

    /** Names of the live segment files, oldest first (for tests and operators). */
    public List<String> segmentNames() {
        List<String> names = new ArrayList<>();
        for (Segment segment : segments) {
            names.add(segment.name());
        }
        return names;
    }

    /** Encodes a record for the newest segment (rolling first if it is full); {@link #writeBatch} writes it. */
    private void appendRecord(WalRecord record, long index) {
        Segment segment = writableSegment();
        unwritten.writeBytes(RecordFrame.encode(record.encode()));
        segment.noteIndex(index);
        markUnsynced(segment);
    }

    /** Hands the encoded frames to the newest segment's file in one append. */
    private void writeBatch() {
        if (unwritten.size() == 0) {
            return;
        }
        Segment segment = segments.get(segments.size() - 1);
        try {
            segment.append(unwritten.toByteArray());
        } catch (UncheckedIOException e) {
            poisoned = e.getMessage();
            throw e;
        } finally {
            unwritten.reset();
        }
    }

    private Segment writableSegment() {
        Segment current = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        if (current != null && current.size() + unwritten.size() < segmentTargetBytes) {
            return current;
        }
        writeBatch();
        long sequence = current == null ? 1 : current.sequence() + 1;
        String name = Segment.fileName(sequence);
        StorageFile file;
        try {
            file = directory.open(name);
        } catch (IOException e) {
            poisoned = "cannot create WAL segment " + name + ": " + e;
            throw new UncheckedIOException(poisoned, e);
        }
        Segment segment = new Segment(sequence, file, 0, 0);
        segments.add(segment);
        directoryUnsynced = true;
        unwritten.writeBytes(RecordFrame.encode(new WalRecord.SegmentHeader(sequence).encode()));
        return segment;
    }

    private void markUnsynced(Segment segment) {
        if (!unsyncedSegments.contains(segment)) {
            unsyncedSegments.add(segment);
        }
    }

    private void requireWritable() {
        if (syncInFlight) {
            throw new IllegalStateException("storage in " + directory.describe() + " changed while a sync is in flight");
        }
        if (!loaded) {
            throw new IllegalStateException("load() must come first on " + directory.describe());
        }
        if (poisoned != null) {
            throw new IllegalStateException("storage in " + directory.describe() + " failed earlier: " + poisoned);
        }
    }

    private static long snapshotIndex(Snapshot snapshot) {
        return snapshot == null ? 0 : snapshot.meta().index();
    }
}
