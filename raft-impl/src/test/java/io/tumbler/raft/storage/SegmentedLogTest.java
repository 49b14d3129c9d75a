package io.tumbler.raft.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.raft.Entry;
import io.tumbler.raft.EntryType;
import io.tumbler.raft.HardState;
import io.tumbler.raft.RecoveredState;
import io.tumbler.raft.Snapshot;
import io.tumbler.raft.SnapshotMeta;
import io.tumbler.raft.node.SyncResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentedLogTest {
    private static final int SMALL_SEGMENT_BYTES = 256;

    static List<Entry> entries(long from, long to, long term) {
        List<Entry> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(new Entry(i, term, EntryType.NORMAL, ("e" + i + "t" + term).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    static SyncResult sync(SegmentedLog log) {
        SyncResult[] result = new SyncResult[1];
        log.sync(r -> result[0] = r);
        assertTrue(result[0] != null, "the memory disk completes syncs synchronously");
        return result[0];
    }

    static SegmentedLog open(MemoryDirectory dir) {
        return new SegmentedLog(dir, SMALL_SEGMENT_BYTES);
    }

    static RecoveredState reload(MemoryDirectory dir) {
        SegmentedLog log = open(dir);
        RecoveredState state = log.load();
        log.close();
        return state;
    }

    @Test
    void freshDirectoryRecoversEmpty() {
        RecoveredState state = reload(new MemoryDirectory());
        assertEquals(HardState.EMPTY, state.hardState());
        assertNull(state.snapshot());
        assertEquals(List.of(), state.entries());
    }

    @Test
    void syncedEntriesAndHardStateSurviveACrash() {
        MemoryDirectory dir = new MemoryDirectory();
        SegmentedLog log = open(dir);
        log.load();
        log.append(entries(1, 40, 1));
        log.saveHardState(new HardState(1, 2, 30));
        assertEquals(SyncResult.SYNCED, sync(log));
        assertTrue(log.segmentNames().size() > 2, "small segments roll: " + log.segmentNames());

        RecoveredState state = reload(dir.crash());
        assertEquals(new HardState(1, 2, 30), state.hardState());
        assertEquals(entries(1, 40, 1), state.entries());
    }

    @Test
    void unsyncedWritesAreLostButSyncedOnesAreNot() {
        MemoryDirectory dir = new MemoryDirectory();
        SegmentedLog log = open(dir);
        log.load();
        log.append(entries(1, 5, 1));
        log.saveHardState(new HardState(1, 1, 3));
        sync(log);
        log.append(entries(6, 9, 2));
        log.saveHardState(new HardState(2, 3, 7));

        RecoveredState state = reload(dir.crash());
        assertEquals(new HardState(1, 1, 3), state.hardState());
        assertEquals(entries(1, 5, 1), state.entries());
    }

    @Test
    void conflictingAppendTruncatesTheSuffixAcrossRestarts() {
        MemoryDirectory dir = new MemoryDirectory();
        SegmentedLog log = open(dir);
        log.load();
        log.append(entries(1, 20, 1));
        log.append(entries(8, 12, 3));
        sync(log);
        log.close();
        List<Entry> expected = new ArrayList<>(entries(1, 7, 1));
        expected.addAll(entries(8, 12, 3));
        assertEquals(expected, reload(dir.crash()).entries());

        SegmentedLog again = open(dir);
        again.load();
        again.append(entries(13, 14, 3));
        sync(again);
        expected.addAll(entries(13, 14, 3));
        assertEquals(expected, reload(dir.crash()).entries());
    }

    @Test
    void everyTornTailRecoversToASyncedPrefixAndKeepsWorking() {
        for (int keep = 0; keep < 400; keep += 3) {
            MemoryDirectory dir = new MemoryDirectory();
            SegmentedLog log = open(dir);
            log.load();
            log.append(entries(1, 6, 1));
            sync(log);
            log.append(entries(7, 30, 2));
            int kept = keep;
            MemoryDirectory after = dir.crash(name -> kept);

            SegmentedLog recovered = open(after);
            List<Entry> survivors = recovered.load().entries();
            assertTrue(survivors.size() >= 6, "synced entries lost with keep=" + keep);
            List<Entry> all = new ArrayList<>(entries(1, 6, 1));
            all.addAll(entries(7, 30, 2));
            assertEquals(all.subList(0, survivors.size()), survivors, "keep=" + keep);

            long next = survivors.size() + 1;
            recovered.append(entries(next, next + 2, 3));
            sync(recovered);
            List<Entry> expected = new ArrayList<>(survivors);
            expected.addAll(entries(next, next + 2, 3));
            assertEquals(expected, reload(after.crash()).entries(), "keep=" + keep);
        }
    }

    @Test
    void damageInTheMiddleIsReportedWithFileAndOffset() {
        MemoryDirectory dir = new MemoryDirectory();
        SegmentedLog log = new SegmentedLog(dir, 1 << 20);
        log.load();
        log.append(entries(1, 10, 1));
        sync(log);
        String segment = log.segmentNames().get(0);
        byte[] bytes = dir.bytes(segment);
        FrameScan scan = FrameScan.of(bytes, bytes.length);
        int thirdEntryOffset = scan.frames().get(3).offset();
        dir.damage(segment, thirdEntryOffset + RecordFrame.HEADER_BYTES + 5, 0x10);

        CorruptLogException e = assertThrows(CorruptLogException.class, () -> reload(dir.crash()));
        assertEquals(segment, e.fileName());
        assertEquals(thirdEntryOffset, e.offset());
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void damageInAnEarlierSegmentIsCorruptionEvenIfLaterSegmentsAreFine() {
        MemoryDirectory dir = new MemoryDirectory();
        SegmentedLog log = open(dir);
        log.load();
        log.append(entries(1, 40, 1));
        sync(log);
        String first = log.segmentNames().get(0);
        byte[] bytes = dir.bytes(first);
        dir.damage(first, bytes.length - 2, 0x01);

        CorruptLogException e = assertThrows(CorruptLogException.class, () -> reload(dir.crash()));
        assertEquals(first, e.fileName());
    }

    @Test
    void aMissingMiddleSegmentIsCorruption() {
        MemoryDirectory dir = new MemoryDirectory();
        SegmentedLog log = open(dir);
        log.load();
        log.append(entries(1, 40, 1));
        sync(log);
        List<String> names = log.segmentNames();
        log.close();
        MemoryDirectory after = dir.crash();
        after.delete(names.get(1));

        CorruptLogException e = assertThrows(CorruptLogException.class, () -> reload(after));
        assertEquals(names.get(2), e.fileName());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void tornHardStateRewriteFallsBackToThePreviousVersion() {
        for (int keep = 0; keep < 60; keep++) {
            MemoryDirectory dir = new MemoryDirectory();
            SegmentedLog log = open(dir);
            log.load();
            log.append(entries(1, 3, 1));
            log.saveHardState(new HardState(1, 1, 2));
            sync(log);
            log.saveHardState(new HardState(1, 1, 3));
            sync(log);
            log.saveHardState(new HardState(2, 3, 3));
            int kept = keep;
            HardState recovered = reload(dir.crash(name -> name.startsWith("hardstate") ? kept : 0)).hardState();
            assertTrue(recovered.equals(new HardState(1, 1, 3)) || recovered.equals(new HardState(2, 3, 3)),
                    "keep=" + keep + " gave " + recovered);
        }
    }

    @Test
    void snapshotCompactsSegmentsAndRecoversTheSuffix() {
        MemoryDirectory dir = new MemoryDirectory();
        SegmentedLog log = open(dir);
        log.load();
        log.append(entries(1, 60, 1));
        log.saveHardState(new HardState(1, 1, 55));
        sync(log);
        int before = log.segmentNames().size();
        Snapshot snapshot = new Snapshot(new SnapshotMeta(50, 1), "state@50".getBytes(StandardCharsets.UTF_8));
        log.saveSnapshot(snapshot);
        log.compactPrefix(50);
        sync(log);
        int after = log.segmentNames().size();
        assertTrue(after < before, "segments before " + before + ", after " + after);

        RecoveredState state = reload(dir.crash());
        assertEquals(snapshot, state.snapshot());
        assertEquals(entries(51, 60, 1), state.entries());
        assertEquals(new HardState(1, 1, 55), state.hardState());
    }

    @Test
    void compactionWaitsForTheSnapshotToBeDurable() {
        MemoryDirectory dir = new MemoryDirectory();
        SegmentedLog log = open(dir);
        log.load();
        log.append(entries(1, 60, 1));
        sync(log);
        log.saveSnapshot(new Snapshot(new SnapshotMeta(50, 1), new byte[] {1}));
        log.compactPrefix(50);
        dir.failNextSyncs(1);
        assertInstanceOf(SyncResult.Failed.class, sync(log));
        // The failed sync left the snapshot unsynced; the crash image still has the full log.
        RecoveredState state = reload(dir.crash());
        assertNull(state.snapshot());
        assertEquals(entries(1, 60, 1), state.entries());
    }

    @Test
    void aFailedSyncPoisonsTheLog() {
        MemoryDirectory dir = new MemoryDirectory();
        SegmentedLog log = open(dir);
        log.load();
        log.append(entries(1, 2, 1));
        dir.failNextSyncs(1);
        SyncResult result = sync(log);
        assertInstanceOf(SyncResult.Failed.class, result);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> log.append(entries(3, 3, 1)));
        assertTrue(e.getMessage().contains("injected fsync failure"), e.getMessage());
    }

    @Test
    void installedSnapshotResetsTheLog() {
        MemoryDirectory dir = new MemoryDirectory();
        SegmentedLog log = open(dir);
        log.load();
        log.append(entries(1, 10, 1));
        sync(log);
        Snapshot snapshot = new Snapshot(new SnapshotMeta(100, 4), new byte[] {9, 9});
        log.installSnapshot(snapshot);
        log.saveHardState(new HardState(4, 0, 100));
        sync(log);
        log.close();
        RecoveredState state = reload(dir.crash());
        assertEquals(snapshot, state.snapshot());
        assertEquals(List.of(), state.entries());

        SegmentedLog again = open(dir);
        again.load();
        again.append(entries(101, 103, 4));
        sync(again);
        assertEquals(entries(101, 103, 4), reload(dir.crash()).entries());
    }

    @Test
    void snapshotDurableButLogResetTornStillRecoversConsistently() {
        MemoryDirectory dir = new MemoryDirectory();
        SegmentedLog log = open(dir);
        log.load();
        log.append(entries(1, 10, 1));
        sync(log);
        // Make the snapshot file durable but lose the WAL reset record: hold back the WAL sync.
        Snapshot snapshot = new Snapshot(new SnapshotMeta(100, 4), new byte[] {5});
        log.installSnapshot(snapshot);
        dir.holdSyncs(true);
        log.sync(r -> { });
        dir.releaseOneSync(); // snapshot file
        dir.releaseOneSync(); // directory
        MemoryDirectory after = dir.crash();

        SegmentedLog recovered = open(after);
        RecoveredState state = recovered.load();
        assertEquals(snapshot, state.snapshot());
        assertEquals(List.of(), state.entries());
        recovered.append(entries(101, 101, 4));
        sync(recovered);
        assertEquals(entries(101, 101, 4), reload(after.crash()).entries());
    }

    @Test
    void tornSnapshotFileIsIgnoredInFavourOfTheLog() {
        MemoryDirectory dir = new MemoryDirectory();
        SegmentedLog log = open(dir);
        log.load();
        log.append(entries(1, 20, 1));
        sync(log);
        log.saveSnapshot(new Snapshot(new SnapshotMeta(15, 1), new byte[300]));
        MemoryDirectory after = dir.crash(name -> name.startsWith("snapshot") ? 100 : 0);
        // The snapshot's name was never made durable, so even a torn image of it is gone; forge one.
        after.replace(SnapshotFiles.fileName(15, 1), java.util.Arrays.copyOf(
                RecordFrame.encode(io.tumbler.raft.MessageCodec.encodeSnapshot(
                        new Snapshot(new SnapshotMeta(15, 1), new byte[300]))), 120));
        RecoveredState state = reload(after);
        assertNull(state.snapshot());
        assertEquals(entries(1, 20, 1), state.entries());
        assertTrue(!after.list().contains(SnapshotFiles.fileName(15, 1)), "torn snapshot file deleted");
    }

    @Test
    void hardStateCommitBeyondTheLogIsCorruption() {
        MemoryDirectory dir = new MemoryDirectory();
        SegmentedLog log = open(dir);
        log.load();
        log.saveHardState(new HardState(1, 0, 5));
        sync(log);
        CorruptLogException e = assertThrows(CorruptLogException.class, () -> reload(dir.crash()));
        assertTrue(e.getMessage().contains("commits index 5"), e.getMessage());
    }

    @Test
    void writesBeforeLoadOrDuringASyncAreRefused() {
        MemoryDirectory dir = new MemoryDirectory();
        SegmentedLog log = open(dir);
        assertThrows(IllegalStateException.class, () -> log.append(entries(1, 1, 1)));
        log.load();
        log.append(entries(1, 1, 1));
        dir.holdSyncs(true);
        log.sync(r -> { });
        assertThrows(IllegalStateException.class, () -> log.append(entries(2, 2, 1)));
        while (dir.releaseOneSync()) {
            // drain
        }
        log.append(entries(2, 2, 1));
    }

    @Test
    void appendsThatWouldLeaveAGapAreRefused() {
        SegmentedLog log = open(new MemoryDirectory());
        log.load();
        log.append(entries(1, 3, 2));
        assertThrows(IllegalStateException.class, () -> log.append(entries(5, 6, 2)));
        List<Entry> withHole = List.of(new Entry(4, 2, EntryType.NORMAL, new byte[0]),
                new Entry(6, 2, EntryType.NORMAL, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> log.append(withHole));
        assertThrows(IllegalStateException.class, () -> log.append(entries(4, 4, 1)), "term went down");
    }

    @Test
    void aCrashAtAnyPointOfASyncChainRecoversAConsistentState() {
        for (int released = 0; released <= 8; released++) {
            MemoryDirectory dir = new MemoryDirectory();
            SegmentedLog log = open(dir);
            log.load();
            log.append(entries(1, 5, 1));
            log.saveHardState(new HardState(1, 1, 5));
            sync(log);
            log.append(entries(6, 40, 2));
            log.saveSnapshot(new Snapshot(new SnapshotMeta(5, 1), new byte[] {7}));
            log.saveHardState(new HardState(2, 2, 40));
            dir.holdSyncs(true);
            SyncResult[] outcome = new SyncResult[1];
            log.sync(r -> outcome[0] = r);
            for (int i = 0; i < released; i++) {
                dir.releaseOneSync();
            }
            RecoveredState state = reload(dir.crash());
            long last = state.entries().isEmpty() ? state.snapshotMeta().index()
                    : state.entries().get(state.entries().size() - 1).index();
            assertTrue(state.hardState().commitIndex() <= last, "released " + released + ": " + state.hardState()
                    + " beyond the log's end " + last);
            assertTrue(last >= 5, "released " + released + ": synced entries lost");
            if (outcome[0] != null) {
                assertEquals(new HardState(2, 2, 40), state.hardState(), "a completed sync made everything durable");
                assertEquals(40, last);
            }
        }
    }
}
