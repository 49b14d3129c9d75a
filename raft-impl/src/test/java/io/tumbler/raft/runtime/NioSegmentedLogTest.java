package io.tumbler.raft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.raft.Entry;
import io.tumbler.raft.EntryType;
import io.tumbler.raft.HardState;
import io.tumbler.raft.RecoveredState;
import io.tumbler.raft.Snapshot;
import io.tumbler.raft.SnapshotMeta;
import io.tumbler.raft.node.SyncResult;
import io.tumbler.raft.storage.CorruptLogException;
import io.tumbler.raft.storage.SegmentedLog;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segmented log on real files through the NIO adapters: fsync, reopen, torn tails, corruption. */
class NioSegmentedLogTest {
    private static List<Entry> entries(long from, long to, long term) {
        List<Entry> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(new Entry(i, term, EntryType.NORMAL, ("entry-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static void sync(SegmentedLog log) {
        SyncResult[] result = new SyncResult[1];
        log.sync(r -> result[0] = r);
        assertEquals(SyncResult.SYNCED, result[0], "NioStorageFile completes a sync before returning");
    }

    private static RecoveredState reload(Path dir) throws IOException {
        SegmentedLog log = new SegmentedLog(new NioStorageDirectory(dir), 1024);
        try {
            return log.load();
        } finally {
            log.close();
        }
    }

    private static Path onlySegment(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> segments = files.filter(p -> p.getFileName().toString().endsWith(".seg")).sorted().toList();
            return segments.get(segments.size() - 1);
        }
    }

    @Test
    void writesSurviveReopeningOnRealFiles(@TempDir Path dir) throws IOException {
        SegmentedLog log = new SegmentedLog(new NioStorageDirectory(dir), 1024);
        log.load();
        log.append(entries(1, 100, 1));
        log.saveHardState(new HardState(3, 2, 90));
        sync(log);
        log.saveSnapshot(new Snapshot(new SnapshotMeta(80, 1), new byte[] {1, 2, 3}));
        log.compactPrefix(80);
        sync(log);
        log.close();

        RecoveredState state = reload(dir);
        assertEquals(new HardState(3, 2, 90), state.hardState());
        assertEquals(new SnapshotMeta(80, 1), state.snapshot().meta());
        assertEquals(entries(81, 100, 1), state.entries());
    }

    @Test
    void aTornLastRecordIsCutAtEveryTearPoint(@TempDir Path root) throws IOException {
        for (int cut = 1; cut <= 24; cut++) {
            Path dir = root.resolve("cut" + cut);
            SegmentedLog log = new SegmentedLog(new NioStorageDirectory(dir), 1 << 20);
            log.load();
            log.append(entries(1, 5, 1));
            sync(log);
            log.close();
            Path segment = onlySegment(dir);
            try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
                file.setLength(file.length() - cut);
            }
            RecoveredState state = reload(dir);
            assertEquals(entries(1, 4, 1), state.entries(), "cut " + cut + " bytes off the last record");
            assertEquals(entries(1, 4, 1), reload(dir).entries(), "the repair is stable");
        }
    }

    @Test
    void aFlippedByteInTheMiddleNamesFileAndOffset(@TempDir Path dir) throws IOException {
        SegmentedLog log = new SegmentedLog(new NioStorageDirectory(dir), 1 << 20);
        log.load();
        log.append(entries(1, 5, 1));
        sync(log);
        log.close();
        Path segment = onlySegment(dir);
        byte[] bytes = Files.readAllBytes(segment);
        bytes[40] ^= 0x01;
        Files.write(segment, bytes);

        CorruptLogException e = assertThrows(CorruptLogException.class, () -> reload(dir));
        assertEquals(segment.getFileName().toString(), e.fileName());
        assertTrue(e.offset() <= 40 && e.offset() >= 0, "offset " + e.offset());
        assertTrue(e.getMessage().contains(segment.getFileName().toString()), e.getMessage());
    }

    @Test
    void directoryListsSortedAndDeletes(@TempDir Path dir) throws IOException {
        NioStorageDirectory directory = new NioStorageDirectory(dir);
        for (String name : List.of("b", "a", "c")) {
            directory.open(name).close();
        }
        assertEquals(List.of("a", "b", "c"), directory.list());
        directory.delete("b");
        assertEquals(List.of("a", "c"), directory.list());
        SyncResult[] result = new SyncResult[1];
        directory.sync(r -> result[0] = r);
        assertEquals(SyncResult.SYNCED, result[0]);
        assertThrows(IllegalArgumentException.class, () -> directory.open("../escape"));
    }
}
