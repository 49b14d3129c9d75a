package io.tumbler.raft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tumbler.raft.RaftConfig;
import io.tumbler.raft.node.CounterMachine;
import io.tumbler.raft.node.Observation;
import io.tumbler.raft.node.ReadMode;
import io.tumbler.raft.node.ReadOutcome;
import io.tumbler.raft.node.SubmitResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server on a real file system that fills up: its data directory is on a small tmpfs of its own, a ballast
 * file takes the rest of the space, and the next client command needs blocks the kernel refuses (ENOSPC). The
 * server must halt (fail-stop) with the OS's reason and never acknowledge that command; restarted on the freed
 * disk it still holds every command it acknowledged. Mounting needs root with CAP_SYS_ADMIN: without it the test
 * is skipped and says why.
 */
class RaftServerDiskFullTest {
    @TempDir Path root;
    private Path disk;
    private boolean mounted;
    private RaftServer server;

    @AfterEach
    void cleanUp() throws Exception {
        if (server != null) {
            server.close();
        }
        if (mounted) {
            command("umount", disk.toString());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFullDiskHaltsTheServerBeforeItAcknowledgesAndNothingAcknowledgedIsLost() throws Exception {
        disk = Files.createDirectories(root.resolve("disk"));
        int mount = command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString());
        assumeTrue(mount == 0, "cannot mount a tmpfs here (exit " + mount + "): needs root with mount permission");
        mounted = true;
        Path data = disk.resolve("data");

        server = startSingleNode(data);
        for (int seq = 1; seq <= 5; seq++) {
            assertInstanceOf(SubmitResult.Ok.class, server.submit(7, seq, payload(seq)).get(10, TimeUnit.SECONDS));
        }
        String refusal = fill(disk.resolve("ballast"));
        assertTrue(refusal.contains("No space left on device"), refusal);

        CompletableFuture<SubmitResult> refused = server.submit(7, 6, payload(6));
        String reason = server.halted().get(10, TimeUnit.SECONDS);
        assertTrue(reason.contains("No space left on device"), "the halt names the OS's refusal: " + reason);
        assertFalse(refused.isDone() && refused.join() instanceof SubmitResult.Ok,
                "a command the disk refused was acknowledged: " + refused);
        server.close();

        Files.delete(disk.resolve("ballast"));
        server = startSingleNode(data);
        long count = CounterMachine.decode(assertInstanceOf(ReadOutcome.Ok.class,
                server.read(ReadMode.LINEARIZABLE, new byte[0]).get(10, TimeUnit.SECONDS)).result());
        assertTrue(count == 5 || count == 6, "every acknowledged command survived (the refused one may or may not"
                + " have reached the log before the refusal): " + count);
        assertEquals(null, server.halted().getNow(null));
    }

    /** A one-voter server on {@code data}; returns once it leads. */
    private static RaftServer startSingleNode(Path data) throws Exception {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        CompletableFuture<Integer> leader = new CompletableFuture<>();
        RaftServerOptions options = RaftServerOptions.defaults(RaftConfig.defaults(1, List.of(1)),
                        Map.of(1, (InetSocketAddress) socket.getLocalSocketAddress()), data)
                .withTickMillis(10)
                .withSnapshotEveryEntries(0)
                .withObserver(o -> {
                    if (o instanceof Observation.BecameLeader b) {
                        leader.complete(b.node());
                    }
                });
        RaftServer started = RaftServer.start(options, new CounterMachine(), socket);
        leader.get(20, TimeUnit.SECONDS);
        return started;
    }

    /** 16 KiB, so the command needs fresh pages of the file system. */
    private static byte[] payload(int seq) {
        byte[] bytes = new byte[16 << 10];
        bytes[0] = (byte) seq;
        return bytes;
    }

    /** Writes zeros into {@code ballast} until the kernel refuses; returns the refusal. */
    private static String fill(Path ballast) throws IOException {
        try (FileChannel channel = FileChannel.open(ballast, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate(4096);
            while (true) {
                zeros.clear();
                channel.write(zeros);
            }
        } catch (IOException full) {
            return full.getMessage();
        }
    }

    private static int command(String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
