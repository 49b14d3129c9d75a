package io.tumbler.realcluster;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One node's data directory on a file system of its own: a small ext4 image, loop-mounted with
 * {@code errors=remount-ro}, so that disk faults are the kernel's own and reach the server through the file
 * descriptors it already holds.
 *
 * <ul>
 *   <li><b>Full</b> ({@link #fill}): a ballast file beside the data directory takes every free block (written until
 *       the kernel answers ENOSPC; the image has no reserved blocks), so the server's next append that needs a block
 *       fails with {@code No space left on device}. Healed by deleting the ballast ({@link #unfill}).</li>
 *   <li><b>Read-only</b> ({@link #makeReadOnly}): the ext4 error path is triggered through
 *       {@code /sys/fs/ext4/<loop>/trigger_fs_error}; ext4 aborts its journal and remounts itself read-only, as it
 *       does on a real disk error, and every later write or fsync fails with {@code Read-only file system}. ext4
 *       refuses to go back to read-write under an error, so the heal ({@link #repair}) is the operator's: the node's
 *       process must be gone, then unmount, {@code e2fsck -fy}, mount again.</li>
 * </ul>
 *
 * <p>Needs mount permission, loop devices, {@code mkfs.ext4} and {@code e2fsck}: {@link #unavailableReason} tries
 * them once at the start of a run. Called from the run's main and nemesis threads; synchronized on this object.
 */
final class DiskVolume {
    /** Big enough for a minute of WAL and snapshots, small enough to fill in a moment. */
    static final long IMAGE_BYTES = 64L << 20;
    private static final long COMMAND_TIMEOUT_SECONDS = 30;

    private final int node;
    private final Path image;
    private final Path mountPoint;
    private boolean mounted;
    private boolean readOnly;
    private long ballastBytes;

    private DiskVolume(int node, Path image, Path mountPoint) {
        this.node = node;
        this.image = image;
        this.mountPoint = mountPoint;
    }

    /** Formats {@code nodeDir/disk.img} and mounts it at {@code nodeDir/volume}. */
    static DiskVolume create(int node, Path nodeDir) throws IOException {
        DiskVolume volume = new DiskVolume(node, nodeDir.resolve("disk.img"), nodeDir.resolve("volume"));
        volume.format();
        volume.mount();
        return volume;
    }

    /**
     * Why disk faults cannot run here, or empty when they can: formats, mounts, finds the ext4 error trigger and
     * unmounts a scratch volume under {@code scratchDir}, which is deleted afterwards.
     */
    static Optional<String> unavailableReason(Path scratchDir) {
        DiskVolume probe = new DiskVolume(0, scratchDir.resolve("probe.img"), scratchDir.resolve("probe"));
        try {
            probe.format();
            probe.mount();
            Path trigger = probe.errorTrigger();
            if (!Files.isWritable(trigger)) {
                return Optional.of("no ext4 error trigger at " + trigger);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        } finally {
            probe.unmount();
            try {
                Files.deleteIfExists(probe.image);
                Files.deleteIfExists(probe.mountPoint);
                Files.deleteIfExists(scratchDir);
            } catch (IOException ignored) {
                // A scratch file left in the run directory harms nothing.
            }
        }
    }

    /** Where the server keeps its files: a directory inside the volume (the ballast lives beside it). */
    Path dataDirectory() {
        return mountPoint.resolve("data");
    }

    int node() {
        return node;
    }

    synchronized boolean isFull() {
        return ballastBytes > 0;
    }

    synchronized boolean isReadOnly() {
        return readOnly;
    }

    /**
     * Takes every free block with a ballast file; says how much it took and how the kernel refused the last write.
     */
    synchronized String fill() throws IOException {
        Path ballast = mountPoint.resolve("ballast");
        String refusal = "";
        try (FileChannel channel = FileChannel.open(ballast, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            for (int chunk : new int[] {1 << 20, 4096}) {
                ByteBuffer zeros = ByteBuffer.allocate(chunk);
                try {
                    while (true) {
                        zeros.clear();
                        ballastBytes += channel.write(zeros);
                    }
                } catch (IOException full) {
                    refusal = full.getMessage();
                }
            }
            try {
                channel.force(false);
            } catch (IOException e) {
                refusal = e.getMessage();
            }
        }
        return "ballast of " + (ballastBytes >> 10) + " KiB, then the kernel refused: " + refusal;
    }

    /** Deletes the ballast. */
    synchronized void unfill() throws IOException {
        Files.deleteIfExists(mountPoint.resolve("ballast"));
        ballastBytes = 0;
    }

    /**
     * Triggers ext4's error path; returns what a write into the volume now gets from the kernel.
     *
     * @throws IOException when the volume still takes writes afterwards (the fault did not happen)
     */
    synchronized String makeReadOnly() throws IOException {
        Files.writeString(errorTrigger(), "1\n", StandardCharsets.US_ASCII);
        readOnly = true;
        try {
            Files.writeString(mountPoint.resolve("probe"), "x", StandardCharsets.US_ASCII);
        } catch (IOException refused) {
            return "ext4 remounted it read-only; a write now gets: " + refused.getMessage();
        }
        throw new IOException("the volume of n" + node + " still takes writes after the ext4 error trigger");
    }

    /**
     * The operator's repair after {@link #makeReadOnly}: unmount, {@code e2fsck -fy}, mount read-write again. The
     * node's process must have exited (its open files would keep the volume busy). Returns what fsck said.
     */
    synchronized String repair() throws IOException {
        unmountOrThrow();
        Command fsck = run(List.of("e2fsck", "-fy", image.toString()));
        if (fsck.exit() > 1) {
            throw new IOException("e2fsck of " + image + " exited " + fsck.exit() + ": " + fsck.output());
        }
        mount();
        readOnly = false;
        ballastBytes = 0;
        return fsck.exit() == 0 ? "e2fsck found it clean" : "e2fsck fixed errors";
    }

    /** Unmounts (lazily if busy); safe to call more than once; never throws. */
    synchronized void unmount() {
        if (!mounted) {
            return;
        }
        try {
            if (run(List.of("umount", mountPoint.toString())).exit() != 0) {
                run(List.of("umount", "-l", mountPoint.toString()));
            }
        } catch (IOException e) {
            // Best effort at the end of a run: the loop device is freed with the last reference either way.
        }
        mounted = false;
    }

    private void format() throws IOException {
        Files.createDirectories(image.getParent());
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            file.setLength(IMAGE_BYTES);
        }
        Command mkfs = run(List.of("mkfs.ext4", "-q", "-F", "-m", "0", image.toString()));
        if (mkfs.exit() != 0) {
            throw new IOException("mkfs.ext4 " + image + " exited " + mkfs.exit() + ": " + mkfs.output());
        }
    }

    private void mount() throws IOException {
        Files.createDirectories(mountPoint);
        Command mount = run(List.of("mount", "-t", "ext4", "-o", "loop,errors=remount-ro", image.toString(),
                mountPoint.toString()));
        if (mount.exit() != 0) {
            throw new IOException("cannot loop-mount " + image + " (exit " + mount.exit() + "): " + mount.output());
        }
        mounted = true;
        Files.createDirectories(dataDirectory());
    }

    private void unmountOrThrow() throws IOException {
        for (int attempt = 0; mounted; attempt++) {
            Command umount = run(List.of("umount", mountPoint.toString()));
            if (umount.exit() == 0) {
                mounted = false;
            } else if (attempt >= 20) {
                throw new IOException("cannot unmount " + mountPoint + ": " + umount.output());
            } else {
                sleepQuietly(100);
            }
        }
    }

    /** {@code /sys/fs/ext4/loopN/trigger_fs_error} of the loop device this volume is mounted from. */
    private Path errorTrigger() throws IOException {
        String target = mountPoint.toRealPath().toString();
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8)) {
            String[] fields = line.split(" ");
            int dash = List.of(fields).indexOf("-");
            if (fields.length > 4 && fields[4].equals(target) && dash > 0 && dash + 2 < fields.length) {
                String source = fields[dash + 2];
                return Path.of("/sys/fs/ext4", source.substring(source.lastIndexOf('/') + 1), "trigger_fs_error");
            }
        }
        throw new IOException(target + " is not in /proc/self/mountinfo");
    }

    private record Command(int exit, String output) {}

    private static Command run(List<String> command) throws IOException {
        List<String> cmd = new ArrayList<>(command);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(cmd.get(0) + " cannot run: " + e.getMessage(), e);
        }
        try {
            if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " interrupted", e);
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().replaceAll("\\s+", " ");
        return new Command(p.exitValue(), output);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
