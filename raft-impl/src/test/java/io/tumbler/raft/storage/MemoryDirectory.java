package io.tumbler.raft.storage;

import io.tumbler.raft.node.SyncCallback;
import io.tumbler.raft.node.SyncResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * A test disk that models what survives a crash: per file, the written bytes and the synced bytes; per
 * directory, the names made durable by a directory sync. {@link #crash} builds the directory a restarted
 * process would find, optionally keeping a prefix of each file's unsynced appends (a torn write). Syncs
 * can be made to fail, or be held back and completed by the test ({@link #holdSyncs}).
 *
 * <p>This is a fake disk for unit tests of the framing and recovery code; scenario tests run the same
 * code on the simulator's disk.
 */
public final class MemoryDirectory implements StorageDirectory {
    private final TreeMap<String, Content> files = new TreeMap<>();
    private final TreeSet<String> durableNames = new TreeSet<>();
    /** Durable contents of files deleted since the last directory sync (a crash brings them back). */
    private final TreeMap<String, byte[]> deletedButDurable = new TreeMap<>();
    private final Deque<Runnable> heldSyncs = new ArrayDeque<>();
    private int failSyncs;
    private boolean holdSyncs;
    private int syncCount;

    /** One file's bytes. */
    private static final class Content {
        byte[] written = new byte[0];
        byte[] synced = new byte[0];
        boolean open;
    }

    @Override
    public List<String> list() {
        return new ArrayList<>(files.keySet());
    }

    @Override
    public StorageFile open(String name) {
        Content content = files.computeIfAbsent(name, n -> new Content());
        if (content.open) {
            throw new IllegalStateException("file " + name + " is already open");
        }
        content.open = true;
        return new MemoryFile(name, content);
    }

    @Override
    public void delete(String name) {
        Content content = files.remove(name);
        if (content != null && content.open) {
            throw new IllegalStateException("deleting open file " + name);
        }
        if (content != null && durableNames.contains(name)) {
            deletedButDurable.put(name, content.synced);
        }
    }

    @Override
    public void sync(SyncCallback callback) {
        complete(callback, () -> {
            durableNames.clear();
            durableNames.addAll(files.keySet());
            deletedButDurable.clear();
        });
    }

    @Override
    public String describe() {
        return "memory";
    }

    /** The next {@code count} sync requests fail without making anything durable. */
    public void failNextSyncs(int count) {
        failSyncs = count;
    }

    /** From now on, sync callbacks wait for {@link #releaseOneSync}. */
    public void holdSyncs(boolean hold) {
        holdSyncs = hold;
    }

    /** Completes the oldest held sync; returns false if none is held. */
    public boolean releaseOneSync() {
        Runnable next = heldSyncs.poll();
        if (next == null) {
            return false;
        }
        next.run();
        return true;
    }

    /** Number of held syncs. */
    public int heldSyncCount() {
        return heldSyncs.size();
    }

    /** Number of successful file and directory syncs so far. */
    public int syncCount() {
        return syncCount;
    }

    /** The current (written) bytes of {@code name}. */
    public byte[] bytes(String name) {
        return files.get(name).written.clone();
    }

    /** Overwrites the written AND synced bytes of {@code name} (bit rot on the platter). */
    public void damage(String name, int offset, int xorMask) {
        Content content = files.get(name);
        content.written[offset] ^= (byte) xorMask;
        if (offset < content.synced.length) {
            content.synced[offset] ^= (byte) xorMask;
        }
    }

    /** Replaces the contents of {@code name} (written and synced), for crafted recovery inputs. */
    public void replace(String name, byte[] bytes) {
        Content content = files.computeIfAbsent(name, n -> new Content());
        content.written = bytes.clone();
        content.synced = bytes.clone();
        durableNames.add(name);
    }

    /** The directory after a crash that keeps no unsynced byte. */
    public MemoryDirectory crash() {
        return crash(name -> 0);
    }

    /**
     * The directory a restarted process finds: durable names only, each with its synced bytes plus, when
     * the written bytes extend the synced ones, the first {@code keepUnsynced(name)} unsynced bytes.
     */
    public MemoryDirectory crash(ToIntFunction<String> keepUnsynced) {
        MemoryDirectory after = new MemoryDirectory();
        for (String name : durableNames) {
            Content content = files.get(name);
            byte[] bytes = content == null ? deletedButDurable.get(name) : survivor(content, keepUnsynced.applyAsInt(name));
            if (bytes != null) {
                after.replace(name, bytes);
            }
        }
        return after;
    }

    private static byte[] survivor(Content content, int keep) {
        byte[] synced = content.synced;
        byte[] written = content.written;
        boolean extendsSynced = written.length >= synced.length
                && Arrays.equals(written, 0, synced.length, synced, 0, synced.length);
        if (!extendsSynced || keep <= 0) {
            return synced.clone();
        }
        return Arrays.copyOf(written, synced.length + Math.min(keep, written.length - synced.length));
    }

    private void complete(SyncCallback callback, Runnable makeDurable) {
        Runnable completion = () -> {
            if (failSyncs > 0) {
                failSyncs--;
                callback.completed(new SyncResult.Failed("injected fsync failure"));
                return;
            }
            makeDurable.run();
            syncCount++;
            callback.completed(SyncResult.SYNCED);
        };
        if (holdSyncs) {
            heldSyncs.add(completion);
        } else {
            completion.run();
        }
    }

    /** A handle to one file. */
    private final class MemoryFile implements StorageFile {
        private final String name;
        private final Content content;
        private boolean closed;

        MemoryFile(String name, Content content) {
            this.name = name;
            this.content = content;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long size() {
            requireOpen();
            return content.written.length;
        }

        @Override
        public byte[] read(long offset, int length) {
            requireOpen();
            if (offset < 0 || offset + length > content.written.length) {
                throw new IllegalArgumentException("read outside " + name);
            }
            return Arrays.copyOfRange(content.written, (int) offset, (int) offset + length);
        }

        @Override
        public void append(byte[] bytes) {
            requireOpen();
            byte[] grown = Arrays.copyOf(content.written, content.written.length + bytes.length);
            System.arraycopy(bytes, 0, grown, content.written.length, bytes.length);
            content.written = grown;
        }

        @Override
        public void truncate(long size) {
            requireOpen();
            content.written = Arrays.copyOf(content.written, (int) size);
        }

        @Override
        public void sync(SyncCallback callback) {
            requireOpen();
            byte[] snapshot = content.written.clone();
            complete(callback, () -> content.synced = snapshot);
        }

        @Override
        public void close() {
            closed = true;
            content.open = false;
        }

        private void requireOpen() {
            if (closed) {
                throw new IllegalStateException(name + " is closed");
            }
        }
    }
}
