package io.tumbler.realcluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * The {@link DiskVolume} of every node of a run that has disk faults switched on, and the guarantee that none
 * stays mounted after it: {@link #close} unmounts them all (after the servers stopped), and a JVM shutdown hook
 * unmounts lazily whatever is left on Ctrl-C.
 */
final class DiskVolumes implements AutoCloseable {
    private final TreeMap<Integer, DiskVolume> volumes = new TreeMap<>();
    private final Thread shutdownHook;

    private DiskVolumes() {
        this.shutdownHook = new Thread(() -> volumes.values().forEach(DiskVolume::unmount), "volume-reaper");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** No volumes: data directories stay on the run directory's own file system. */
    static DiskVolumes none() {
        return new DiskVolumes();
    }

    /** A formatted, mounted volume for each of {@code nodes} under {@code nodesDir/nX/}. */
    static DiskVolumes create(List<Integer> nodes, Path nodesDir) throws IOException {
        DiskVolumes all = new DiskVolumes();
        try {
            for (int node : nodes) {
                all.volumes.put(node, DiskVolume.create(node, nodesDir.resolve("n" + node)));
            }
        } catch (IOException | RuntimeException e) {
            all.close();
            throw e;
        }
        return all;
    }

    /** Node {@code node}'s volume; it must exist (disk faults are drawn only when volumes were made). */
    DiskVolume of(int node) {
        DiskVolume volume = volumes.get(node);
        if (volume == null) {
            throw new IllegalStateException("node " + node + " has no disk volume (disk faults are off)");
        }
        return volume;
    }

    /** Where node {@code node} keeps its data: in its volume, or {@code fallback} without volumes. */
    Path dataDirectory(int node, Path fallback) {
        DiskVolume volume = volumes.get(node);
        return volume == null ? fallback : volume.dataDirectory();
    }

    Collection<DiskVolume> all() {
        return volumes.values();
    }

    /** Unmounts every volume; call after the servers stopped. Safe to call twice. */
    @Override
    public void close() {
        volumes.values().forEach(DiskVolume::unmount);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook runs anyway.
        }
    }
}
