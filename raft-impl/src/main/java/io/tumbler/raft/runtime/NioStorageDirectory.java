package io.tumbler.raft.runtime;

import io.tumbler.raft.node.SyncCallback;
import io.tumbler.raft.node.SyncResult;
import io.tumbler.raft.storage.StorageDirectory;
import io.tumbler.raft.storage.StorageFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A {@link StorageDirectory} on a real directory (created if absent). {@link #sync} fsyncs the directory
 * itself, which is what makes a new or deleted name durable on POSIX file systems; on Windows, where a
 * directory cannot be opened for fsync and NTFS journals names, it reports success.
 */
public final class NioStorageDirectory implements StorageDirectory {
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private final Path directory;

    /** Uses (creating if needed) {@code directory}. */
    public NioStorageDirectory(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    /** The directory's path. */
    public Path path() {
        return directory;
    }

    @Override
    public List<String> list() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            entries.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
        }
        names.sort(null);
        return names;
    }

    @Override
    public StorageFile open(String name) throws IOException {
        return NioStorageFile.open(directory, checkedName(name));
    }

    @Override
    public void delete(String name) throws IOException {
        Files.deleteIfExists(directory.resolve(checkedName(name)));
    }

    @Override
    public void sync(SyncCallback callback) {
        if (WINDOWS) {
            callback.completed(SyncResult.SYNCED);
            return;
        }
        SyncResult result;
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
            result = SyncResult.SYNCED;
        } catch (IOException | RuntimeException e) {
            result = new SyncResult.Failed("fsync of directory " + directory + " failed: " + e);
        }
        callback.completed(result);
    }

    @Override
    public String describe() {
        return directory.toString();
    }

    private static String checkedName(String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".")
                || name.equals("..")) {
            throw new IllegalArgumentException("not a plain file name: '" + name + "'");
        }
        return name;
    }
}
