package io.tumbler.raft.runtime;

import io.tumbler.raft.node.SyncCallback;
import io.tumbler.raft.node.SyncResult;
import io.tumbler.raft.storage.StorageFile;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@link StorageFile} on a real file through a {@link FileChannel}.
 *
 * <p>{@link #sync} calls {@link FileChannel#force force(false)} (fdatasync on Linux, which also persists
 * the file length that appends and truncates change) on the calling thread and reports the outcome before
 * returning, so the callback runs on the node's thread. A failed force is reported as
 * {@link SyncResult.Failed} and never retried (see SyncResult on why a node must halt).
 */
public final class NioStorageFile implements StorageFile {
    private final String name;
    private final Path path;
    private final FileChannel channel;

    private NioStorageFile(String name, Path path, FileChannel channel) {
        this.name = name;
        this.path = path;
        this.channel = channel;
    }

    /** Opens (creating if absent) the file {@code name} inside {@code directory}. */
    public static NioStorageFile open(Path directory, String name) throws IOException {
        Path path = directory.resolve(name);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        return new NioStorageFile(name, path, channel);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public byte[] read(long offset, int length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > channel.size()) {
            throw new IllegalArgumentException("read [" + offset + ", +" + length + ") outside " + path
                    + " of " + channel.size() + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, offset + buffer.position());
            if (n < 0) {
                throw new EOFException("unexpected end of " + path + " at " + (offset + buffer.position()));
            }
        }
        return buffer.array();
    }

    @Override
    public void append(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long position = channel.size();
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }

    @Override
    public void truncate(long size) throws IOException {
        if (size < 0 || size > channel.size()) {
            throw new IllegalArgumentException("cannot truncate " + path + " of " + channel.size()
                    + " bytes to " + size);
        }
        channel.truncate(size);
    }

    @Override
    public void sync(SyncCallback callback) {
        SyncResult result;
        try {
            channel.force(false);
            result = SyncResult.SYNCED;
        } catch (IOException | RuntimeException e) {
            result = new SyncResult.Failed("fsync of " + path + " failed: " + e);
        }
        callback.completed(result);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
