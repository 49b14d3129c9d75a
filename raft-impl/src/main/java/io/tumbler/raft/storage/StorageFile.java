package io.tumbler.raft.storage;

import io.tumbler.raft.node.SyncCallback;
import java.io.IOException;

/**
 * A tiny file port: the whole of what the segmented log needs from a disk, so that the same log code runs
 * on real files ({@code io.tumbler.raft.runtime.NioStorageFile}) and on a simulated disk.
 *
 * <p>Durability contract: {@link #append} and {@link #truncate} change what {@link #read} and
 * {@link #size} report at once, but nothing is durable until a later {@link #sync} reports success; a
 * crash may keep any prefix of the unsynced appends (a torn tail) and may undo an unsynced truncate. A
 * {@link io.tumbler.raft.node.SyncResult.Failed failed} sync leaves durability unknown and is fatal to
 * the owner.
 *
 * <p>Threading: all calls come from the owner's single thread; the sync callback is delivered on that
 * thread too (synchronously or later). No method may be called after {@link #close}.
 *
 * <p>Errors: an {@link IOException} means the device misbehaved; callers treat it as fatal.
 */
public interface StorageFile extends AutoCloseable {
    /** The file's name inside its {@link StorageDirectory}. */
    String name();

    /** The current length in bytes, unsynced appends included. */
    long size() throws IOException;

    /**
     * Reads exactly {@code length} bytes at {@code offset}; the range must lie within {@link #size}.
     *
     * @return a fresh array the caller owns
     */
    byte[] read(long offset, int length) throws IOException;

    /** Appends {@code bytes} at the end; the array is not retained. */
    void append(byte[] bytes) throws IOException;

    /** Shortens the file to {@code size} bytes ({@code size <= size()}). */
    void truncate(long size) throws IOException;

    /** Makes every earlier append and truncate durable, then calls {@code callback} exactly once. */
    void sync(SyncCallback callback);

    /** Releases the handle; unsynced data keeps the durability it has. */
    @Override
    void close() throws IOException;
}
