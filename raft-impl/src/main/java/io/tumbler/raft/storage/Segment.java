package io.tumbler.raft.storage;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One open WAL segment file: {@code wal-<sequence>.seg}, a {@link WalRecord.SegmentHeader} followed by
 * records. Segments are written in sequence order and deleted only as a prefix (compaction), so the
 * concatenation of the surviving segments is a suffix of everything ever logged.
 */
final class Segment {
    private static final String PREFIX = "wal-";
    private static final String SUFFIX = ".seg";

    private final long sequence;
    private final StorageFile file;
    /** Highest log index this segment's records mention (entries and resets); 0 if none. */
    private long maxIndex;
    /** The file's length, tracked here so appends need no size query. */
    private long sizeBytes;

    Segment(long sequence, StorageFile file, long maxIndex, long sizeBytes) {
        this.sequence = sequence;
        this.file = file;
        this.maxIndex = maxIndex;
        this.sizeBytes = sizeBytes;
    }

    /** The file name of segment {@code sequence}; zero-padded so lexicographic order is numeric order. */
    static String fileName(long sequence) {
        return PREFIX + String.format("%020d", sequence) + SUFFIX;
    }

    /** The sequence a file name denotes, or -1 if the name is not a segment's. */
    static long parseSequence(String name) {
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)
                || name.length() != PREFIX.length() + 20 + SUFFIX.length()) {
            return -1;
        }
        String digits = name.substring(PREFIX.length(), PREFIX.length() + 20);
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(digits);
    }

    long sequence() {
        return sequence;
    }

    StorageFile file() {
        return file;
    }

    String name() {
        return file.name();
    }

    long maxIndex() {
        return maxIndex;
    }

    void noteIndex(long index) {
        maxIndex = Math.max(maxIndex, index);
    }

    long size() {
        return sizeBytes;
    }

    void append(byte[] bytes) {
        try {
            file.append(bytes);
            sizeBytes += bytes.length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to WAL segment " + file.name() + ": " + e.getMessage(), e);
        }
    }
}
