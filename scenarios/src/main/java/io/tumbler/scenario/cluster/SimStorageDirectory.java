package io.tumbler.scenario.cluster;

import io.tumbler.raft.node.SyncCallback;
import io.tumbler.raft.node.SyncResult;
import io.tumbler.raft.storage.StorageDirectory;
import io.tumbler.raft.storage.StorageFile;
import io.tumbler.sim.disk.SimDisk;
import java.util.ArrayList;
import java.util.List;

/**
 * The Raft storage port on a simulated disk: the production {@code SegmentedLog} runs unchanged on it,
 * so crashes lose exactly what the real code had not synced, torn writes and bit flips hit the real
 * framing and checksums.
 *
 * <p>File creation and deletion are durable at once on {@link SimDisk} (it does not model directory
 * entries), so a directory sync completes after the simulated fsync of an empty marker file — it still
 * takes simulated time and still completes by callback, never re-entrantly.
 */
public final class SimStorageDirectory implements StorageDirectory {
  private static final String DIRECTORY_MARKER = ".dir";
  private final SimDisk disk;

  public SimStorageDirectory(SimDisk disk) {
    this.disk = disk;
  }

  @Override
  public List<String> list() {
    List<String> names = new ArrayList<>();
    for (String name : disk.files()) {
      if (!name.equals(DIRECTORY_MARKER)) {
        names.add(name);
      }
    }
    names.sort(null);
    return names;
  }

  @Override
  public StorageFile open(String name) {
    if (!disk.exists(name)) {
      disk.append(name, new byte[0]);
    }
    return new SimStorageFile(disk, name);
  }

  @Override
  public void delete(String name) {
    disk.delete(name);
  }

  @Override
  public void sync(SyncCallback callback) {
    disk.sync(DIRECTORY_MARKER, result -> callback.completed(SimStorageFile.translate(result, "directory")));
  }

  @Override
  public String describe() {
    return "simulated disk of process " + disk.process();
  }

  /** One file on the simulated disk. */
  static final class SimStorageFile implements StorageFile {
    private final SimDisk disk;
    private final String name;

    SimStorageFile(SimDisk disk, String name) {
      this.disk = disk;
      this.name = name;
    }

    static SyncResult translate(io.tumbler.sim.disk.SyncResult result, String what) {
      return result == io.tumbler.sim.disk.SyncResult.SYNCED
          ? SyncResult.SYNCED
          : new SyncResult.Failed("simulated fsync failure on " + what);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public long size() {
      return disk.length(name);
    }

    @Override
    public byte[] read(long offset, int length) {
      return disk.read(name, Math.toIntExact(offset), length);
    }

    @Override
    public void append(byte[] bytes) {
      disk.append(name, bytes);
    }

    @Override
    public void truncate(long size) {
      disk.truncate(name, Math.toIntExact(size));
    }

    @Override
    public void sync(SyncCallback callback) {
      disk.sync(name, result -> callback.completed(translate(result, name)));
    }

    @Override
    public void close() {}
  }
}
