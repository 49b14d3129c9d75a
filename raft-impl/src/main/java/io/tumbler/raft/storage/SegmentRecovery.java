package io.tumbler.raft.storage;

import io.tumbler.raft.CorruptMessageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every WAL segment back at startup, repairs a torn tail and replays the records.
 *
 * <p>Torn tail versus corruption: the first record that fails its frame check (short header, impossible
 * length, checksum mismatch, or a segment without its header) is a torn tail if and only if no valid
 * frame follows it anywhere, in its segment or a later one; the log is then cut there and later
 * segments are deleted. A bad record followed by good ones is damage to data that had been synced, and is
 * reported as a {@link CorruptLogException} naming the segment and offset. Segments are synced in
 * sequence order and a sync is awaited before the next begins, so a crash can only tear the newest
 * unsynced writes.
 */
final class SegmentRecovery {
    private final StorageDirectory directory;
    private final List<Segment> segments = new ArrayList<>();
    private final LogReplay replay = new LogReplay();

    private SegmentRecovery(StorageDirectory directory) {
        this.directory = directory;
    }

    /** The recovered, open segments (oldest first) and the replayed log. */
    record Result(List<Segment> segments, LogReplay replay) {}

    static Result recover(StorageDirectory directory) throws IOException {
        SegmentRecovery recovery = new SegmentRecovery(directory);
        recovery.run();
        return new Result(List.copyOf(recovery.segments), recovery.replay);
    }

    private void run() throws IOException {
        List<String> names = segmentNames();
        List<byte[]> contents = new ArrayList<>();
        List<FrameScan> scans = new ArrayList<>();
        for (String name : names) {
            try (StorageFile file = directory.open(name)) {
                byte[] bytes = readAll(file);
                contents.add(bytes);
                scans.add(FrameScan.of(bytes, bytes.length));
            }
        }
        int keep = names.size();
        for (int k = 0; k < names.size(); k++) {
            FrameRead.Invalid bad = firstInvalid(scans.get(k));
            if (bad != null) {
                requireTornTail(names, contents, scans, k, bad);
                cutTornTail(names, k, bad.offset());
                keep = bad.offset() == 0 ? k : k + 1;
                break;
            }
        }
        for (int k = 0; k < keep; k++) {
            StorageFile file = directory.open(names.get(k));
            Segment segment = new Segment(Segment.parseSequence(names.get(k)), file, 0, file.size());
            replaySegment(segment, scans.get(k));
            segments.add(segment);
        }
    }

    private List<String> segmentNames() throws IOException {
        List<String> names = new ArrayList<>();
        long expected = -1;
        for (String name : directory.list()) {
            long sequence = Segment.parseSequence(name);
            if (sequence < 0) {
                continue;
            }
            if (expected >= 0 && sequence != expected) {
                throw new CorruptLogException(name, 0, "segment " + Segment.fileName(expected) + " is missing");
            }
            expected = sequence + 1;
            names.add(name);
        }
        return names;
    }

    private static FrameRead.Invalid firstInvalid(FrameScan scan) {
        if (scan.invalid() != null) {
            return scan.invalid();
        }
        return scan.frames().isEmpty() ? new FrameRead.Invalid(0, "segment has no header record") : null;
    }

    private static void requireTornTail(List<String> names, List<byte[]> contents, List<FrameScan> scans, int k,
                                        FrameRead.Invalid bad) {
        byte[] bytes = contents.get(k);
        boolean validAfter = RecordFrame.anyValidFrameAfter(bytes, bad.offset(), bytes.length);
        for (int later = k + 1; later < names.size() && !validAfter; later++) {
            validAfter = !scans.get(later).frames().isEmpty();
        }
        if (validAfter) {
            throw new CorruptLogException(names.get(k), bad.offset(), bad.reason()
                    + ", and valid records follow, so this is not a torn write");
        }
    }

    private void cutTornTail(List<String> names, int k, int offset) throws IOException {
        if (offset == 0) {
            directory.delete(names.get(k));
        } else {
            try (StorageFile file = directory.open(names.get(k))) {
                file.truncate(offset);
            }
        }
        for (int later = k + 1; later < names.size(); later++) {
            directory.delete(names.get(later));
        }
    }

    private void replaySegment(Segment segment, FrameScan scan) {
        List<FrameRead.Frame> frames = scan.frames();
        for (int i = 0; i < frames.size(); i++) {
            FrameRead.Frame frame = frames.get(i);
            WalRecord record = decode(segment.name(), frame);
            boolean header = record instanceof WalRecord.SegmentHeader;
            if (header != (i == 0)) {
                throw new CorruptLogException(segment.name(), frame.offset(), i == 0
                        ? "the first record is not a segment header" : "a segment header in the middle");
            }
            if (header && ((WalRecord.SegmentHeader) record).sequence() != segment.sequence()) {
                throw new CorruptLogException(segment.name(), frame.offset(), "header names segment "
                        + ((WalRecord.SegmentHeader) record).sequence());
            }
            applyRecord(segment, frame, record);
        }
    }

    private void applyRecord(Segment segment, FrameRead.Frame frame, WalRecord record) {
        try {
            replay.apply(record);
        } catch (LogReplay.ReplayException e) {
            throw new CorruptLogException(segment.name(), frame.offset(), e.getMessage());
        }
        if (record instanceof WalRecord.EntryRecord e) {
            segment.noteIndex(e.entry().index());
        } else if (record instanceof WalRecord.LogReset reset) {
            segment.noteIndex(reset.index());
        }
    }

    private static WalRecord decode(String name, FrameRead.Frame frame) {
        try {
            return WalRecord.decode(frame.payload());
        } catch (PayloadReader.MalformedPayloadException | CorruptMessageException e) {
            throw new CorruptLogException(name, frame.offset(), "checksummed record does not parse: " + e.getMessage());
        }
    }

    private static byte[] readAll(StorageFile file) throws IOException {
        long size = file.size();
        if (size > Integer.MAX_VALUE - 16) {
            throw new CorruptLogException(file.name(), 0, "segment of " + size + " bytes exceeds the 2 GiB limit");
        }
        return file.read(0, (int) size);
    }
}
