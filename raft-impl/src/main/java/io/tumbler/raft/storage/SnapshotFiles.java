package io.tumbler.raft.storage;

import io.tumbler.raft.CorruptMessageException;
import io.tumbler.raft.MessageCodec;
import io.tumbler.raft.Snapshot;
import io.tumbler.raft.node.SyncCallback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Snapshots as files {@code snapshot-<index>-<term>.snap}, each one framed, checksummed record (the core's
 * snapshot encoding, which carries its own digest). A snapshot counts once its file is durable; older
 * snapshot files are deleted after a newer one is. Recovery takes the newest file that verifies; a newer
 * one that does not is a write torn by a crash (its snapshot was never relied on) and is deleted.
 */
final class SnapshotFiles {
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".snap";

    private final StorageDirectory directory;
    /** Files written since the last successful sync, in write order. */
    private final List<StorageFile> unsynced = new ArrayList<>();
    private long newestIndex;
    private long durableIndex;

    private SnapshotFiles(StorageDirectory directory, long durableIndex) {
        this.directory = directory;
        this.newestIndex = durableIndex;
        this.durableIndex = durableIndex;
    }

    /** Recovers the newest valid snapshot; also returns the names of torn or superseded files to delete. */
    static Recovered recover(StorageDirectory directory) throws IOException {
        List<String> names = new ArrayList<>();
        for (String name : directory.list()) {
            if (parseIndex(name) >= 0) {
                names.add(name);
            }
        }
        names.sort((x, y) -> Long.compare(parseIndex(y), parseIndex(x)));
        Snapshot newest = null;
        List<String> obsolete = new ArrayList<>();
        for (String name : names) {
            Snapshot snapshot = newest == null ? readValid(directory, name) : null;
            if (snapshot == null) {
                obsolete.add(name);
            } else {
                newest = snapshot;
            }
        }
        long index = newest == null ? 0 : newest.meta().index();
        return new Recovered(new SnapshotFiles(directory, index), newest, obsolete);
    }

    /** The outcome of {@link #recover}. */
    record Recovered(SnapshotFiles files, Snapshot snapshot, List<String> obsolete) {}

    /** Writes {@code snapshot} to its own file; durable after the next sync. */
    void write(Snapshot snapshot) {
        String name = fileName(snapshot.meta().index(), snapshot.meta().term());
        try {
            StorageFile file = openForRewrite(name);
            file.truncate(0);
            file.append(RecordFrame.encode(MessageCodec.encodeSnapshot(snapshot)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot file " + name + ": " + e.getMessage(), e);
        }
        newestIndex = Math.max(newestIndex, snapshot.meta().index());
    }

    private StorageFile openForRewrite(String name) throws IOException {
        for (StorageFile file : unsynced) {
            if (file.name().equals(name)) {
                return file;
            }
        }
        StorageFile file = directory.open(name);
        unsynced.add(file);
        return file;
    }

    /** Files to sync before anything that depends on them (a log reset, compaction). */
    List<StorageFile> unsynced() {
        return List.copyOf(unsynced);
    }

    /** After {@code synced} (a prefix of {@link #unsynced}) became durable: close them, note the index. */
    void markDurable(List<StorageFile> synced) throws IOException {
        for (StorageFile file : synced) {
            durableIndex = Math.max(durableIndex, parseIndex(file.name()));
            file.close();
            unsynced.remove(file);
        }
    }

    /** The index of the newest durable snapshot (0 if none). */
    long durableIndex() {
        return durableIndex;
    }

    /** The index of the newest snapshot written, durable or not (0 if none). */
    long newestIndex() {
        return newestIndex;
    }

    /** Deletes snapshot files older than the newest durable one; returns whether any were deleted. */
    boolean deleteSuperseded() throws IOException {
        boolean deleted = false;
        for (String name : directory.list()) {
            long index = parseIndex(name);
            if (index >= 0 && index < durableIndex) {
                directory.delete(name);
                deleted = true;
            }
        }
        return deleted;
    }

    void close() throws IOException {
        for (StorageFile file : unsynced) {
            file.close();
        }
        unsynced.clear();
    }

    static String fileName(long index, long term) {
        return PREFIX + String.format("%020d-%020d", index, term) + SUFFIX;
    }

    /** The index in a snapshot file name, or -1 if the name is not a snapshot's. */
    static long parseIndex(String name) {
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)
                || name.length() != PREFIX.length() + 41 + SUFFIX.length()) {
            return -1;
        }
        String middle = name.substring(PREFIX.length(), PREFIX.length() + 41);
        for (int i = 0; i < middle.length(); i++) {
            char c = middle.charAt(i);
            if (i == 20 ? c != '-' : (c < '0' || c > '9')) {
                return -1;
            }
        }
        return Long.parseLong(middle.substring(0, 20));
    }

    private static Snapshot readValid(StorageDirectory directory, String name) throws IOException {
        try (StorageFile file = directory.open(name)) {
            long size = file.size();
            if (size <= RecordFrame.HEADER_BYTES || size > RecordFrame.MAX_PAYLOAD_BYTES + RecordFrame.HEADER_BYTES) {
                return null;
            }
            byte[] bytes = file.read(0, (int) size);
            FrameScan scan = FrameScan.of(bytes, bytes.length);
            if (scan.frames().size() != 1 || scan.invalid() != null) {
                return null;
            }
            Snapshot snapshot = decode(name, scan.frames().get(0).payload());
            if (!fileName(snapshot.meta().index(), snapshot.meta().term()).equals(name)) {
                throw new CorruptLogException(name, 0, "file holds the snapshot at " + snapshot.meta().index() + "@"
                        + snapshot.meta().term());
            }
            return snapshot;
        }
    }

    private static Snapshot decode(String name, byte[] payload) {
        try {
            return MessageCodec.decodeSnapshot(payload);
        } catch (CorruptMessageException e) {
            throw new CorruptLogException(name, RecordFrame.HEADER_BYTES, "checksummed snapshot does not parse: "
                    + e.getMessage());
        }
    }
}
