package io.tumbler.raft.storage;

import io.tumbler.raft.node.SyncCallback;
import java.io.IOException;
import java.util.List;

/**
 * A flat directory of {@link StorageFile}s: the second half of the file port (see StorageFile for the
 * durability and threading contract, which applies here too).
 *
 * <p>Creating or deleting a file changes {@link #list} at once but is durable only after {@link #sync}
 * of the directory succeeds (POSIX needs an fsync of the directory for a new name to survive a crash).
 * File names are plain names without separators.
 */
public interface StorageDirectory {
    /** Names of the files present, in ascending lexicographic order (so callers never depend on OS order). */
    List<String> list() throws IOException;

    /** Opens {@code name}, creating an empty file if absent. At most one open handle per name. */
    StorageFile open(String name) throws IOException;

    /** Deletes {@code name} if present; an open handle to it must have been closed. */
    void delete(String name) throws IOException;

    /** Makes earlier creations and deletions durable, then calls {@code callback} exactly once. */
    void sync(SyncCallback callback);

    /** A short description for error messages (a path, or a simulated node's disk name). */
    String describe();
}
